// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { Addin, RoomDetail } from '../../common/protocol';
import { App } from '../app/app';
import type { Language } from '../i18n';
import { connectedHarness, settle, type Harness } from '../test-support/chat-harness';
import { message, messages, room, roster } from '../test-support/fixtures';
import { renderWithChat } from '../test-support/render-with-chat';
import { decideAddinFrame, isFromAddin } from './addin-policy';

const ADDIN_ORIGIN = 'https://addin.example';
const tickers = (url = `${ADDIN_ORIGIN}/pane.html`): Addin => ({ id: 'a1', name: 'Tickers', url });

afterEach(cleanup);
beforeEach(() => window.localStorage.clear());

async function openRoom(detail: RoomDetail, language: Language = 'en'): Promise<Harness> {
  const h = await connectedHarness({ rooms: [detail] });
  h.socket.answer('room:join', () => ({ ok: true, room: detail, messages: messages(1, 5), hasMore: false, roster: roster() }));
  renderWithChat(<App />, h, language);
  fireEvent.click(screen.getByRole('button', { name: detail.name }));
  await settle();
  return h;
}

const region = () => screen.getByRole('region', { name: 'Add-in' });
const frame = () => within(region()).getByTitle<HTMLIFrameElement>('Tickers');

/** Loads the frame with its postMessage observed. */
function loadFrame(): MockInstance<Window['postMessage']> {
  const target = frame().contentWindow!;
  const spy = vi.spyOn(target, 'postMessage').mockImplementation(() => undefined);
  fireEvent.load(frame());
  return spy;
}

function posted(spy: MockInstance<Window['postMessage']>): { type: string; origin: unknown }[] {
  return spy.mock.calls.map(([data, origin]) => ({ type: (data as { type: string }).type, origin }));
}

describe('add-in policy', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'about:blank',
    '/relative/pane.html',
    'https://user:pw@addin.example/',
    ' https://addin.example/',
  ])('refuses %s', (url) => {
    expect(decideAddinFrame({ url }, 'http://app.example').kind).toBe('blocked');
  });

  it('gives allow-same-origin only to another origin, and never top navigation', () => {
    const other = decideAddinFrame({ url: 'https://addin.example/p' }, 'http://app.example');
    expect(other).toMatchObject({ kind: 'bridged', origin: 'https://addin.example' });
    const own = decideAddinFrame({ url: 'http://app.example/demo/p.html' }, 'http://app.example');
    expect(own.kind).toBe('isolated');
    for (const decision of [other, own]) {
      if (decision.kind === 'blocked') throw new Error('unexpected');
      expect(decision.sandbox).not.toMatch(/top-navigation|escape-sandbox|allow-modals|allow-downloads/);
    }
    if (own.kind !== 'isolated' || other.kind !== 'bridged') throw new Error('unexpected');
    expect(own.sandbox.split(' ')).toEqual(['allow-scripts', 'allow-forms', 'allow-popups']);
    expect(other.sandbox.split(' ')).toEqual(['allow-scripts', 'allow-forms', 'allow-popups', 'allow-same-origin']);
  });

  it('accepts a message only from the frame window and the add-in origin', () => {
    const frameWindow = {} as Window;
    expect(isFromAddin({ source: frameWindow, origin: ADDIN_ORIGIN }, frameWindow, ADDIN_ORIGIN)).toBe(true);
    expect(isFromAddin({ source: frameWindow, origin: 'https://evil.example' }, frameWindow, ADDIN_ORIGIN)).toBe(false);
    expect(isFromAddin({ source: window, origin: ADDIN_ORIGIN }, frameWindow, ADDIN_ORIGIN)).toBe(false);
    expect(isFromAddin({ source: null, origin: ADDIN_ORIGIN }, null, ADDIN_ORIGIN)).toBe(false);
  });
});

