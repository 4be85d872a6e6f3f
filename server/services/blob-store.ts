// Uploaded file bytes on disk under <dataDir>/files/, one file per id; uploads in progress are
// `<id>.part`. The database row is the truth; a blob without a row is garbage and is removed with
// its room or its message.
import { mkdirSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
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

  /** Deletes `.part` files last written before `writtenBefore` (uploads that died with a process). */
  async removeStaleParts(writtenBefore: number): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.part')) continue;
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < writtenBefore) {
        await rm(path, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
