/** 巡察任务: one inspection of one unit. Everything else in the app belongs to a case. */
import { z } from './zod';
import { zh } from '../i18n/zh-CN';
import { addYears, dateField, type IsoDate } from './dates';
import { choice, optionalText, requiredText } from './text';
import type { Stored } from './record';

export const CASE_TYPES = ['regular', 'special', 'mobile', 'lookback', 'elevated'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The stages a case passes through, in order. Archiving is separate: any case can be archived. */
export const CASE_STATUSES = ['preparing', 'onsite', 'reporting', 'rectifying', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const f = zh.case.fields;

/** How far ahead a planned date may lie before we call it a typing mistake. */
export const PLAN_HORIZON_YEARS = 3;

/** The editable fields of a case. `today` bounds dates: no case is planned ten years ahead. */
export function caseFieldsSchema(today: IsoDate) {
  const latest = addYears(today, PLAN_HORIZON_YEARS);
  return z
    .object({
      unitName: requiredText(f.unitName, 100),
      teamName: optionalText(f.teamName, 50),
      round: optionalText(f.round, 50),
      type: choice(CASE_TYPES, f.type),
      status: choice(CASE_STATUSES, f.status).default('preparing'),
      startDate: dateField(f.startDate, latest),
      endDate: dateField(f.endDate, latest),
      notes: optionalText(f.notes, 2000),
      /** Archived cases leave the working list but keep every record. */
      archived: z.boolean().default(false),
    })
    .refine((c) => c.endDate >= c.startDate, {
      error: zh.validation.endBeforeStart,
      path: ['endDate'],
    });
}

export type CaseFields = z.output<ReturnType<typeof caseFieldsSchema>>;
export type CaseInput = z.input<ReturnType<typeof caseFieldsSchema>>;
export type CaseRecord = Stored<CaseFields>;

/** A new case and the person creating it, who becomes its first member and its 组长. */
export function newCaseSchema(today: IsoDate) {
  return caseFieldsSchema(today).and(
    z.object({
      creatorName: requiredText(f.creatorName, 20),
    }),
  );
}

export type NewCaseInput = z.input<ReturnType<typeof newCaseSchema>>;
