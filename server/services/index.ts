// Wires the services over one Storage. The HTTP and socket layers receive this bundle.
import { join } from 'node:path';
import type { Storage } from '../storage/repositories';
import { AccountService } from './account-service';
import { AddinService } from './addin-service';
import { AuthService } from './auth-service';
import { BlobStore } from './blob-store';
import { CategoryService } from './category-service';
import { ConfigService } from './config-service';
import { DomainEventBus } from './events';
import { DEFAULT_FILE_OPTIONS, type FileOptions, FileService } from './file-service';
import { MessageActionService } from './message-action-service';
import { MessageAdminService } from './message-admin-service';
import { MessageService } from './message-service';
import { ReadMarkerService } from './read-marker-service';
import { RoomService } from './room-service';

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
}

export async function createServices(
  storage: Storage,
  // files: upload limits and file clean-up (defaults: PROTOCOL §10); tests shorten them.
  options: { dataDir: string; site: string; pool: string; files?: Partial<FileOptions> },
): Promise<Services> {
  const events = new DomainEventBus();
  const blobs = new BlobStore(join(options.dataDir, 'files'));
  const config = new ConfigService(storage, events, options.site, options.pool);
  await config.load();
  const rooms = new RoomService(storage, events, blobs);
  const auth = new AuthService(storage, events);
  const files = new FileService(storage, rooms, blobs, { ...DEFAULT_FILE_OPTIONS, ...options.files });
  return {
    storage,
    events,
    blobs,
    auth,
    accounts: new AccountService(storage, auth),
    config,
    categories: new CategoryService(storage, events),
    addins: new AddinService(storage, events),
    rooms,
    messages: new MessageService(storage, events, config, rooms),
    files,
    messageAdmin: new MessageAdminService(storage, events, files),
    messageActions: new MessageActionService(storage, events, config, rooms, files),
    readMarkers: new ReadMarkerService(storage, rooms),
  };
}
