// Wires the services over one Storage. The HTTP and socket layers receive this bundle.
import { join } from 'node:path';
import type { Storage } from '../storage/repositories';
import { AccountService } from './account-service';
import { AddinService } from './addin-service';
import { AttentionService } from './attention-service';
import { AuthService } from './auth-service';
import { BlobStore } from './blob-store';
import { CategoryService } from './category-service';
import { ConfigService } from './config-service';
import { DomainEventBus } from './events';
import { DEFAULT_FILE_OPTIONS, type FileOptions, FileService } from './file-service';
import { LastRoomService } from './last-room-service';
import { startMentionSweep } from './mention-sweep';
import { MessageActionService } from './message-action-service';
import { MessageAdminService } from './message-admin-service';
import { MessageService } from './message-service';
import { RecentMessages } from './recent-messages';
import { ReadMarkerService } from './read-marker-service';
import { RoomDirectory } from './room-directory';
import { RoomService } from './room-service';
import { UserDirectory } from './user-directory';

export interface Services {
  storage: Storage;
  events: DomainEventBus;
  blobs: BlobStore;
  auth: AuthService;
  accounts: AccountService;
  config: ConfigService;
  categories: CategoryService;
  addins: AddinService;
  rooms: RoomService;
  messages: MessageService;
  files: FileService;
  messageAdmin: MessageAdminService;
  messageActions: MessageActionService;
  readMarkers: ReadMarkerService;
  directory: RoomDirectory;
  /** §12: mentions, keyword alerts, invitations, notification levels (and the users in memory). */
  attention: AttentionService;
  /** The room each user last joined (rooms:list `lastRoomId`), written in batches. */
  lastRooms: LastRoomService;
  /** Writes what is still held in memory (read markers, last rooms); call before the store closes. */
  close(): Promise<void>;
}

export interface ServiceOptions {
  dataDir: string;
  site: string;
  pool: string;
  /** Several servers share the store through the cluster link (--redis). */
  clustered?: boolean;
  onError?: (what: string, error: unknown) => void;
  /** Upload limits and file clean-up (defaults: PROTOCOL §10); tests shorten them. */
  files?: Partial<FileOptions>;
  /** The sessions' clock (default Date.now); tests move it. */
  sessionClock?: () => number;
}

export async function createServices(storage: Storage, options: ServiceOptions): Promise<Services> {
  const onError = options.onError ?? ((what: string, error: unknown) => console.error(what, error));
  const events = new DomainEventBus();
  const blobs = new BlobStore(join(options.dataDir, 'files'));
  const config = new ConfigService(storage, events, options.site, options.pool);
  const directory = new RoomDirectory(storage);
  const users = new UserDirectory(storage, events);
  const readMarkers = new ReadMarkerService(storage, directory, users, events, { clustered: options.clustered ?? false }, (error) =>
    onError('read markers', error),
  );
  const attention = new AttentionService(storage, directory, users, events, readMarkers, onError);
  await Promise.all([config.load(), directory.load(), readMarkers.load(), attention.load()]);
  const rooms = new RoomService(storage, events, blobs, directory, attention.invitations);
  const auth = new AuthService(storage, events, options.sessionClock);
  const lastRooms = new LastRoomService(storage.lastRooms, directory, { clustered: options.clustered ?? false }, (error) =>
    onError('last rooms', error),
  );
  // Not on a clustered server: messages stored by the others reach it only as broadcasts.
  const recentMessages = options.clustered ? null : new RecentMessages(events, (roomId, limit) => storage.messages.latest(roomId, limit));
  const files = new FileService(storage, rooms, blobs, { ...DEFAULT_FILE_OPTIONS, ...options.files });
  const stopMentionSweep = startMentionSweep(storage.attention, (error) => onError('mention prune', error));
  return {
    storage,
    events,
    blobs,
    auth,
    accounts: new AccountService(storage, auth, attention.users),
    config,
    categories: new CategoryService(storage, events, directory),
    addins: new AddinService(storage, events, directory),
    rooms,
    messages: new MessageService(storage, events, config, rooms, readMarkers, onError, attention, recentMessages),
    files,
    messageAdmin: new MessageAdminService(storage, events, files, attention),
    messageActions: new MessageActionService(storage, events, config, rooms, files, attention),
    readMarkers,
    directory,
    attention,
    lastRooms,
    close: async () => {
      await stopMentionSweep();
      await Promise.all([readMarkers.close(), lastRooms.close()]);
    },
  };
}
