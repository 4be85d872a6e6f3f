// app:* channels: facts about the desktop app itself.
import { app } from 'electron';
import { handle } from './register';

export function registerAppIpc(): void {
  handle('app:version', () => app.getVersion());
}
