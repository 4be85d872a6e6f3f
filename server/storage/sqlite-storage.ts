// The SQLite implementation of Storage: one Kysely instance shared by every repository.
import type { Storage } from './repositories';
import { openSqliteDatabase } from './sqlite-database';
import { createAddinRepository } from './sql/addin-repository';
import { createCategoryRepository } from './sql/category-repository';
import { createConfigRepository } from './sql/config-repository';
import { createFileRepository } from './sql/file-repository';
import { createMessageRepository } from './sql/message-repository';
import { createRoomRepository } from './sql/room-repository';
import { createSessionRepository } from './sql/session-repository';
import { createUserRepository } from './sql/user-repository';

export async function openSqliteStorage(dataDir: string): Promise<Storage> {
  const db = await openSqliteDatabase(dataDir);
  return {
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    config: createConfigRepository(db),
    categories: createCategoryRepository(db),
    addins: createAddinRepository(db),
    rooms: createRoomRepository(db),
    messages: createMessageRepository(db),
    files: createFileRepository(db),
    close: () => db.destroy(),
  };
}
