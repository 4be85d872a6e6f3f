import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  shell: { openExternal: vi.fn(() => Promise.resolve()) },
  // The window-open guard asks the user about links opened without a gesture.
  dialog: { showMessageBox: vi.fn(() => Promise.resolve({ response: 1, checkboxChecked: false })) },
  BrowserWindow: { fromWebContents: vi.fn(() => null) },
  app: { getLocale: vi.fn(() => 'en-US') },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

// Spy on the policy so the test shows each event goes through it, while keeping its real answers.
const policy = vi.hoisted(() => ({}) as Record<string, ReturnType<typeof vi.fn>>);
vi.mock('../common/navigation-policy', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  for (const name of ['decideMainFrameNavigation', 'decideFrameNavigation', 'decideWindowOpen', 'decidePermission']) {
    policy[name] = vi.fn(real[name] as (...args: unknown[]) => unknown);
  }
  return { ...real, ...policy };
});

import { installGuards } from './guards';

type Handler = (...args: unknown[]) => unknown;
function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn<(handler: Handler) => void>(),
    setPermissionCheckHandler: vi.fn<(handler: Handler) => void>(),
    setDevicePermissionHandler: vi.fn<(handler: Handler) => void>(),
  };
}
function fakeContents(session = fakeSession()) {
  return Object.assign(new EventEmitter(), { session, setWindowOpenHandler: vi.fn<(handler: Handler) => void>() });
}
function navigation(url: string, isMainFrame = true) {
  return { url, isMainFrame, preventDefault: vi.fn() };
}

const app = new EventEmitter();
installGuards(app as never);
function created(contents = fakeContents()) {
  app.emit('web-contents-created', {}, contents);
  return contents;
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
  for (const spy of Object.values(policy)) spy.mockClear();
});

describe('wiring', () => {
  it('attaches every guard to each new webContents', () => {
    const contents = created();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listenerCount(event), event).toBe(1);
    }
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
  });
  it('sets the permission handlers once per session', () => {
    const session = fakeSession();
    created(fakeContents(session));
    created(fakeContents(session));
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
  });
});

