import type { Dot, FieldChanges, MemberId } from './record';

export type RevisionKind = 'create' | 'update' | 'delete' | 'restore';

/**
 * One write to one record, kept forever: who changed which fields, when, on which laptop.
 * Only the values after the write are stored; the value before is the previous revision's.
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
  readonly changes: FieldChanges;
}
