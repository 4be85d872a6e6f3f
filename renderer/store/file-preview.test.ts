import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../common/protocol';
import { canPreview, fetchFileBlob, MAX_PREVIEW_BYTES } from './file-preview';

const file = (overrides: Partial<FileRef> = {}): FileRef => ({ fileId: 'f 1', name: 'a.png', size: 1000, mime: 'image/png', ...overrides });

describe('image previews', () => {
  it('only for raster images up to the cap', () => {
    expect(canPreview(file())).toBe(true);
    expect(canPreview(file({ mime: 'IMAGE/JPEG' }))).toBe(true);
    expect(canPreview(file({ mime: 'image/svg+xml' }))).toBe(false);
    expect(canPreview(file({ mime: 'text/html' }))).toBe(false);
    expect(canPreview(file({ size: MAX_PREVIEW_BYTES + 1 }))).toBe(false);
    expect(canPreview(file({ size: 0 }))).toBe(false);
  });

  it('fetches with the token in a header, never in the URL, and types the blob itself', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const blob = await fetchFileBlob(
      (input, init) => {
        calls.push({ url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init });
        return Promise.resolve(new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'application/octet-stream' } }));
      },
      'http://pchat.test',
      'secret',
      file(),
    );
    expect(calls[0]?.url).toBe('http://pchat.test/api/files/f%201');
    expect(calls[0]?.url).not.toContain('secret');
    expect(new Headers(calls[0]?.init?.headers).get('Authorization')).toBe('Bearer secret');
    expect(blob?.type).toBe('image/png');
    expect(blob?.size).toBe(3);
  });

  it('gives null on a refusal, a network failure, or a file that is not previewable', async () => {
    expect(await fetchFileBlob(() => Promise.resolve(new Response(null, { status: 404 })), 's', 't', file())).toBeNull();
    expect(await fetchFileBlob(() => Promise.reject(new Error('offline')), 's', 't', file())).toBeNull();
    let called = false;
    expect(await fetchFileBlob(() => ((called = true), Promise.resolve(new Response('x'))), 's', 't', file({ mime: 'image/svg+xml' }))).toBeNull();
    expect(called).toBe(false);
  });
});
