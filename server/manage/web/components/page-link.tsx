// An in-app link: a real <a href> (so it opens in a new tab, copies, and reads as a link), but a
// plain click changes the page without reloading it.
import type { MouseEvent, ReactNode } from 'react';
import { pathFor, type Route } from '../routes';

export function PageLink({ to, onNavigate, children }: { to: Route; onNavigate: (route: Route) => void; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(to);
  };
  return (
    <a href={pathFor(to)} onClick={onClick}>
      {children}
    </a>
  );
}
