import { describe, expect, it } from 'vitest';
import { routeFromPath, pathFor } from './routes';
import { readHandoffQuery } from './session';

describe('readHandoffQuery', () => {
  it('takes code, server and roomId out and sends roomId to the edit page', () => {
    expect(readHandoffQuery('/manage/', '?code=abc&server=http%3A%2F%2Fx&roomId=r%201')).toEqual({
      code: 'abc',
      roomId: 'r 1',
      cleanPath: '/manage/rooms/r%201',
    });
  });

  it('keeps other parameters and the path when there is no roomId', () => {
    expect(readHandoffQuery('/manage/new', '?code=abc&lang=fr')).toEqual({ code: 'abc', roomId: null, cleanPath: '/manage/new?lang=fr' });
  });

  it('has no code when the page was opened directly', () => {
    expect(readHandoffQuery('/manage/', '').code).toBeNull();
  });
});

describe('routes', () => {
  it('round-trips every page', () => {
    for (const route of [{ page: 'rooms' }, { page: 'create' }, { page: 'edit', roomId: 'a b/c' }] as const) {
      expect(routeFromPath(pathFor(route))).toEqual(route);
    }
  });

  it('sends unknown paths to the room list', () => {
    expect(routeFromPath('/manage/whatever')).toEqual({ page: 'rooms' });
  });
});
