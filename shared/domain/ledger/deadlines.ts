/**
 * The deadlines of rectification (DESIGN §10), counted from the 反馈日期: the 整改方案 within 15
 * working days (weekends and the case's extra holidays skipped), the 专题民主生活会 within one
 * month, the 整改报告 within three months. Dates are ISO days; nothing here reads a clock.
 */
import { addMonths, isIsoDate, type IsoDate } from '../dates';

export const PLAN_WORKING_DAYS = 15;
export const MEETING_MONTHS = 1;
export const REPORT_MONTHS = 3;

const weekday = (date: IsoDate) => new Date(`${date}T00:00:00Z`).getUTCDay();

function nextDay(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `days` working days after `date`: Saturdays, Sundays and `holidays` do not count. */
export function addWorkingDays(
  date: IsoDate,
  days: number,
  holidays: ReadonlySet<IsoDate> = new Set(),
): IsoDate {
  let at = date;
  for (let left = days; left > 0;) {
    at = nextDay(at);
    const day = weekday(at);
    if (day !== 0 && day !== 6 && !holidays.has(at)) left--;
  }
  return at;
}

export interface CaseDeadlines {
  /** 整改方案: 15 working days after the feedback. */
  readonly plan: IsoDate;
  /** 专题民主生活会: one month after. */
  readonly meeting: IsoDate;
  /** 整改报告: three months after. */
  readonly report: IsoDate;
}

export function caseDeadlines(
  feedbackDate: IsoDate,
  holidays: readonly IsoDate[] = [],
): CaseDeadlines | undefined {
  if (!isIsoDate(feedbackDate)) return undefined;
  return {
    plan: addWorkingDays(feedbackDate, PLAN_WORKING_DAYS, new Set(holidays)),
    meeting: addMonths(feedbackDate, MEETING_MONTHS),
    report: addMonths(feedbackDate, REPORT_MONTHS),
  };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
