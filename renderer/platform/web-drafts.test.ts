// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { draftsSchema } from '../../common/drafts';
import { localStorageDrafts } from './web-drafts';

afterEach(() => localStorage.clear());

describe('web drafts', () => {
  it('keeps drafts per account in localStorage and ignores junk', async () => {
    const drafts = localStorageDrafts(localStorage);
    await drafts.save('s|u1', { r1: 'hello' });
    expect(await drafts.load('s|u1')).toEqual({ r1: 'hello' });
    expect(await drafts.load('s|u2')).toEqual({});
    localStorage.setItem('pchat.drafts:s|u3', '{"r1": 5, "r2": "ok"');
    expect(await drafts.load('s|u3')).toEqual({});
    localStorage.setItem('pchat.drafts:s|u4', '{"r1": 5, "r2": "ok"}');
    expect(await drafts.load('s|u4')).toEqual({ r2: 'ok' });
    await drafts.save('s|u1', {});
    expect(localStorage.getItem('pchat.drafts:s|u1')).toBeNull();
  });

  it('the IPC schema refuses what main must not store', () => {
    expect(draftsSchema.safeParse({ r1: 'x' }).success).toBe(true);
    expect(draftsSchema.safeParse({ r1: '' }).success).toBe(false);
    expect(draftsSchema.safeParse({ r1: 5 }).success).toBe(false);
    expect(draftsSchema.safeParse(Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`r${i}`, 'x']))).success).toBe(false);
  });
});
