// The one URL policy (STYLE.md §5): used by the server when an add-in or a management URL is
// registered, by the renderer before it renders a frame or a link, and by Electron main on
// navigation and openExternal. Only plain http/https pages, never credentials in the URL.

/** True for an absolute http: or https: URL with a host and no user name or password. */
export function isAllowedWebUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 2000) return false;
  // Control characters and whitespace are what URL parsers silently strip: refuse them outright.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(candidate)) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  return url.hostname.length > 0;
}

/** Links inside messages may also be mailto:. */
export function isAllowedLinkUrl(candidate: unknown): candidate is string {
  if (isAllowedWebUrl(candidate)) return true;
  if (typeof candidate !== 'string') return false;
  try {
    const url = new URL(candidate);
    return url.protocol === 'mailto:' && url.pathname.length > 0;
  } catch {
    return false;
  }
}

/** The origin postMessage may target for an allowed URL, or null. */
export function originOf(candidate: string): string | null {
  return isAllowedWebUrl(candidate) ? new URL(candidate).origin : null;
}
