/**
 * Writes only some members may make, checked again when rows arrive from another laptop: the
 * app on that laptop refuses them in its repositories, but a package is only bytes, and a merge
 * must not let anyone become 组长, confirm a finding, or take over another member's key by
 * carrying the result in a file.
 *
 * - a 组长's write: a member's role or removal; a finding confirmed, sent back or merged;
 * - the member's own write: the public key of their laptop (packages for them go to it).
 *
 * Who was 组长 is read from the history itself: the case's creator is its first 组长, and whoever
 * an entitled member made 组长 is entitled from then on (a handover leaves the earlier 组长's
 * confirmations valid). A revision's author is what the package says it is: packages are
 * encrypted, not signed, so a member who edits the bytes of their own package can claim another
 * author (docs/package-format.md, "What a package does not prove").
 */
import type { Revision } from './revision';
import { LEADER_STATUSES } from './findings/review';

export type Guard = 'leader' | 'self';

/** Who may write `value` to `field` of a row of `table`; null: any member. */
export function guardOf(table: string, field: string, value: unknown): Guard | null {
  if (table === 'members') {
    if (field === 'role' || (field === 'deleted' && value === true)) return 'leader';
    if (field === 'recipient') return 'self';
  }
  if (table === 'findings' && field === 'status') {
    return (LEADER_STATUSES as readonly unknown[]).includes(value) ? 'leader' : null;
  }
  return null;
}

type Written = Pick<Revision, 'table' | 'recordId' | 'by' | 'changes'>;

/** The members who were 组长 at some point: the creator, and whom a 组长 made one. */
export function entitledMembers(creator: string, revisions: readonly Written[]): Set<string> {
  const entitled = new Set([creator]);
  const promotions = revisions.filter((r) => r.table === 'members' && r.changes.role === 'leader');
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

/** Whether `revision` may write `field` = `value`. */
export function mayWrite(
  revision: Written,
  field: string,
  value: unknown,
  entitled: ReadonlySet<string>,
): boolean {
  const guard = guardOf(revision.table, field, value);
  if (guard === 'leader') return entitled.has(revision.by);
  if (guard === 'self') return revision.by === revision.recordId;
  return true;
}

/** The first of `revisions` that writes something its author may not. */
export function unentitledWrite(
  revisions: readonly Written[],
  entitled: ReadonlySet<string>,
): Written | undefined {
  return revisions.find((r) =>
    Object.entries(r.changes).some(([field, value]) => !mayWrite(r, field, value, entitled)),
  );
}
