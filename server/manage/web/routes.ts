// The pages' addresses under /manage/ (served by the SPA fallback, so each survives a reload).
export type Route = { page: 'rooms' } | { page: 'create' } | { page: 'edit'; roomId: string };

export function routeFromPath(pathname: string): Route {
  const edit = /^\/manage\/rooms\/([^/]+)\/?$/.exec(pathname);
  if (edit?.[1]) return { page: 'edit', roomId: decodeURIComponent(edit[1]) };
  if (/^\/manage\/new\/?$/.test(pathname)) return { page: 'create' };
  return { page: 'rooms' };
}

export function pathFor(route: Route): string {
  switch (route.page) {
    case 'rooms':
      return '/manage/';
    case 'create':
      return '/manage/new';
    case 'edit':
      return `/manage/rooms/${encodeURIComponent(route.roomId)}`;
  }
}
