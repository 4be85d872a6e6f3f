// notify and badge:set: desktop notifications and the dock/taskbar count. The renderer decides
// when to notify and what the badge says (its total of unread mentions); main only shows them.
// A click on a notification sends its tag back to the window that asked (`notify:clicked`), and
// brings that window forward, so the renderer can open the room at the message.
import { app, BrowserWindow, Notification, type WebContents } from 'electron';
import { handle } from './register';

function clicked(sender: WebContents, tag: string): void {
  if (sender.isDestroyed()) return;
  const window = BrowserWindow.fromWebContents(sender);
  if (window) {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }
  sender.send('notify:clicked', tag);
}

export function registerNotifyIpc(): void {
  handle('notify', ([title, body, tag], event) => {
    if (!Notification.isSupported()) return;
    // silent: false keeps the OS's own sound setting in charge.
    const notification = new Notification({ title, body, silent: false });
    if (tag !== undefined) {
      const sender = event.sender;
      notification.on('click', () => clicked(sender, tag));
    }
    notification.show();
  });
  handle('badge:set', ([count]) => {
    // macOS dock and Linux Unity launchers show it; elsewhere Electron answers false: nothing to do.
    app.setBadgeCount(count);
  });
}
