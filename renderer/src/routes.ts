import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/sites`): the app is a file:// page in Electron and a single page on the local
 * server, so the hash is the one part of the URL that is ours everywhere.
 */
function readHash(): string {
  return location.hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The first segment of the hash route ('' when there is none). */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, readHash);
}

export function hrefFor(pageId: string): string {
  return `#/${pageId}`;
}

/** Go to a page without adding a history entry (for correcting an unknown route). */
export function replaceRoute(pageId: string): void {
  history.replaceState(null, '', hrefFor(pageId));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
