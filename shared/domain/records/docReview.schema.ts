/** 查阅资料: one document or file reviewed, what it is, and what it shows. */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { choice, optionalText } from '../text';
import type { Stored } from '../record';
import {
  blanks,
  focusCodes,
  freeTags,
  longText,
  memberRef,
  pastDate,
  rule,
  type RecordSpec,
  perDay,
} from './common';
import { isIsoDate } from '../dates';

export const DOC_KINDS = [
  'minutes',
  'vouchers',
  'contracts',
  'policies',
  'ledgers',
  'other',
] as const;

const f = zh.docReview.fields;

export function docReviewFields(today: string) {
  return z.object({
    title: optionalText(f.title, 200),
    kind: choice(DOC_KINDS, f.kind).default('minutes'),
    sourceDept: optionalText(f.sourceDept, 100),
    refNo: optionalText(f.refNo, 100),
    // The period a document covers may lie before or after the review, but not in the future.
    periodFrom: pastDate(f.periodFrom, today),
    periodTo: pastDate(f.periodTo, today),
    volume: optionalText(f.volume, 100),
    reviewer: memberRef,
    date: pastDate(f.date, today),
    extracts: longText(f.extracts),
    observations: longText(f.observations),
    focus: focusCodes,
    tags: freeTags,
  });
}

export type DocReviewFields = z.output<ReturnType<typeof docReviewFields>>;
export type DocReviewRecord = Stored<DocReviewFields>;

export const docReviewSpec: RecordSpec<ReturnType<typeof docReviewFields>> = {
  kind: 'docReviews',
  fields: perDay(docReviewFields),
  defaults: ({ today, memberId }) => ({ kind: 'minutes', date: today, reviewer: memberId }),
  cross: (v) =>
    rule(
      isIsoDate(v.periodFrom) && isIsoDate(v.periodTo) && v.periodTo < v.periodFrom,
      ['periodFrom', 'periodTo'],
      zh.docReview.periodEndBeforeStart,
    ),
  missing: (v) =>
    blanks({
      title: [v.title === '', zh.validation.required(f.title)],
      date: [v.date === '', zh.validation.required(f.date)],
    }),
  content: [
    'title',
    'sourceDept',
    'refNo',
    'periodFrom',
    'periodTo',
    'volume',
    'extracts',
    'observations',
    'focus',
    'tags',
  ],
  title: (v) => v.title,
  date: (v) => v.date,
  subKind: (v) => v.kind,
  members: (v) => (v.reviewer ? [v.reviewer] : []),
  headcount: () => 0,
  text: (v) =>
    [v.title, v.sourceDept, v.refNo, v.volume, v.extracts, v.observations, ...v.tags]
      .filter(Boolean)
      .join('\n'),
};
