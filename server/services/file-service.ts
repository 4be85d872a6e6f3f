// Uploads and downloads (PROTOCOL.md §3, §9.8, §10). Bytes stream to a temporary file and become
// a stored file only when complete and within the limit; a refused or abandoned upload keeps
// nothing. Files leave with the messages that held them, and files never attached are swept.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DiskFullError, isDiskFull } from '../disk-full';
import type { FileRef, User } from '../domain';
import { AppError } from '../errors';
import type { FileRecord, Storage } from '../storage/repositories';
import { can } from './authorization';
import type { BlobStore } from './blob-store';
import type { RoomService } from './room-service';
import { DEFAULT_UPLOAD_LIMITS, UploadQuota, type UploadLimits } from './upload-quota';

/** A stream that ends early and sets `truncated` when it passes its limit (busboy's file stream). */
export type LimitedStream = Readable & { truncated?: boolean };

export interface FileOptions {
  upload: UploadLimits;
  /** A file no message holds is deleted this long after its upload (§10: 24 h). */
  unattachedTtlMs: number;
  /** Uploads are refused while the disk has less free space than this plus the file limit, so
   * uploads cannot fill the disk the database needs for messages. */
  diskReserveBytes: number;
  /** How often the clean-up runs (file-sweeper.ts). */
  sweepIntervalMs: number;
}

export const DEFAULT_FILE_OPTIONS: FileOptions = {
  upload: DEFAULT_UPLOAD_LIMITS,
  unattachedTtlMs: 24 * 60 * 60 * 1000,
  diskReserveBytes: 256 * 1024 * 1024,
  sweepIntervalMs: 10 * 60 * 1000,
};

/** A `.part` file not written to for this long belongs to an upload that died with its process. */
const STALE_PART_MS = 60 * 60 * 1000;
/** Rows deleted per round of the sweep. */
const SWEEP_BATCH = 500;

export class FileService {
  private readonly quota: UploadQuota;

  constructor(
    private readonly storage: Storage,
    private readonly rooms: RoomService,
    private readonly blobs: BlobStore,
    private readonly options: FileOptions = DEFAULT_FILE_OPTIONS,
    private readonly now: () => number = Date.now,
  ) {
    this.quota = new UploadQuota(storage.files, options.upload, now);
  }

  get sweepIntervalMs(): number {
    return this.options.sweepIntervalMs;
  }

  /** The §9.8 order: 404 (cannot read) → room_disabled → file_upload_disabled → forbidden. */
  async checkUpload(user: User, roomId: string): Promise<void> {
    const { room, category } = await this.rooms.findFor(user, roomId);
    if (!can(user, 'readHistory', room, category)) throw new AppError('not_found', 'no such room');
    if (room.disabled) throw new AppError('room_disabled', 'this room is disabled');
    if (!category.fileUpload) throw new AppError('file_upload_disabled', 'file uploads are off in this category');
    if (!can(user, 'upload', room, category)) throw new AppError('forbidden', 'you may not post in this room');
  }

  /** After the §9.8 checks, before any byte is read: the user's upload rate and budget, and room on the disk. */
  async admitUpload(user: User, limitBytes: number): Promise<void> {
    await this.quota.admit(user.id);
    const disk = await statfs(this.blobs.dir).catch(() => undefined);
    if (disk && disk.bavail * disk.bsize < this.options.diskReserveBytes + limitBytes) {
      throw new DiskFullError(`disk full: ${disk.bavail * disk.bsize} bytes free under ${this.blobs.dir}, uploads refused`);
    }
  }

  /**
   * Streams the upload to disk. Rejects with too_large the moment the limit is crossed, while the
   * rest of the stream keeps draining (and being thrown away) so the client can read the answer.
   */
  store(
    user: User,
    roomId: string,
    stream: LimitedStream,
    meta: { name: string; mime: string },
    limitBytes: number,
    /** Aborted when the request goes away before its body ended (client gone, idle timeout). */
    signal?: AbortSignal,
  ): Promise<FileRef> {
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
      const abandon = (error: Error) => {
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
      const incomplete = () => abandon(new AppError('bad_request', 'the upload did not complete'));
      stream.once('limit', () => abandon(tooLarge()));
      stream.once('error', incomplete);
      if (signal?.aborted) queueMicrotask(incomplete);
      else signal?.addEventListener('abort', incomplete, { once: true });
      out.once('error', (error) => {
        // Never the errno text in the answer; the log gets the reason (http-app's error handler).
        if (!settled) abandon(isDiskFull(error) ? new DiskFullError(`disk full while storing an upload: ${error.message}`) : error);
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
    try {
      await this.storage.files.create(record, new Date(this.now()).toISOString());
    } catch (error) {
      await this.blobs.remove([fileId]);
      throw error;
    }
    return { fileId, name: record.name, size: record.size, mime: record.mime };
  }

  /**
   * Removes files whose messages were removed (§10): rows first, so downloads answer 404 at once,
   * then the bytes. A file another message still holds stays.
   */
  async removeAttachments(fileIds: readonly string[]): Promise<void> {
    if (fileIds.length === 0) return;
    await this.blobs.remove(await this.storage.files.deleteUnreferenced(fileIds));
  }

  /** One pass of the clean-up: files never attached past their time, and dead `.part` files. */
  async sweep(): Promise<{ files: number; parts: number }> {
    const cutoff = new Date(this.now() - this.options.unattachedTtlMs).toISOString();
    let files = 0;
    for (;;) {
      const ids = await this.storage.files.listUnattached(cutoff, SWEEP_BATCH);
      if (ids.length === 0) break;
      const deleted = await this.storage.files.deleteUnreferenced(ids);
      await this.blobs.remove(deleted);
      files += deleted.length;
      // Every id listed was attached meanwhile: stop rather than list them again.
      if (deleted.length === 0 || ids.length < SWEEP_BATCH) break;
    }
    this.quota.prune();
    const parts = await this.blobs.removeStaleParts(this.now() - STALE_PART_MS);
    return { files, parts };
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
