/**
 * The days of the demo's inspection: day 0 is the day the team arrived (进驻), the last day is
 * the day before `today`, so no record is dated after the day it is loaded. Times are written
 * as the laptops' clocks would (UTC instants of Beijing working hours).
 */
import { isIsoDate, type IsoDate } from '../domain/dates';

const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;

export interface Calendar {
  /** Days from arrival to the last day recorded. */
  readonly lastDay: number;
  readonly year: number;
  /** The calendar date of a day (negative days are before arrival). */
  date(day: number): IsoDate;
  /** The instant of `minutes` after midnight, Beijing time, on a day. */
  time(day: number, minutes: number): string;
}

/** An inspection that arrived `days` days before `today`. */
export function calendar(today: IsoDate, days: number): Calendar {
  if (!isIsoDate(today)) throw new Error(`not a date: ${today}`);
  const todayMs = Date.parse(`${today}T00:00:00.000Z`);
  const arrival = todayMs - days * DAY_MS;
  const date = (day: number) => new Date(arrival + day * DAY_MS).toISOString().slice(0, 10);
  return {
    lastDay: days - 1,
    year: Number(date(0).slice(0, 4)),
    date,
    time: (day, minutes) =>
      new Date(arrival + day * DAY_MS + minutes * 60_000 - BEIJING_MS).toISOString(),
  };
}

/** 'HH:mm' of minutes after midnight. */
export function clockTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/** A date `days` after (or before) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
