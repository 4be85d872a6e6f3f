// Shapes the server shares with the wire contract, re-exported so server code imports one place.
export type {
  Addin,
  Category,
  EffectiveConfig,
  FileRef,
  Message,
  Participant,
  Reaction,
  ReplyRef,
  RoomActivity,
  Role,
  RoomDetail,
  RoomPrivacy,
  RoomSummary,
  RoomType,
  Roster,
  SearchHit,
  User,
} from '../common/protocol';
export type { ConfigEntry } from '../common/config';
