/**
 * Where the user is, kept in the URL hash so a reload (or a crash and restart) returns to the
 * same page. Hash routes need no server rules, which suits app:// and file-less builds alike.
 */
import { useSyncExternalStore } from 'react';

export const SECTIONS = [
  'overview',
  'interviews',
  'docReviews',
  'siteVisits',
  'petitions',
  'findings',
  'rectification',
  'lookback',
  'comparison',
  'report',
  'exchange',
  'team',
  'audit',
] as const;
export type Section = (typeof SECTIONS)[number];

export type Route =
  | { page: 'cases' }
  /** 备份与恢复: the snapshots of every case on this laptop. */
  | { page: 'backups' }
  | { page: 'case'; caseId: string; section: Section; recordId?: string };

export function parseRoute(hash: string): Route {
  const [, page, caseId, section, recordId] = hash.replace(/^#/, '').split('/');
  if (page === 'case' && caseId) {
    const known = SECTIONS.find((s) => s === section) ?? 'overview';
    const route: Route = { page: 'case', caseId: decodeURIComponent(caseId), section: known };
    return recordId ? { ...route, recordId: decodeURIComponent(recordId) } : route;
  }
  if (page === 'backups') return { page: 'backups' };
  return { page: 'cases' };
}

export function routeHash(route: Route): string {
  if (route.page === 'backups') return '#/backups';
  if (route.page !== 'case') return '#/cases';
  const base = `#/case/${encodeURIComponent(route.caseId)}/${route.section}`;
  return route.recordId ? `${base}/${encodeURIComponent(route.recordId)}` : base;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

/** Where the user is now, to check after an await that they have not gone elsewhere. */
export const whereNow = (): string => window.location.hash;

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}
