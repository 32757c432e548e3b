import type { Dot, FieldChanges, MemberId, VersionVector } from './record';

/**
 * `redact`: values removed from a record's history (an anonymous petition's reporter). Its
 * `changes` name the fields, each with the REDACTED marker, never a value. It is the one
 * exception to immutable history: it travels, and every laptop that holds the record removes
 * those fields' values from its copies of the record's revisions (write.ts, applyRedactions).
 */
export type RevisionKind = 'create' | 'update' | 'delete' | 'restore' | 'redact';

/** What replaces a value removed from history. */
export const REDACTED: Readonly<{ redacted: true }> = Object.freeze({ redacted: true });

export function isRedacted(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { redacted?: unknown }).redacted === true
  );
}

/**
 * One write to one record, kept forever: who changed which fields and elements, when, on which
 * laptop, and the record's version vector after the write. A revision never changes once it
 * may have left the laptop (see write.ts on folding); history replays revisions in causal
 * order (causalOrder below), never by clock or by id. Only the values after the write are
 * stored (`changes`, in the form of a patch: see record.ts); the value before is the previous
 * revision's. The zod schema is in stored.schema.ts.
 */
export interface Revision {
  readonly id: string;
  readonly caseId: string;
  readonly table: string;
  readonly recordId: string;
  readonly kind: RevisionKind;
  readonly at: string;
  readonly by: MemberId;
  readonly dot: Dot;
  readonly vv: VersionVector;
  readonly changes: FieldChanges;
  /** This laptop's change sequence when the revision was stored; local only. */
  readonly seq: number;
}

/**
 * Revisions of one record, oldest first in causal order: a write comes after every write its
 * laptop had seen. The sum of a version vector grows along every causal chain, so sorting by it
 * is a linear extension of "happened before"; concurrent writes are ordered by device id, then
 * by counter (ties that can only arise between laptops that had not seen each other's work).
 */
export function causalOrder<R extends Pick<Revision, 'vv' | 'dot'>>(revisions: readonly R[]): R[] {
  const total = (r: R) => Object.values(r.vv).reduce((n, c) => n + c, 0);
  return [...revisions].sort(
    (a, b) =>
      total(a) - total(b) ||
      (a.dot[0] < b.dot[0] ? -1 : a.dot[0] > b.dot[0] ? 1 : 0) ||
      a.dot[1] - b.dot[1],
  );
}
