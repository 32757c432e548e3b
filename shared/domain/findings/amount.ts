/**
 * Money involved in a finding. Stored as a whole number of 分 (cents) so sums are exact; typed
 * in 元 or 万元, the way inspection reports quote it.
 */
import { zh } from '../../i18n/zh-CN';

export type AmountUnit = 'yuan' | 'wanYuan';

/** Ten thousand 亿元: any larger figure is a unit typed wrongly, not a finding. */
const MAX_FEN = 1e12 * 100;

/**
 * Parses what the user typed ("12.5", "1,250,000", "１２．５") into 分, or explains why not.
 * Blank means "no amount" (null).
 */
export function parseAmount(
  input: string,
  unit: AmountUnit,
): { ok: true; fen: number | null } | { ok: false; error: string } {
  const text = input
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  if (text === '') return { ok: true, fen: null };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, error: zh.finding.amountNotNumber };
  const value = Number(text);
  if (value < 0) return { ok: false, error: zh.finding.amountNegative };
  const fen = Math.round(value * (unit === 'wanYuan' ? 1_000_000 : 100));
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
