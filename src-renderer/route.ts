// Hash-based routes: the app is served from app://leye/ in Electron and from the core host in
// the preview, neither of which knows the UI's paths. Never put sensitive data in a route.

import { useSyncExternalStore } from 'react';

export type Route =
  /** No path: the shell picks the station's first screen (../worklist/landing.ts). */
  | { name: 'home' }
  /** 待办: the station's list, or (at a township) one village's, read-only. */
  | { name: 'worklist'; placeCode?: string }
  | { name: 'residents' }
  | { name: 'register' }
  /** A resident's drawer, optionally on a tab (`#/residents/<id>/services`). */
  | { name: 'resident'; id: string; tab?: 'services' }
  | { name: 'edit'; id: string }
  | { name: 'posts' }
  | { name: 'post'; id: string }
  | { name: 'attendance'; postId: string; month: string }
  /** A closed month's 考核 and pay (src-renderer/assessment). */
  | { name: 'assessment'; postId: string; month: string }
  /** A post's opening (岗位公告): applications, the 公示, objections (`#/posts/<post>/recruitment/<opening>`). */
  | { name: 'opening'; postId: string; id: string }
  | { name: 'training' }
  | { name: 'session'; id: string }
  | { name: 'signIn'; sessionId: string }
  | { name: 'policy' }
  | { name: 'county' }
  | { name: 'countyBatch'; id: string }
  | { name: 'conflicts' }
  /** A printed form, shown bare (no header) at A4: `#/print/<form>/<arg>/<arg>…` (ids, months, never personal data). */
  | { name: 'print'; form: string; args: string[] }
  /** Spreadsheets: roster import and ledger export. */
  | { name: 'sheets' }
  /** The statistics dashboard. */
  | { name: 'stats' }
  /** 补贴发放表: the township's payroll of a month. */
  | { name: 'payroll' }
  /** 数据备份: backups and restore. */
  | { name: 'backup' }
  /** About and diagnostics (versions, counts, support bundle). */
  | { name: 'about' }
  /** 账号管理 and 审计日志 (admins). */
  | { name: 'users' }
  | { name: 'audit' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const parts = path.split('/').map((p) => decodeURIComponent(p));
  if (parts[0] === '') return { name: 'home' };
  if (parts[0] === 'worklist') return /^\d{12}$/.test(parts[1] ?? '') ? { name: 'worklist', placeCode: parts[1]! } : { name: 'worklist' };
  if (parts[0] === 'register') return { name: 'register' };
  if (parts[0] === 'posts') {
    if (parts[1] && parts[2] === 'attendance' && /^\d{4}-\d{2}$/.test(parts[3] ?? '')) return { name: 'attendance', postId: parts[1], month: parts[3]! };
    if (parts[1] && parts[2] === 'assessment' && /^\d{4}-\d{2}$/.test(parts[3] ?? '')) return { name: 'assessment', postId: parts[1], month: parts[3]! };
    if (parts[1] && parts[2] === 'recruitment' && parts[3]) return { name: 'opening', postId: parts[1], id: parts[3] };
    return parts[1] ? { name: 'post', id: parts[1] } : { name: 'posts' };
  }
  if (parts[0] === 'training') {
    if (parts[1] && parts[2] === 'sign-in') return { name: 'signIn', sessionId: parts[1] };
    return parts[1] ? { name: 'session', id: parts[1] } : { name: 'training' };
  }
  if (parts[0] === 'policy') return { name: 'policy' };
  if (parts[0] === 'print' && parts[1]) return { name: 'print', form: parts[1], args: parts.slice(2).filter((p) => p !== '') };
  if (parts[0] === 'sheets') return { name: 'sheets' };
  if (parts[0] === 'stats') return { name: 'stats' };
  if (parts[0] === 'payroll') return { name: 'payroll' };
  if (parts[0] === 'backup') return { name: 'backup' };
  if (parts[0] === 'about') return { name: 'about' };
  if (parts[0] === 'users') return { name: 'users' };
  if (parts[0] === 'audit') return { name: 'audit' };
  if (parts[0] === 'county') {
    if (parts[1] === 'batch' && parts[2]) return { name: 'countyBatch', id: parts[2] };
    if (parts[1] === 'conflicts') return { name: 'conflicts' };
    return { name: 'county' };
  }
  if (parts[0] === 'residents' && parts[1]) {
    if (parts[2] === 'edit') return { name: 'edit', id: parts[1] };
    return parts[2] === 'services' ? { name: 'resident', id: parts[1], tab: 'services' } : { name: 'resident', id: parts[1] };
  }
  return { name: 'residents' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'worklist':
      return route.placeCode ? `#/worklist/${route.placeCode}` : '#/worklist';
    case 'residents':
      return '#/residents';
    case 'register':
      return '#/register';
    case 'resident':
      return `#/residents/${encodeURIComponent(route.id)}${route.tab ? `/${route.tab}` : ''}`;
    case 'edit':
      return `#/residents/${encodeURIComponent(route.id)}/edit`;
    case 'posts':
      return '#/posts';
    case 'post':
      return `#/posts/${encodeURIComponent(route.id)}`;
    case 'attendance':
      return `#/posts/${encodeURIComponent(route.postId)}/attendance/${route.month}`;
    case 'assessment':
      return `#/posts/${encodeURIComponent(route.postId)}/assessment/${route.month}`;
    case 'opening':
      return `#/posts/${encodeURIComponent(route.postId)}/recruitment/${encodeURIComponent(route.id)}`;
    case 'training':
      return '#/training';
    case 'session':
      return `#/training/${encodeURIComponent(route.id)}`;
    case 'signIn':
      return `#/training/${encodeURIComponent(route.sessionId)}/sign-in`;
    case 'policy':
      return '#/policy';
    case 'county':
      return '#/county';
    case 'countyBatch':
      return `#/county/batch/${encodeURIComponent(route.id)}`;
    case 'conflicts':
      return '#/county/conflicts';
    case 'print':
      return `#/print/${[route.form, ...route.args].map(encodeURIComponent).join('/')}`;
    case 'sheets':
      return '#/sheets';
    case 'stats':
      return '#/stats';
    case 'payroll':
      return '#/payroll';
    case 'backup':
      return '#/backup';
    case 'about':
      return '#/about';
    case 'users':
      return '#/users';
    case 'audit':
      return '#/audit';
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
