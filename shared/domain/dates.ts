/**
 * Calendar dates as the team writes them: 'YYYY-MM-DD' strings, no time zone, no clock.
 * The clock is an argument ("today"), so rules like "not in the far future" stay pure.
 */
import { z } from './zod';
import { zh } from '../i18n/zh-CN';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD (so 2026-02-30 is false). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Adds whole years to an ISO date (Feb 29 becomes Feb 28 in a common year). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const y = Math.min(Number(date.slice(0, 4)) + years, 9999); // dates are compared as text
  const rest = date.slice(4);
  const candidate = `${y}${rest}`;
  return isIsoDate(candidate) ? candidate : `${y}${rest.slice(0, 4)}28`;
}

/** Adds whole months to an ISO date; a day the month lacks becomes its last (1月31日 → 4月30日). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const total = y * 12 + (m - 1) + months;
  const year = Math.min(Math.floor(total / 12), 9999);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Today's date in the laptop's own time zone: what the user reads on the wall calendar. */
export function localIsoDate(now: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Formats an ISO date the way official documents write it: 2026年11月23日. */
export function chineseDate(date: IsoDate): string {
  if (!isIsoDate(date)) return date;
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Earliest date any record may carry: older dates are typing mistakes, not history. */
export const EARLIEST_DATE: IsoDate = '2000-01-01';

/** A date field, checked to lie between EARLIEST_DATE and `latest` (both inclusive). */
export function dateField(label: string, latest: IsoDate) {
  return z
    .string({ error: zh.validation.required(label) })
    .trim()
    .min(1, { error: zh.validation.required(label) })
    .refine(isIsoDate, { error: zh.validation.date(label) })
    .refine((d) => !isIsoDate(d) || (d >= EARLIEST_DATE && d <= latest), {
      error: zh.validation.dateOutOfRange(label, EARLIEST_DATE, latest),
    });
}

/**
 * A "today" after every real date: for reading what is already stored (a list row, a search
 * document, a package from another laptop), where no "not after today" rule may apply: the
 * laptop that wrote it may have had another date, and a clock may have gone back.
 */
export const ANY_DAY: IsoDate = '9999-12-31';
