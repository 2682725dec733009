import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

// A light client-side router: the URL path names the page, history.pushState moves between
// pages, and the server answers index.html for every non-API path. Three pages do not need a
// routing library; when nesting or loaders are needed, TanStack Router is the natural next step.

const NAVIGATE_EVENT = "sift:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path, e.g. "/threads/t_abc"; re-renders on navigation and Back/Forward. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Goes to `path` inside the app, adding a history entry, and scrolls to the top. */
export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, "", path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

/** A real link (open in new tab works) that navigates in place on a plain click. */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={onLinkClick} {...rest} />;
}

/** Paths of the app's pages. */
export const paths = {
  queue: () => "/",
  thread: (id: string) => `/threads/${encodeURIComponent(id)}`,
  decisionLog: () => "/log",
  imports: () => "/import",
  rules: () => "/rules",
  reports: () => "/reports",
};
