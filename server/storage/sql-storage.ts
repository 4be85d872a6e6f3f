// Storage over one Kysely instance, for either dialect: the repositories are shared, only search
// differs, and each store brings its own (sqlite-storage.ts: a worker thread; postgres-storage.ts:
// one search at a time in front of the pool).
import type { Kysely } from 'kysely';
import type { SqlDialectKind } from './dialect';
import type { Storage } from './repositories';
import type { DatabaseSchema } from './schema';
import { createAddinRepository } from './sql/addin-repository';
import { createAlertRepository } from './sql/alert-repository';
import { createAttentionRepository } from './sql/attention-repository';
import { createCategoryRepository } from './sql/category-repository';
import { createConfigRepository } from './sql/config-repository';
import { createFileRepository } from './sql/file-repository';
import { createLastRoomRepository } from './sql/last-room-repository';
import { createMessageActionRepository } from './sql/message-action-repository';
import { type SearchFn, createMessageRepository } from './sql/message-repository';
import { createReadMarkerRepository } from './sql/read-marker-repository';
import { createRoomRepository } from './sql/room-repository';
import { createSessionRepository } from './sql/session-repository';
import { createUserRepository } from './sql/user-repository';

export interface SqlStorageOptions {
  /** How this store searches (the dialect's query, run where the store decides). */
  search: SearchFn;
  /** Runs before the database closes. */
  beforeClose?: () => Promise<void>;
}

export function createSqlStorage(db: Kysely<DatabaseSchema>, kind: SqlDialectKind, options: SqlStorageOptions): Storage {
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    config: createConfigRepository(db),
    categories: createCategoryRepository(db),
    addins: createAddinRepository(db),
    rooms: createRoomRepository(db),
    messages: createMessageRepository(db, options.search, kind),
    messageActions: createMessageActionRepository(db, kind),
    files: createFileRepository(db),
    readMarkers: createReadMarkerRepository(db),
    alerts: createAlertRepository(db),
    attention: createAttentionRepository(db),
    lastRooms: createLastRoomRepository(db),
    async close() {
      await options.beforeClose?.();
      await db.destroy();
    },
  };
}