describe('add-in pane', () => {
  it('renders nothing for a room without an add-in', async () => {
    await openRoom(room());
    expect(screen.queryByRole('region', { name: 'Add-in' })).toBeNull();
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', 'file:///tmp/x.html'])(
    'shows an explanation and no frame at all for %s',
    async (url) => {
      await openRoom(room({ addin: tickers(url) }));
      expect(region().querySelector('iframe')).toBeNull();
      expect(within(region()).getByRole('note').textContent).toContain('only http and https');
    },
  );

  it('frames another origin sandboxed, with no permissions and no referrer', async () => {
    await openRoom(room({ addin: tickers() }));
    const iframe = frame();
    expect(iframe.getAttribute('src')).toBe(`${ADDIN_ORIGIN}/pane.html`);
    expect(iframe.getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-popups allow-same-origin');
    expect(iframe.getAttribute('allow')).toBe('');
    expect(iframe.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(within(region()).queryByRole('note')).toBeNull();
  });

  it('isolates an add-in on the app origin and sends it nothing', async () => {
    const h = await openRoom(room({ addin: tickers(`${window.location.origin}/demo/pane.html`) }));
    expect(frame().getAttribute('sandbox')).toBe('allow-scripts allow-forms allow-popups');
    expect(within(region()).getByRole('note').textContent).toContain('receives no room messages');
    const spy = loadFrame();
    h.socket.push('message:new', { message: message(6) });
    await settle();
    expect(spy).not.toHaveBeenCalled();
  });

  it('sends the context on every load and each new message once, only to the add-in origin', async () => {
    const h = await openRoom(room({ addin: tickers() }));
    const spy = loadFrame();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenLastCalledWith(
      { type: 'pchat:context', room: { id: 'r1', name: 'Desk' }, user: { displayName: 'Alice Martin' }, locale: 'en' },
      ADDIN_ORIGIN,
    );
    // The join backlog (1..5) is history: not sent.
    h.socket.push('message:new', { message: message(6, { text: 'buy $ACME' }) });
    h.socket.push('message:new', { message: message(6, { text: 'buy $ACME' }) });
    await settle();
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy).toHaveBeenLastCalledWith(
      {
        type: 'pchat:message',
        message: { seq: 6, senderName: 'Bob Stone', text: 'buy $ACME', createdAt: message(6).createdAt },
      },
      ADDIN_ORIGIN,
    );
    fireEvent.load(frame());
    h.socket.push('message:new', { message: message(7) });
    await settle();
    expect(posted(spy).map((call) => call.type)).toEqual(['pchat:context', 'pchat:message', 'pchat:context', 'pchat:message']);
    expect(posted(spy).every((call) => call.origin === ADDIN_ORIGIN)).toBe(true);
  });

  it('sends a gap filled after a reconnect too, each message still once', async () => {
    const h = await openRoom(room({ addin: tickers() }));
    const spy = loadFrame();
    h.socket.push('message:new', { message: message(9) });
    await settle();
    // What a messages:since catch-up brings: older than what was sent, newer than the backlog.
    h.socket.push('message:new', { message: message(6) });
    h.socket.push('message:new', { message: message(7) });
    h.socket.push('message:new', { message: message(9) });
    h.socket.push('message:new', { message: message(8) });
    await settle();
    const seqs = spy.mock.calls
      .map(([data]) => data as { type: string; message?: { seq: number } })
      .filter((data) => data.type === 'pchat:message')
      .map((data) => data.message?.seq);
    expect(seqs).toEqual([9, 6, 7, 8]);
  });

  it('answers pchat:ready from its own frame and origin, and ignores everything else', async () => {
    await openRoom(room({ addin: tickers() }));
    const spy = loadFrame();
    spy.mockClear();
    const source = frame().contentWindow!;
    const send = (data: unknown, origin: string, from: Window = source) =>
      act(() => {
        window.dispatchEvent(new MessageEvent('message', { data, origin, source: from }));
      });
    send({ type: 'pchat:ready' }, 'https://evil.example');
    send({ type: 'pchat:ready' }, ADDIN_ORIGIN, window);
    send({ type: 'pchat:navigate', url: 'javascript:alert(1)' }, ADDIN_ORIGIN);
    send('pchat:ready', ADDIN_ORIGIN);
    expect(spy).not.toHaveBeenCalled();
    send({ type: 'pchat:ready' }, ADDIN_ORIGIN);
    expect(posted(spy)).toEqual([{ type: 'pchat:context', origin: ADDIN_ORIGIN }]);
  });

  it('collapses, resizes from the keyboard, and remembers both per room', async () => {
    await openRoom(room({ addin: tickers() }));
    const toggle = within(region()).getByRole('button', { name: 'Tickers' });
    const handle = within(region()).getByRole('separator', { name: 'Resize the add-in pane' });
    expect(handle.getAttribute('aria-valuenow')).toBe('320');
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(handle.getAttribute('aria-valuenow')).toBe('352');
    fireEvent.keyDown(handle, { key: 'End' });
    expect(handle.getAttribute('aria-valuenow')).toBe('720');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(region().style.width).toBe('704px');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(region()).queryByRole('separator')).toBeNull();
    // Hidden, not unloaded: the add-in keeps its state.
    expect(region().querySelector('iframe')).not.toBeNull();
    cleanup();

    await openRoom(room({ addin: tickers() }));
    expect(within(region()).getByRole('button', { name: 'Tickers' }).getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(within(region()).getByRole('button', { name: 'Tickers' }));
    expect(within(region()).getByRole('separator').getAttribute('aria-valuenow')).toBe('704');
    cleanup();

    await openRoom(room({ id: 'r2', name: 'Other', addin: tickers() }));
    expect(within(region()).getByRole('separator').getAttribute('aria-valuenow')).toBe('320');
  });

  it('speaks French', async () => {
    await openRoom(room({ addin: tickers('javascript:void 0') }), 'fr');
    const pane = screen.getByRole('region', { name: 'Complément' });
    expect(within(pane).getByRole('note').textContent).toContain('seules les adresses http et https');
  });
});
