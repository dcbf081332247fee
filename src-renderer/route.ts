// Hash-based routes: the app is served from app://leye/ in Electron and from the core host in
// the preview, neither of which knows the UI's paths. Never put sensitive data in a route.

import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'residents' }
  | { name: 'register' }
  | { name: 'resident'; id: string }
  | { name: 'edit'; id: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const parts = path.split('/').map((p) => decodeURIComponent(p));
  if (parts[0] === 'register') return { name: 'register' };
  if (parts[0] === 'residents' && parts[1]) {
    return parts[2] === 'edit' ? { name: 'edit', id: parts[1] } : { name: 'resident', id: parts[1] };
  }
  return { name: 'residents' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'residents':
      return '#/residents';
    case 'register':
      return '#/register';
    case 'resident':
      return `#/residents/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/residents/${encodeURIComponent(route.id)}/edit`;
  }
}

export function navigate(route: Route) {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
