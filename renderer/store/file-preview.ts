// Image previews: the file's bytes fetched with the token in the Authorization header (a URL with
// the token is never left in the DOM), handed to an <img> as a blob: URL (the CSP allows blob:).
// Only raster images the size of a photo; anything else stays a download link.
import type { FileRef } from '../../common/protocol';
import type { FetchFn } from './http-api';

/** Above this, a thumbnail would cost more than it is worth: the download link stays. */
export const MAX_PREVIEW_BYTES = 5 * 1024 * 1024;
// No SVG: it is a document, not a picture, and has no business being rendered from chat.
const PREVIEW_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

export function canPreview(file: FileRef): boolean {
  return PREVIEW_TYPES.has(file.mime.toLowerCase()) && file.size > 0 && file.size <= MAX_PREVIEW_BYTES;
}

export async function fetchFileBlob(fetchFn: FetchFn, serverUrl: string, token: string, file: FileRef): Promise<Blob | null> {
  if (!canPreview(file)) return null;
  try {
    const response = await fetchFn(`${serverUrl}/api/files/${encodeURIComponent(file.fileId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) return null;
    const bytes = await response.arrayBuffer();
    if (bytes.byteLength > MAX_PREVIEW_BYTES) return null;
    // The type we trust is the one the upload declared and we allow, not what the answer says.
    return new Blob([bytes], { type: file.mime.toLowerCase() });
  } catch {
    return null;
  }
}