describe('will-navigate', () => {
  it('lets the app navigate within its origin', () => {
    const details = navigation('app://pchat/index.html#/rooms');
    created().emit('will-navigate', details);
    expect(policy.decideMainFrameNavigation).toHaveBeenCalledWith('app://pchat/index.html#/rooms');
    expect(details.preventDefault).not.toHaveBeenCalled();
  });
  it('prevents a web page and hands it to the browser', () => {
    const details = navigation('https://example.com/');
    created().emit('will-navigate', details);
    expect(details.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x'])('prevents %s without opening it', (url) => {
    const details = navigation(url);
    created().emit('will-navigate', details);
    expect(details.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('will-frame-navigate and will-redirect', () => {
  it.each(['will-frame-navigate', 'will-redirect'])('%s: lets the add-in frame load https', (event) => {
    const details = navigation('https://addin.example.com/', false);
    created().emit(event, details);
    expect(policy.decideFrameNavigation).toHaveBeenCalledWith('https://addin.example.com/', false);
    expect(details.preventDefault).not.toHaveBeenCalled();
  });
  it.each(['will-frame-navigate', 'will-redirect'])('%s: keeps the add-in frame off app: and file:', (event) => {
    for (const url of ['app://pchat/index.html', 'file:///etc/passwd']) {
      const details = navigation(url, false);
      created().emit(event, details);
      expect(details.preventDefault).toHaveBeenCalled();
    }
  });
  it('keeps the main frame in the app and opens nothing', () => {
    const details = navigation('https://example.com/', true);
    created().emit('will-frame-navigate', details);
    expect(details.preventDefault).toHaveBeenCalled();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('window.open (issue 9 #8: only after a user gesture)', () => {
  function opened(contents = created()) {
    const handler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => unknown;
    return { contents, open: (url: string) => handler({ url }) };
  }
  const click = (contents: ReturnType<typeof created>, type = 'mouseDown') => contents.emit('input-event', {}, { type });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  beforeEach(() => {
    // Every refusal is logged (STYLE §19); keep the test output readable.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    electron.dialog.showMessageBox.mockClear();
    electron.dialog.showMessageBox.mockResolvedValue({ response: 1, checkboxChecked: false });
  });

  it.each(['https://example.com/', 'mailto:a@example.com'])('right after a click: denies the window and opens %s externally', (url) => {
    const { contents, open } = opened();
    click(contents);
    expect(open(url)).toEqual({ action: 'deny' });
    expect(policy.decideWindowOpen).toHaveBeenCalledWith(url, expect.objectContaining({ lastAt: expect.any(Number) }));
    expect(electron.shell.openExternal).toHaveBeenCalledWith(url);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('a key press counts as a gesture too (before-input-event reaches subframes)', () => {
    const { contents, open } = opened();
    contents.emit('before-input-event', { preventDefault: vi.fn() }, { type: 'keyDown', key: 'Enter' });
    open('https://example.com/key');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/key');
  });

  it('window.open on load (no gesture) never reaches the shell: the user is asked, and Cancel opens nothing', async () => {
    const { open } = opened();
    expect(open('https://tracker.example/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showMessageBox.mock.calls[0]).toEqual([expect.objectContaining({ detail: expect.stringContaining('https://tracker.example/') })]);
    await settle();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('asks once at a time, and after a Cancel drops that page’s offers for a while', async () => {
    let answer: (value: { response: number; checkboxChecked: boolean }) => void = () => undefined;
    electron.dialog.showMessageBox.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const { open } = opened();
    for (let i = 0; i < 20; i++) open(`https://spam.example/${i}`);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    answer({ response: 1, checkboxChecked: false });
    await settle();
    open('https://spam.example/after-cancel');
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('"Open in browser" in the dialog is the gesture: then the link opens', async () => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    const { open } = opened();
    open('https://slow.example/after-fetch');
    await settle();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://slow.example/after-fetch');
  });

  it('one gesture opens one link; a second window.open right after is only offered', () => {
    const { contents, open } = opened();
    click(contents);
    open('https://example.com/one');
    open('https://example.com/two');
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/one');
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('a gesture older than a second, or a mouse move, does not count', () => {
    vi.useFakeTimers();
    try {
      const { contents, open } = opened();
      click(contents);
      vi.advanceTimersByTime(1500);
      open('https://example.com/late');
      contents.emit('input-event', {}, { type: 'mouseMove' });
      open('https://example.com/moved');
      expect(electron.shell.openExternal).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it.each(['app://pchat/index.html', 'file:///etc/passwd', 'javascript:alert(1)'])('denies %s and opens or offers nothing, gesture or not', (url) => {
    const { contents, open } = opened();
    click(contents);
    expect(open(url)).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });
});

describe('will-attach-webview', () => {
  it('always prevents it', () => {
    const event = { preventDefault: vi.fn() };
    created().emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  const contents = created();
  const request = contents.session.setPermissionRequestHandler.mock.calls[0]![0];
  const check = contents.session.setPermissionCheckHandler.mock.calls[0]![0];
  const device = contents.session.setDevicePermissionHandler.mock.calls[0]![0];

  it('asks the policy for requests and denies by default', () => {
    const callback = vi.fn();
    request(contents, 'media', callback, { requestingUrl: 'app://pchat/index.html', isMainFrame: true });
    expect(policy.decidePermission).toHaveBeenCalledWith({ permission: 'media', requestingUrl: 'app://pchat/index.html', isMainFrame: true });
    expect(callback).toHaveBeenCalledWith(false);
    request(contents, 'notifications', callback, { requestingUrl: 'https://addin.example.com/', isMainFrame: false });
    expect(callback).toHaveBeenLastCalledWith(false);
    request(contents, 'notifications', callback, { requestingUrl: 'app://pchat/index.html', isMainFrame: true });
    expect(callback).toHaveBeenLastCalledWith(true);
  });
  it('asks the policy for checks, falling back to the origin', () => {
    expect(check(contents, 'geolocation', 'app://pchat', { isMainFrame: true })).toBe(false);
    expect(check(contents, 'notifications', 'app://pchat', { isMainFrame: true })).toBe(true);
    expect(policy.decidePermission).toHaveBeenLastCalledWith({ permission: 'notifications', requestingUrl: 'app://pchat', isMainFrame: true });
    expect(check(contents, 'notifications', 'https://addin.example.com', { isMainFrame: false })).toBe(false);
  });
  it('denies every device', () => {
    expect(device({ deviceType: 'usb', origin: 'app://pchat' })).toBe(false);
  });
});
