// @vitest-environment jsdom
// An expired or revoked session (PROTOCOL §10) seen by the client: the socket's connect_error
// "unauthorized", or an HTTP 401 `unauthorized` on an upload or a hand-off request, lands on the
// sign-in form with the reason in role="alert", and the unsent messages stay saved for that
// account and go out once it signs in again.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outboxAccount } from '../../common/outbox';
import type { Message } from '../../common/protocol';
import { App } from '../app/app';
import { RoomActions } from '../components/room-actions';
import { connectedHarness, settle, SERVER } from '../test-support/chat-harness';
import { alice, message, room, roster, sessionPayload } from '../test-support/fixtures';
import { renderWithChat } from '../test-support/render-with-chat';
import { errorFromResponse, type FetchFn } from './http-api';
import type { Uploader } from './file-upload';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const ENDED = 'Your session has ended. Sign in again.';

/** The server's answer to sign-in; everything else 204. */
const signInServer: FetchFn = (input) =>
  Promise.resolve(
    (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).endsWith('/api/session')
      ? Response.json({ token: 'token-2', user: alice, expiresAt: '2026-06-01T00:00:00.000Z' })
      : new Response(null, { status: 204 }),
  );

/** An uploader whose server answers with `status` and `code`, read the way the real one reads it. */
const refusingUploader =
  (status: number, code: string): Uploader =>
  () => ({
    done: errorFromResponse(Response.json({ error: { code, message: 'refused' } }, { status })).then((error) => ({ ok: false as const, error })),
    cancel: () => undefined,
  });

const stored = (clientId: string, text: string): Message => ({ ...message(1, { text }), clientId });

describe('the session ends under the client', () => {
  it('on connect_error "unauthorized": sign-in form with the reason, token dropped, unsent messages kept and resent', async () => {
    const h = await connectedHarness({ fetch: signInServer });
    h.socket.answer('room:join', () => ({ ok: true, room: room(), messages: [], hasMore: false, roster: roster() }));
    await h.client.openRoom('r1');
    h.store.setState({ status: 'reconnecting' });
    h.client.send('r1', 'written while the session ended');
    await settle();
    renderWithChat(<App />, h);

    h.socket.refuse('unauthorized');
    await settle();
    expect(screen.getByRole('alert').textContent).toBe(ENDED);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(h.platform.tokens.has(SERVER)).toBe(false);
    expect(h.platform.outboxes.get(outboxAccount(SERVER, alice.id))?.map((e) => e.text)).toEqual(['written while the session ended']);

    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await settle();
    h.socket.answer('message:send', (body) => ({ ok: true, message: stored(body.clientId, body.text) }));
    h.socket.push('session', sessionPayload);
    h.socket.connect();
    await settle();
    expect(h.socket.sentOf('message:send').map((b) => [b.clientId, b.text])).toEqual([['client-1', 'written while the session ended']]);
  });

  it('on an upload answered 401 unauthorized; other refusals stay an error on the open screen', async () => {
    const refused = await connectedHarness({ upload: refusingUploader(403, 'forbidden') });
    await refused.client.attachFile('r1', new File(['x'], 'a.txt'));
    expect(refused.store.getState().status).toBe('connected');
    expect(refused.store.getState().error?.key).toBe('errors.forbidden');

    const h = await connectedHarness({ upload: refusingUploader(401, 'unauthorized') });
    renderWithChat(<App />, h);
    await h.client.attachFile('r1', new File(['x'], 'a.txt'));
    await settle();
    expect(h.store.getState().status).toBe('signed-out');
    expect(screen.getByRole('alert').textContent).toBe(ENDED);
    expect(h.platform.tokens.has(SERVER)).toBe(false);
  });

  it('on a hand-off request answered 401 unauthorized ("Manage room")', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(Response.json({ error: { code: 'unauthorized', message: 'sign in first' } }, { status: 401 })));
    vi.spyOn(window, 'open').mockReturnValue({ opener: {}, closed: false, close: vi.fn(), location: { replace: vi.fn() } } as unknown as Window);
    const h = await connectedHarness();
    renderWithChat(<RoomActions room={room({ canManage: true })} />, h);
    fireEvent.click(screen.getByRole('button', { name: 'Manage room' }));
    await waitFor(() => expect(h.store.getState().status).toBe('signed-out'));
    expect(h.store.getState().error?.key).toBe('errors.session_ended');
    expect(h.platform.tokens.has(SERVER)).toBe(false);
  });
});
