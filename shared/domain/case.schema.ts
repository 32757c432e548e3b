/** 巡察任务: one inspection of one unit. Everything else in the app belongs to a case. */
import { z } from './zod';
import { zh } from '../i18n/zh-CN';
import { addYears, dateField, isIsoDate, type IsoDate } from './dates';
import { choice, optionalText, writtenText, requiredText } from './text';
import type { Stored } from './record';

export const CASE_TYPES = ['regular', 'special', 'mobile', 'lookback', 'elevated'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The stages a case passes through, in order. Archiving is separate: any case can be archived. */
/** How the report groups its problems (DESIGN §9): by the 三个聚焦 or by the 四个落实. */
export const REPORT_SCHEMES = ['focus', 'implement'] as const;
export type ReportScheme = (typeof REPORT_SCHEMES)[number];

export const CASE_STATUSES = ['preparing', 'onsite', 'reporting', 'rectifying', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const f = zh.case.fields;

/** How far ahead a planned date may lie before we call it a typing mistake. */
export const PLAN_HORIZON_YEARS = 3;

/**
 * What the 组长 writes for the case's documents (巡察报告 page). Saved with the case, so it
 * travels in packages and merges field by field like everything else.
 */
export const reportFields = z.object({
  /** The party committee that sent the team (县委): addressee and signature of the report. */
  committee: optionalText(f.committee, 50),
  /** 巡察依据: the mandate quoted by the opening sentence (根据县委巡察工作统一部署). */
  mandate: optionalText(f.mandate, 500),
  reportScheme: choice(REPORT_SCHEMES, f.reportScheme).default('focus'),
  /** The 组长's wording of each heading, by heading key (report/headings.ts); blank: default. */
  headingTexts: z.record(z.string().max(40), z.string().trim().max(200)).default({}),
  reportOpening: writtenText(f.reportOpening, 20_000),
  reportBasics: writtenText(f.reportBasics, 50_000),
  reportSuggestions: writtenText(f.reportSuggestions, 50_000),
  /** 反馈意见's 总体评价. */
  feedbackEvaluation: writtenText(f.feedbackEvaluation, 50_000),
  /** The 告知 read at the start of every interview; blank: the standard text. */
  noticeTemplate: writtenText(f.noticeTemplate, 5000),
  /** The short list of rules a finding's 定性依据 may be picked from. */
  basisList: z.array(z.string().trim().min(1).max(500)).max(200).default([]),
  /** The report's 数据比对 annex prints ID numbers in full (else masked, as everywhere). */
  annexFullIds: z.boolean().default(false),
});
export type ReportFields = z.output<typeof reportFields>;

/** What the 整改台账 counts its deadlines from (issue 14; shared/domain/ledger/deadlines.ts). */
export const ledgerSettings = z.object({
  /** 反馈日期: the day the feedback was given; the ledger opens from it. */
  feedbackDate: z
    .string()
    .refine((d) => d === '' || isIsoDate(d), { error: zh.validation.date(f.feedbackDate) })
    .default(''),
  /** Extra days off (法定节假日) the working-day deadlines skip, besides weekends. */
  holidays: z
    .array(z.string().refine(isIsoDate, { error: zh.validation.date(f.holidays) }))
    .max(366)
    .default([]),
  /** Days before a 完成时限 when a task turns yellow. */
  warnDays: z.number().int().min(1).max(90).default(10),
});
export type LedgerSettings = z.output<typeof ledgerSettings>;

/** The longest 被巡察单位 name. */
export const CASE_NAME_MAX = 100;

/** The editable fields of a case. `today` bounds dates: no case is planned ten years ahead. */
export function caseFieldsSchema(today: IsoDate) {
  const latest = addYears(today, PLAN_HORIZON_YEARS);
  return z
    .object({
      unitName: requiredText(f.unitName, CASE_NAME_MAX),
      teamName: optionalText(f.teamName, 50),
      round: optionalText(f.round, 50),
      type: choice(CASE_TYPES, f.type),
      status: choice(CASE_STATUSES, f.status).default('preparing'),
      startDate: dateField(f.startDate, latest),
      endDate: dateField(f.endDate, latest),
      notes: optionalText(f.notes, 2000),
      /** Archived cases leave the working list but keep every record. */
      archived: z.boolean().default(false),
      /** A 回头看 case: the earlier case whose ledger it checks (recheck.schema.ts). */
      priorCaseId: z.string().max(40).default(''),
      ...reportFields.shape,
      ...ledgerSettings.shape,
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
