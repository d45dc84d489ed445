import { findNavItem, homePath, normalizePath, type NavItem } from './navItems';

export type ResolvedRoute =
  | { readonly kind: 'page'; readonly item: NavItem }
  | { readonly kind: 'redirect'; readonly to: string }
  | { readonly kind: 'notFound'; readonly path: string };

/** Decides what the shell shows for a browser path; `/` and `/index.html` land on the home page. */
export function resolveRoute(pathname: string): ResolvedRoute {
  const path = normalizePath(pathname);
  if (path === '/' || path === '/index.html') {
    return { kind: 'redirect', to: homePath };
  }
  const item = findNavItem(path);
  return item ? { kind: 'page', item } : { kind: 'notFound', path: pathname };
}

/** Whether a click on a link should stay inside the SPA instead of letting the browser handle it. */
export function isPlainLeftClick(event: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}): boolean {
  return (
    event.button === 0 &&
    !event.defaultPrevented &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}
