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
  'comparison',
  'report',
  'team',
] as const;
export type Section = (typeof SECTIONS)[number];

export type Route = { page: 'cases' } | { page: 'case'; caseId: string; section: Section };

export function parseRoute(hash: string): Route {
  const [, page, caseId, section] = hash.replace(/^#/, '').split('/');
  if (page === 'case' && caseId) {
    const known = SECTIONS.find((s) => s === section);
    return { page: 'case', caseId: decodeURIComponent(caseId), section: known ?? 'overview' };
  }
  return { page: 'cases' };
}

export function routeHash(route: Route): string {
  return route.page === 'case'
    ? `#/case/${encodeURIComponent(route.caseId)}/${route.section}`
    : '#/cases';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => window.location.hash;

export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, snapshot));
}
