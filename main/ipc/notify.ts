// notify: a desktop notification for a mention. The renderer decides when (followed room or
// open room, window not focused); main only shows it, as plain text, where the OS supports it.
import { Notification } from 'electron';
import { handle } from './register';

export function registerNotifyIpc(): void {
  handle('notify', ([title, body]) => {
    if (!Notification.isSupported()) return;
    // silent: false keeps the OS's own sound setting in charge.
    new Notification({ title, body, silent: false }).show();
  });
}
