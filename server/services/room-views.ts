// Builds the wire views of a room for one user: what they may see and do is part of the view.
import type { Addin, RoomDetail, RoomSummary, User } from '../domain';
import type { CategoryRecord, RoomRecord } from '../storage/repositories';
import { can, isRoomMember } from './authorization';

export interface RoomContext {
  room: RoomRecord;
  category: CategoryRecord;
  addin: Addin | null;
}

/**
 * A room as the user sees it in a list, made in its final shape: the fields the read markers and
 * attention add to rooms:list (annotate) exist from the start, undefined until then (JSON leaves
 * them out). A thousand summaries per call then never change shape when they are filled in.
 */
export function toSummary(user: User, { room, category }: RoomContext, joined: boolean): RoomSummary {
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    categoryId: room.categoryId,
    type: room.type,
    privacy: room.privacy,
    disabled: room.disabled,
    joined,
    isMember: isRoomMember(user, room, category),
    canManage: can(user, 'manage', room, category),
    // A closed room says whom to ask to be let in (issue 11); a secret one is never listed.
    managers: room.privacy === 'closed' && !can(user, 'readHistory', room, category) ? [...room.managers] : undefined,
    followed: undefined,
    lastSeq: undefined,
    lastReadSeq: undefined,
    mentions: undefined,
    invited: undefined,
    notify: undefined,
  };
}

export function toDetail(user: User, context: RoomContext, joined: boolean): RoomDetail {
  const { room, category, addin } = context;
  return {
    ...toSummary(user, context, joined),
    addin,
    canPost: !room.disabled && can(user, 'post', room, category),
    fileUpload: category.fileUpload,
    chatHistory: category.chatHistory,
    messageEdits: category.messageEdits,
    managers: [...room.managers],
    presenters: [...room.presenters],
  };
}

/** The members, managers and presenters of a room, for the management pages. */
export function toManagedDetail(user: User, context: RoomContext, joined: boolean): RoomDetail & { members: string[]; invitations: boolean } {
  return { ...toDetail(user, context, joined), members: [...context.room.members], invitations: context.room.invitations };
}
