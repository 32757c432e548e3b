/**
 * Writes only a 组长 may make, checked again when rows arrive from another laptop: the app on
 * that laptop refuses them in its repositories, but a package is only bytes, and a merge must
 * not let anyone become 组长 or confirm a finding by carrying the result in a file.
 *
 * Who was entitled is read from the history itself: the case's creator is its first 组长, and
 * whoever an entitled member made 组长 is entitled from then on (a handover leaves the earlier
 * 组长's confirmations valid).
 */
import type { Revision } from './revision';
import { LEADER_STATUSES } from './findings/review';

/** A value only a 组长 may write: a member made 组长, a finding confirmed, sent back or merged. */
export function isLeaderWrite(table: string, field: string, value: unknown): boolean {
  if (table === 'members') return field === 'role' && value === 'leader';
  if (table === 'findings') {
    return field === 'status' && (LEADER_STATUSES as readonly unknown[]).includes(value);
  }
  return false;
}

type Written = Pick<Revision, 'table' | 'recordId' | 'by' | 'changes'>;

/** The members who were 组长 at some point: the creator, and whom a 组长 made one. */
export function entitledMembers(creator: string, revisions: readonly Written[]): Set<string> {
  const entitled = new Set([creator]);
  const promotions = revisions.filter(
    (r) => r.table === 'members' && isLeaderWrite('members', 'role', r.changes.role),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const r of promotions) {
      if (entitled.has(r.by) && !entitled.has(r.recordId)) {
        entitled.add(r.recordId);
        grew = true;
      }
    }
  }
  return entitled;
}

/** The first of `revisions` that writes a 组长's value without its author being entitled. */
export function unentitledWrite(
  revisions: readonly Written[],
  entitled: ReadonlySet<string>,
): Written | undefined {
  return revisions.find(
    (r) =>
      !entitled.has(r.by) &&
      Object.entries(r.changes).some(([field, value]) => isLeaderWrite(r.table, field, value)),
  );
}
