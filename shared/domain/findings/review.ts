/**
 * The leader's review of findings, as pure rules: who may move a finding from which status to
 * which, and what it must have first. The repository applies them; the UI asks them which
 * buttons to offer.
 */
import { zh } from '../../i18n/zh-CN';
import type { MemberRole } from '../member.schema';
import type { FieldErrors } from '../validation';
import type { Patch } from '../record';
import { elementWrites, type CollectionSpec } from '../collections';
import {
  evidenceKey,
  type EvidenceRef,
  type FindingFields,
  type FindingStatus,
} from './finding.schema';

export type ReviewAction = 'submit' | 'confirm' | 'sendBack' | 'merge';

const FROM: Record<ReviewAction, readonly FindingStatus[]> = {
  submit: ['draft', 'returned'],
  confirm: ['draft', 'pending', 'returned'],
  sendBack: ['pending', 'confirmed'],
  merge: ['draft', 'pending', 'returned', 'confirmed'],
};

const LEADER_ONLY: ReadonlySet<ReviewAction> = new Set(['confirm', 'sendBack', 'merge']);
/** The statuses only those actions write (checked again on rows from other laptops). */
export const LEADER_STATUSES: readonly FindingStatus[] = ['confirmed', 'returned', 'merged'];

/** What stops `action` on `finding` by a member with `role`; empty when it may go ahead. */
export function reviewProblems(
  action: ReviewAction,
  finding: FindingFields,
  role: MemberRole,
  comment = '',
): FieldErrors {
  if (LEADER_ONLY.has(action) && role !== 'leader') return { status: zh.finding.leaderOnly };
  if (!FROM[action].includes(finding.status)) {
    return {
      status: zh.finding.wrongState(
        zh.finding.statuses[finding.status],
        zh.finding.actions[action],
      ),
    };
  }
  const problems: Record<string, string> = {};
  if ((action === 'submit' || action === 'confirm') && finding.title.trim() === '') {
    problems.title = zh.finding.needTitle;
  }
  if (action === 'confirm') {
    if (finding.category === '') problems.category = zh.finding.needCategory;
    if (finding.evidence.length === 0) problems.evidence = zh.finding.needEvidence;
  }
  if (action === 'sendBack' && comment.trim() === '')
    problems.reviewComment = zh.finding.needComment;
  return problems;
}

/**
 * Whether a member with `role` may change `finding` at all (its text, amount, evidence, or
 * delete it): a finding the 组长 confirmed, or one merged into another, is the 组长's alone.
 */
export function editProblems(
  finding: Pick<FindingFields, 'status'>,
  role: MemberRole,
): FieldErrors {
  if (role !== 'leader' && (finding.status === 'confirmed' || finding.status === 'merged')) {
    return { status: zh.finding.confirmedReadOnly };
  }
  return {};
}

/** The fields a review action writes (after reviewProblems found nothing). */
export function reviewPatch(
  action: Exclude<ReviewAction, 'merge'>,
  comment = '',
): Partial<FindingFields> {
  switch (action) {
    case 'submit':
      return { status: 'pending' };
    case 'confirm':
      return { status: 'confirmed', reviewComment: comment.trim() };
    case 'sendBack':
      return { status: 'returned', reviewComment: comment.trim() };
  }
}

/**
 * Two findings that describe one problem become one: the kept finding gains the other's
 * evidence, people, departments and text; the other is marked merged (and kept, not deleted,
 * so its history and its citations stay traceable). Sets gain elements; nothing is removed.
 */
export function mergePatches(
  kept: FindingFields,
  absorbed: FindingFields,
  keptId: string,
): { kept: Patch; absorbed: Partial<FindingFields> } {
  const description = [kept.description, absorbed.description].filter((d) => d.trim()).join('\n\n');
  // The larger figure, not the sum: two write-ups of one problem usually quote the same money.
  const amountFen =
    kept.amountFen === null && absorbed.amountFen === null
      ? null
      : Math.max(kept.amountFen ?? 0, absorbed.amountFen ?? 0);
  return {
    kept: {
      ...additions('evidence', EVIDENCE, kept.evidence, absorbed.evidence),
      ...additions('persons', WORDS, kept.persons, absorbed.persons),
      ...additions('departments', WORDS, kept.departments, absorbed.departments),
      ...additions('responsibilities', WORDS, kept.responsibilities, absorbed.responsibilities),
      description,
      basis: kept.basis.includes(absorbed.basis.trim())
        ? kept.basis
        : [kept.basis, absorbed.basis].filter((b) => b.trim()).join('\n'),
      immediate: kept.immediate || absorbed.immediate,
      amountFen,
      category: kept.category || absorbed.category,
    },
    absorbed: { status: 'merged', mergedInto: keptId },
  };
}

const EVIDENCE: CollectionSpec<EvidenceRef> = { kind: 'set', key: evidenceKey };
const WORDS: CollectionSpec<string> = { kind: 'set', key: (w) => w };

/** The element writes that add `more`'s elements to `set` (none when already there). */
function additions<T>(
  field: string,
  spec: CollectionSpec<T>,
  set: readonly T[],
  more: readonly T[],
) {
  const keys = new Set(set.map((e) => spec.key(e)));
  const added = more.filter((e) => !keys.has(spec.key(e)));
  return elementWrites(field, spec, [], added, () => true);
}
