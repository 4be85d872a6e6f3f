// Uploads and downloads (PROTOCOL.md §3, §9.8). Bytes stream to a temporary file and become a
// stored file only when complete and within the limit; a refused upload keeps nothing.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FileRef, User } from '../domain';
import { AppError } from '../errors';
import type { FileRecord, Storage } from '../storage/repositories';
import { can } from './authorization';
import type { BlobStore } from './blob-store';
import type { RoomService } from './room-service';

/** A stream that ends early and sets `truncated` when it passes its limit (busboy's file stream). */
export type LimitedStream = Readable & { truncated?: boolean };

export class FileService {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomService,
    private readonly blobs: BlobStore,
  ) {}

  /** The §9.8 order: 404 (cannot read) → room_disabled → file_upload_disabled → forbidden. */
  async checkUpload(user: User, roomId: string): Promise<void> {
    const { room, category } = await this.rooms.findFor(user, roomId);
    if (!can(user, 'readHistory', room, category)) throw new AppError('not_found', 'no such room');
    if (room.disabled) throw new AppError('room_disabled', 'this room is disabled');
    if (!category.fileUpload) throw new AppError('file_upload_disabled', 'file uploads are off in this category');
    if (!can(user, 'upload', room, category)) throw new AppError('forbidden', 'you may not post in this room');
  }

  /**
   * Streams the upload to disk. Rejects with too_large the moment the limit is crossed, while the
   * rest of the stream keeps draining (and being thrown away) so the client can read the answer.
   */
  store(user: User, roomId: string, stream: LimitedStream, meta: { name: string; mime: string }, limitBytes: number): Promise<FileRef> {
    const fileId = randomUUID();
    const temp = join(this.blobs.dir, `${fileId}.part`);
    const tooLarge = () => new AppError('too_large', `the file is larger than ${limitBytes / 1024} KB`, { limitKB: limitBytes / 1024 });
    // The parser may have crossed the limit before we got the stream (a first chunk larger than
    // the limit): then it is already truncated and no 'limit' event will follow.
    if (stream.truncated) {
      stream.resume();
      return Promise.reject(tooLarge());
    }
    return new Promise<FileRef>((resolve, reject) => {
      let size = 0;
      let settled = false;
      const out = createWriteStream(temp, { flags: 'wx' });
      const abandon = (error: AppError) => {
        if (settled) return;
        settled = true;
        // Keep draining the source (the parser throws the bytes away) so the client can finish
        // sending and read our answer; write nothing more and delete what was written.
        stream.unpipe(out);
        stream.resume();
        out.once('close', () => void rm(temp, { force: true }));
        out.destroy();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => (size += chunk.length));
      stream.once('limit', () => abandon(tooLarge()));
      stream.once('error', () => abandon(new AppError('bad_request', 'the upload did not complete')));
      out.once('error', (error) => {
        if (!settled) abandon(new AppError('internal', `could not store the file: ${error.message}`));
      });
      out.once('finish', () => {
        if (settled) return;
        if (stream.truncated || size > limitBytes) return abandon(tooLarge());
        settled = true;
        this.keep(fileId, temp, { fileId, roomId, uploaderId: user.id, name: meta.name, size, mime: meta.mime }).then(resolve, async (error: unknown) => {
          await rm(temp, { force: true });
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      });
      stream.pipe(out);
    });
  }

  private async keep(fileId: string, temp: string, record: FileRecord): Promise<FileRef> {
    await rename(temp, this.blobs.pathOf(fileId));
    await this.storage.files.create(record, new Date().toISOString());
    return { fileId, name: record.name, size: record.size, mime: record.mime };
  }

  /** A stored file and where its bytes are, for a user who may read its room; else not_found. */
  async openForDownload(user: User, fileId: string): Promise<{ file: FileRecord; path: string }> {
    const file = await this.storage.files.get(fileId);
    const context = file && (await this.rooms.context(file.roomId));
    if (!file || !context || !can(user, 'readHistory', context.room, context.category)) throw new AppError('not_found', 'no such file');
    return { file, path: this.blobs.pathOf(file.fileId) };
  }
}

/** A file name safe to store and show: no path, no control characters, bounded length. */
export function cleanFileName(raw: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const base = (raw ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return base.slice(0, 200) || 'file';
}

/** A MIME type of the plain `type/subtype` form, else the generic binary type. */
export function cleanMime(raw: string | undefined): string {
  const mime = (raw ?? '').toLowerCase().split(';')[0]!.trim();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/.test(mime) ? mime : 'application/octet-stream';
}
