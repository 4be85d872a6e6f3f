// Uploaded file bytes on disk under <dataDir>/files/, one file per id. The database row is the
// truth; a blob without a row is garbage and is removed with its room.
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

export class BlobStore {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Ids are server-generated UUIDs, so joining them to the directory cannot escape it. */
  pathOf(fileId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(fileId)) throw new Error('bad file id');
    return join(this.dir, fileId);
  }

  async remove(fileIds: string[]): Promise<void> {
    await Promise.all(fileIds.map((id) => rm(this.pathOf(id), { force: true })));
  }
}
