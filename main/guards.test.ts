import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(() => Promise.resolve()) } }));
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

describe('window.open', () => {
  function openHandler() {
    return created().setWindowOpenHandler.mock.calls[0]![0];
  }
  it.each(['https://example.com/', 'mailto:a@example.com'])('denies and opens %s externally', (url) => {
    expect(openHandler()({ url })).toEqual({ action: 'deny' });
    expect(policy.decideWindowOpen).toHaveBeenCalledWith(url);
    expect(electron.shell.openExternal).toHaveBeenCalledWith(url);
  });
  it.each(['app://pchat/index.html', 'file:///etc/passwd', 'javascript:alert(1)'])('denies %s and opens nothing', (url) => {
    expect(openHandler()({ url })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
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
