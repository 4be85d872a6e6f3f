// §3 files: streaming upload with the §9.8 check order (then the §10 upload rate), and download
// as an attachment.
import type { FastifyInstance } from 'fastify';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Services } from '../services';
import { cleanFileName, cleanMime } from '../services/file-service';
import { bearerToken, parse, requireUser } from './request-helpers';

const roomParams = z.object({ roomId: z.string().min(1).max(200) });
const fileParams = z.object({ fileId: z.string().min(1).max(200) });
const tokenQuery = z.object({ token: z.string().max(200).optional() });

/** After a refused upload the rest is read and dropped; past this much, the connection goes. */
const MAX_DISCARD_BYTES = 256 * 1024 * 1024;

export function registerFileRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/rooms/:roomId/files', async (request, reply) => {
    const { user } = await requireUser(services, request);
    const { roomId } = parse(roomParams, request.params);
    await services.files.checkUpload(user, roomId);
    if (!request.isMultipart()) throw new AppError('bad_request', 'send multipart/form-data with one part "file"');
    const limitBytes = services.config.current.maxFileSizeKB * 1024;
    // §10: 429 past the user's upload rate or daily bytes; refused before any byte is stored.
    await services.files.admitUpload(user, limitBytes);
    // A client that goes away mid-body (or is cut off by the idle timeout) leaves no .part file.
    const gone = new AbortController();
    request.raw.once('close', () => {
      if (!request.raw.complete) gone.abort();
    });
    const part = await request
      .file({ limits: { fileSize: limitBytes, files: 1, fields: 10, parts: 20 }, throwFileSizeLimit: false })
      .catch((error: unknown) => {
        // The multipart plugin's own errors carry a status (e.g. 413 for too many parts); the
        // parser's plain Errors ("Unexpected end of multipart data") mean a malformed body.
        if (error instanceof Error && 'statusCode' in error) throw error;
        throw new AppError('bad_request', 'the body is not well-formed multipart/form-data');
      });
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw new AppError('bad_request', 'the form needs one part named "file"');
    }
    try {
      const meta = { name: cleanFileName(part.filename), mime: cleanMime(part.mimetype) };
      const stored = await services.files.store(user, roomId, part.file, meta, limitBytes, gone.signal);
      return await reply.status(201).send(stored);
    } catch (error) {
      if (error instanceof AppError && error.code === 'too_large') discardRest(request.raw);
      throw error;
    }
  });

  app.get('/api/files/:fileId', async (request, reply) => {
    const token = bearerToken(request) ?? parse(tokenQuery, request.query).token;
    const { user } = await requireUser(services, request, token);
    const { file, path } = await services.files.openForDownload(user, parse(fileParams, request.params).fileId);
    return reply
      .header('Content-Type', file.mime)
      .header('Content-Length', String(file.size))
      .header('Content-Disposition', `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(createReadStream(path));
  });
}

/** The request keeps flowing into the parser, which drops the truncated file's bytes; this only
 * puts a ceiling on how much of a refused upload we are willing to read before hanging up. */
function discardRest(raw: NodeJS.ReadableStream & { destroy(): void }): void {
  let seen = 0;
  raw.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > MAX_DISCARD_BYTES) raw.destroy();
  });
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]|["\\]/g, '_');
}
