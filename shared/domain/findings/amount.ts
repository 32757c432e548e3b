/**
 * Money involved in a finding. Stored as a whole number of 分 (cents) so sums are exact; typed
 * in 元 or 万元, the way inspection reports quote it.
 */
import { zh } from '../../i18n/zh-CN';

export type AmountUnit = 'yuan' | 'wanYuan';

/** Ten thousand 亿元: any larger figure is a unit typed wrongly, not a finding. */
const MAX_FEN = 1e12 * 100;

const UNIT_FEN: Readonly<Record<string, number>> = {
  元: 100,
  万元: 1_000_000,
  万: 1_000_000,
  亿元: 10_000_000_000,
  亿: 10_000_000_000,
};

/**
 * Parses what the user typed ("12.5", "1,250,000", "１２．５", "126000元", "3.2亿") into 分, or
 * explains why not. A unit written in the text wins over the unit chosen beside the field:
 * "126000元" is 12.6万元 whatever the select shows. A comma must separate thousands: "12,6" is
 * refused, not read as 126. Blank means "no amount" (null).
 */
export function parseAmount(
  input: string,
  unit: AmountUnit,
): { ok: true; fen: number | null } | { ok: false; error: string } {
  const text = input.normalize('NFKC').trim();
  if (text === '') return { ok: true, fen: null };
  const [, number = '', written] = /^(.*?)\s*(亿元|万元|元|亿|万)?$/.exec(text) ?? [];
  if (number.startsWith('-')) return { ok: false, error: zh.finding.amountNegative };
  if (number.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(number)) {
    return { ok: false, error: zh.finding.amountBadComma };
  }
  const digits = number.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(digits)) return { ok: false, error: zh.finding.amountNotNumber };
  const perUnit = written ? UNIT_FEN[written]! : unit === 'wanYuan' ? 1_000_000 : 100;
  const fen = Math.round(Number(digits) * perUnit);
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) {
    return { ok: false, error: zh.finding.amountTooLarge };
  }
  return { ok: true, fen };
}

/** 分 → "12.50万元" for large sums, "3,200.00元" otherwise: how a report writes money. */
export function formatAmount(fen: number): string {
  if (fen >= 1_000_000) return `${(fen / 1_000_000).toFixed(2)}万元`;
  return `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
}
