// The only way a handler reaches ipcMain (STYLE.md §1). Every call is checked twice before the
// handler runs: the sender must be the top frame of one of our own windows, showing our app
// origin (an add-in iframe, a navigated-away page or a stray webContents is refused), and the
// arguments must match the channel's zod tuple in common/ipc.ts.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { IpcArgs, IpcChannel, IpcResults } from '../../common/ipc';
import { ipcChannels } from '../../common/ipc';
import { isAppUrl } from '../../common/navigation-policy';

const trustedWebContents = new Set<number>();

/** Called by main/window.ts for each window that shows our UI. */
export function trustWebContents(contents: WebContents): void {
  const id = contents.id;
  trustedWebContents.add(id);
  contents.once('destroyed', () => trustedWebContents.delete(id));
}

export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  if (!trustedWebContents.has(event.sender.id)) return false;
  // senderFrame is null once the frame has navigated or been destroyed: nothing to trust then.
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export type IpcHandler<C extends IpcChannel> = (
  args: IpcArgs<C>,
  event: IpcMainInvokeEvent,
) => IpcResults[C] | Promise<IpcResults[C]>;

/** Registers `handler` for `channel`; a refused call rejects in the renderer with a plain code. */
export function handle<C extends IpcChannel>(channel: C, handler: IpcHandler<C>): void {
  const schema = ipcChannels[channel].args;
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event)) {
      console.warn(`[pchat] IPC ${channel} refused: sender is not our UI (${event.senderFrame?.url ?? 'no frame'})`);
      throw new Error('ipc_forbidden');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      console.warn(`[pchat] IPC ${channel} refused: invalid arguments`);
      throw new Error('ipc_bad_arguments');
    }
    return handler(parsed.data as IpcArgs<C>, event);
  });
}
