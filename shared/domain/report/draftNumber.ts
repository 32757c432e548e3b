/**
 * 底稿编号: "[2026]4巡-3组-07号" — the year of the case, its round (第四轮) and team (第三巡察组),
 * then the finding's number within the case. Numbered when the 组长 first confirms a finding
 * (on the 组长's laptop, so numbers never collide) and never reused.
 */
import type { CaseFields } from '../case.schema';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 1–99 written in Chinese (四, 十二, 二十三) or Arabic digits; undefined for anything else. */
export function chineseNumber(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS[tens] : undefined;
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0);
}

const ROUND = /第([一二两三四五六七八九十\d]+)轮/;
const TEAM = /第([一二两三四五六七八九十\d]+)(?:巡察)?组/;

/** "[2026]4巡-3组-" from the case, or undefined when its 轮次 or 巡察组 names no number. */
export function draftPrefix(c: Pick<CaseFields, 'startDate' | 'round' | 'teamName'>) {
  const round = chineseNumber(ROUND.exec(c.round)?.[1] ?? '');
  const team = chineseNumber(TEAM.exec(c.teamName)?.[1] ?? '');
  if (round === undefined || team === undefined || !/^\d{4}/.test(c.startDate)) return undefined;
  return `[${c.startDate.slice(0, 4)}]${round}巡-${team}组-`;
}

/** The number in a 底稿编号 ("…-07号" → 7); 0 for a blank or foreign one. */
export function draftSerial(draftNo: string): number {
  return Number(/-(\d+)号$/.exec(draftNo)?.[1] ?? 0);
}

/** The next 底稿编号 after those already given (deleted and merged findings keep theirs). */
export function nextDraftNo(prefix: string, given: readonly string[]): string {
  const next = Math.max(0, ...given.map(draftSerial)) + 1;
  return `${prefix}${String(next).padStart(2, '0')}号`;
}
