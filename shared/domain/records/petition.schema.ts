/** 信访件: a letter, visit or call from the public received during the inspection. */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { choice, optionalText } from '../text';
import type { Stored } from '../record';
import {
  blanks,
  focusCodes,
  freeTags,
  longText,
  pastDate,
  rule,
  type RecordSpec,
  perDay,
} from './common';

export const PETITION_CHANNELS = ['letter', 'visit', 'call', 'online', 'other'] as const;
export const PETITION_STATUSES = ['registered', 'transferred', 'closed'] as const;
export const PETITION_CATEGORIES = [
  'eightRules',
  'peopleInterests',
  'appointments',
  'projects',
  'assets',
  'conduct',
  'other',
] as const;

const f = zh.petition.fields;

export function petitionFields(today: string) {
  return z.object({
    channel: choice(PETITION_CHANNELS, f.channel).default('letter'),
    receivedDate: pastDate(f.receivedDate, today),
    anonymous: z.boolean().default(false),
    reporterName: optionalText(f.reporterName, 50),
    reporterContact: optionalText(f.reporterContact, 100),
    subject: optionalText(f.subject, 200),
    summary: longText(f.summary),
    category: choice(PETITION_CATEGORIES, f.category).default('other'),
    status: choice(PETITION_STATUSES, f.status).default('registered'),
    handlingNote: longText(f.handlingNote),
    focus: focusCodes,
    tags: freeTags,
  });
}

export type PetitionFields = z.output<ReturnType<typeof petitionFields>>;
export type PetitionRecord = Stored<PetitionFields>;

export const petitionSpec: RecordSpec<ReturnType<typeof petitionFields>> = {
  kind: 'petitions',
  fields: perDay(petitionFields),
  defaults: ({ today }) => ({ channel: 'letter', receivedDate: today }),
  // Anonymous means anonymous: no name or contact may be written while it is ticked.
  cross: (v) =>
    v.anonymous
      ? {
          ...rule(v.reporterName !== '', ['reporterName'], zh.petition.anonymousNoReporter),
          ...rule(v.reporterContact !== '', ['reporterContact'], zh.petition.anonymousNoReporter),
        }
      : {},
  redact: (v) => (v.anonymous ? ['reporterName', 'reporterContact'] : []),
  missing: (v) =>
    blanks({
      receivedDate: [v.receivedDate === '', zh.validation.required(f.receivedDate)],
      reporterName: [!v.anonymous && v.reporterName === '', zh.validation.required(f.reporterName)],
      summary: [v.summary.trim() === '', zh.validation.required(f.summary)],
    }),
  content: [
    'reporterName',
    'reporterContact',
    'subject',
    'summary',
    'handlingNote',
    'focus',
    'tags',
  ],
  title: (v) => v.subject || v.summary.slice(0, 30),
  date: (v) => v.receivedDate,
  subKind: (v) => v.channel,
  members: () => [],
  headcount: () => 0,
  text: (v) =>
    [v.anonymous ? '' : v.reporterName, v.subject, v.summary, v.handlingNote, ...v.tags]
      .filter(Boolean)
      .join('\n'),
};
