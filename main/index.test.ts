import { beforeEach, describe, expect, it, vi } from 'vitest';

// Records the order of lifecycle calls: the security set-up must all happen before `ready`.
const calls = vi.hoisted(() => [] as string[]);
const electron = vi.hoisted(() => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  return {
    listeners,
    ready: () => ready(),
    lock: { value: true },
    app: {
      commandLine: { getSwitchValue: vi.fn((name: string) => (name === 'user-data-dir' ? '/tmp/pchat-profile' : '')) },
      setPath: vi.fn((name: string) => calls.push(`setPath:${name}`)),
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => (calls.push('lock'), electron.lock.value)),
      quit: vi.fn(() => calls.push('quit')),
      exit: vi.fn(),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        calls.push(`on:${event}`);
        listeners.set(event, listener);
      }),
      whenReady: vi.fn(() => whenReady),
      setAsDefaultProtocolClient: vi.fn((scheme: string) => calls.push(`protocolClient:${scheme}`)),
    },
    BrowserWindow: { getAllWindows: vi.fn(() => [] as unknown[]) },
    webContents: { send: vi.fn(), isLoading: vi.fn(() => false), once: vi.fn() },
  };
});
vi.mock('electron', () => ({ ...electron, default: electron }));
vi.mock('./app-protocol', () => ({
  registerAppScheme: vi.fn(() => calls.push('registerAppScheme')),
  handleAppProtocol: vi.fn((dir: string) => calls.push(`handleAppProtocol:${dir.replace(/\\/g, '/').split('/').slice(-1)[0]}`)),
}));
vi.mock('./guards', () => ({ installGuards: vi.fn(() => calls.push('installGuards')) }));
vi.mock('./ipc', () => ({ registerIpc: vi.fn(() => calls.push('registerIpc')) }));
vi.mock('./settings-store', () => ({ openSettingsStore: vi.fn(() => (calls.push('openSettingsStore'), {})) }));
vi.mock('./window', () => ({
  createMainWindow: vi.fn((options: { preloadPath: string }) => {
    calls.push(`createMainWindow:${options.preloadPath.endsWith('preload/index.cjs')}`);
    return { webContents: electron.webContents };
  }),
}));

describe('main/index.ts lifecycle', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('secures the app before ready, then serves, stores, registers IPC and opens the window', async () => {
    await import('./index');
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', '/tmp/pchat-profile');
    expect(calls).toEqual([
      'setPath:userData',
      'enableSandbox',
      'registerAppScheme',
      'installGuards',
      'lock',
      'on:second-instance',
      'on:window-all-closed',
      'on:activate',
      'on:open-url',
    ]);
    calls.length = 0;
    electron.ready();
    await vi.waitFor(() => expect(calls).toContain('createMainWindow:true'));
    expect(calls).toEqual(['handleAppProtocol:renderer', 'protocolClient:pchat', 'openSettingsStore', 'registerIpc', 'createMainWindow:true']);
  });

  it('hands a pchat:// permalink from a second launch to the window, and nothing else', () => {
    electron.webContents.send.mockClear();
    electron.listeners.get('second-instance')!({}, ['/usr/bin/pchat', 'pchat://chat.example/r/r1/42']);
    electron.listeners.get('second-instance')!({}, ['/usr/bin/pchat', 'pchat://chat.example/manage']);
    expect(electron.webContents.send.mock.calls).toEqual([['permalink:open', '/r/r1/42']]);
  });

  it('takes macOS open-url links the same way', () => {
    electron.webContents.send.mockClear();
    const event = { preventDefault: vi.fn() };
    electron.listeners.get('open-url')!(event, 'pchat://chat.example:4100/r/r2/7');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(electron.webContents.send.mock.calls).toEqual([['permalink:open', '/r/r2/7']]);
  });

  it('quits when all windows are closed (not on macOS)', () => {
    electron.listeners.get('window-all-closed')!();
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('focuses the existing window on a second launch', () => {
    const window = { isMinimized: vi.fn(() => true), restore: vi.fn(), focus: vi.fn() };
    electron.BrowserWindow.getAllWindows.mockReturnValueOnce([window]);
    electron.listeners.get('second-instance')!();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    vi.resetModules();
    electron.lock.value = false;
    electron.app.quit.mockClear();
    await import('./index');
    expect(electron.app.quit).toHaveBeenCalled();
    expect(calls).not.toContain('on:window-all-closed');
  });
});
