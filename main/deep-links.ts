// pchat:// permalinks (PROTOCOL §11): `pchat://<host>[:port]/r/<roomId>/<seq>`. The OS hands them
// to the app — in argv at start and on `second-instance` (Windows, Linux), on `open-url` (macOS).
// Main checks each and passes only its path to the window (`permalink:open`); the renderer opens
// the room at the message. Main never navigates anywhere because of a link.
import { PERMALINK_PATH_MAX } from '../common/ipc';

export const PERMALINK_SCHEME = 'pchat';

const PATH = /^\/r\/[^/?#\s]{1,300}\/[1-9]\d{0,14}$/;

/** The `/r/<roomId>/<seq>` path of a pchat:// permalink; null for anything else. */
export function permalinkPathOf(candidate: unknown): string | null {
  if (typeof candidate !== 'string' || candidate.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== `${PERMALINK_SCHEME}:` || url.username !== '' || url.password !== '') return null;
  const path = url.pathname;
  return path.length <= PERMALINK_PATH_MAX && PATH.test(path) ? path : null;
}

/** The first pchat:// argument on a command line (the OS appends the link it opens). */
export function permalinkFromArgv(argv: readonly string[]): string | null {
  const link = argv.find((arg) => arg.startsWith(`${PERMALINK_SCHEME}://`));
  return link ?? null;
}

/** What the router needs of a window's webContents. */
export interface PermalinkTarget {
  send(channel: 'permalink:open', path: string): void;
  isLoading(): boolean;
  once(event: 'did-finish-load', listener: () => void): void;
}

/** Holds a link until the window's page has loaded (its listener exists then), then sends it. */
export class PermalinkRouter {
  private pending: string | null = null;
  private target: PermalinkTarget | null = null;

  receive(url: string): boolean {
    const path = permalinkPathOf(url);
    if (!path) {
      console.warn('[pchat] refused a pchat:// link that is not a permalink');
      return false;
    }
    this.pending = path;
    if (this.target && !this.target.isLoading()) this.flush(this.target);
    return true;
  }

  attach(target: PermalinkTarget): void {
    this.target = target;
    if (target.isLoading()) target.once('did-finish-load', () => this.flush(target));
    else this.flush(target);
  }

  private flush(target: PermalinkTarget): void {
    if (this.pending === null) return;
    target.send('permalink:open', this.pending);
    this.pending = null;
  }
}
