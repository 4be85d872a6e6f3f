// external:open: hands a link to the user's browser or mail client. The renderer only calls it
// from a click, and main checks the URL again here (DESIGN §5: openExternal only for http/https
// and mailto, never file: or custom schemes that could launch local programs).
import { shell } from 'electron';
import { mayOpenExternally } from '../../common/navigation-policy';
import { handle } from './register';

export function registerExternalIpc(): void {
  handle('external:open', async ([url]) => {
    if (!mayOpenExternally(url)) return false;
    await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (checked just above)
    return true;
  });
}
