// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../common/config';
import { connectedHarness, SERVER } from '../test-support/chat-harness';
import { room } from '../test-support/fixtures';
import { renderWithChat } from '../test-support/render-with-chat';
import { RoomActions } from './room-actions';
import { RoomListActions } from './room-list-actions';

/** Answers the two requests these buttons make: the handoff code and the category list. */
function stubServer(categories: unknown[] = []) {
  const calls: { url: string; init?: RequestInit }[] = [];
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    calls.push({ url: input, init });
    const body = input.endsWith('/api/session/handoff') ? { code: `code-${calls.length}`, expiresInS: 60 } : categories;
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  });
  return calls;
}

function stubPopup() {
  const popup = { opener: {} as unknown, closed: false, close: vi.fn(), location: { replace: vi.fn() } };
  vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
  return popup;
}

beforeEach(() => vi.restoreAllMocks());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('RoomActions', () => {
  it('offers nothing to people who do not manage the room', async () => {
    const h = await connectedHarness();
    renderWithChat(<RoomActions room={room({ canManage: false })} />, h);
    expect(screen.queryByRole('button', { name: 'Manage room' })).toBeNull();
  });

  it('opens /manage on the room with a fresh code, and follows a config:updated without reload', async () => {
    const calls = stubServer();
    const popup = stubPopup();
    const h = await connectedHarness();
    renderWithChat(<RoomActions room={room({ id: 'r9', canManage: true })} />, h);

    fireEvent.click(screen.getByRole('button', { name: 'Manage room' }));
    expect(popup.opener).toBeNull();
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(1));
    const first = new URL(popup.location.replace.mock.calls[0]![0] as string);
    expect(first.origin + first.pathname).toBe(`${SERVER}/manage/`);
    expect(first.searchParams.get('roomId')).toBe('r9');
    expect(first.searchParams.get('code')).toBe('code-1');
    expect(new Headers(calls[0]!.init?.headers).get('authorization')).toBe('Bearer token-1');

    h.socket.push('config:updated', { config: { ...DEFAULT_CONFIG, roomManagementUrl: 'https://rooms.example.org/m' } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Manage room' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Manage room' }));
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(2));
    const second = new URL(popup.location.replace.mock.calls[1]![0] as string);
    expect(second.origin + second.pathname).toBe('https://rooms.example.org/m');
    expect(second.searchParams.get('code')).toBe('code-2');
  });

  it('shows why in an alert when the configured URL is not http/https', async () => {
    stubServer();
    const popup = stubPopup();
    const h = await connectedHarness();
    h.socket.push('config:updated', { config: { ...DEFAULT_CONFIG, roomManagementUrl: 'javascript:alert(1)' } });
    renderWithChat(<RoomActions room={room({ canManage: true })} />, h);
    fireEvent.click(screen.getByRole('button', { name: 'Manage room' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not a usable http or https URL/);
    expect(popup.close).toHaveBeenCalled();
  });
});

describe('RoomListActions', () => {
  it('shows "Create room" when the server lists a category the user may create in', async () => {
    stubServer([{ id: 'c1', name: 'Trading', canCreate: true }]);
    const h = await connectedHarness();
    renderWithChat(<RoomListActions />, h);
    expect(await screen.findByRole('button', { name: 'Create room' })).toBeTruthy();
  });

  it('hides it otherwise', async () => {
    const calls = stubServer([{ id: 'c1', name: 'Trading', canCreate: false }]);
    const h = await connectedHarness();
    renderWithChat(<RoomListActions />, h);
    await waitFor(() => expect(calls.some((c) => c.url === `${SERVER}/api/categories`)).toBe(true));
    expect(screen.queryByRole('button', { name: 'Create room' })).toBeNull();
  });

  it('opens the built-in create page', async () => {
    stubServer([{ id: 'c1', name: 'Trading', canCreate: true }]);
    const popup = stubPopup();
    const h = await connectedHarness();
    renderWithChat(<RoomListActions />, h);
    fireEvent.click(await screen.findByRole('button', { name: 'Create room' }));
    await waitFor(() => expect(popup.location.replace).toHaveBeenCalledTimes(1));
    const url = new URL(popup.location.replace.mock.calls[0]![0] as string);
    expect(url.pathname).toBe('/manage/new');
    expect(url.searchParams.has('roomId')).toBe(false);
  });
});
