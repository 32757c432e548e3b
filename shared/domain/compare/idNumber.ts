/**
 * 公民身份号码 (GB 11643-1999) as lists really carry them: typed in full-width, with a lower-case
 * x, spaces or hyphens, in the old 15-digit form, or turned by Excel into 1.10105E+17. One
 * normalisation for every list, so a VLOOKUP's misses are not ours (DESIGN §11). A number that
 * cannot be read is returned with the reason, never dropped.
 */

/** Weights of the first 17 digits, and the check character by the sum mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export type IdProblem = 'empty' | 'mangled' | 'chars' | 'length' | 'date' | 'check';

export type IdReading =
  | {
      readonly ok: true;
      /** The 18-character number, check character upper-case. */
      readonly id: string;
      /** YYYY-MM-DD, read from the number. */
      readonly birth: string;
      readonly sex: 'male' | 'female';
      /** Written in the old 15-digit form and converted. */
      readonly from15: boolean;
    }
  | {
      readonly ok: false;
      readonly problem: IdProblem;
      /** What was left after cleaning. */ readonly cleaned: string;
    };

/** The check character of 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Full-width to half-width, spaces, hyphens and Excel's text apostrophe removed, x to X. */
export function cleanIdText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/^'/, '')
    .replace(/[\s\-‐‑‒–—―]/g, '')
    .toUpperCase();
}

function birthOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1880 || y > 2099 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 2月30日 rolls over
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Reads an ID number as a cell holds it: a string, or a number when the column was numeric
 * (exact only up to 15 digits; beyond, Excel has already lost the last ones).
 */
export function readIdNumber(raw: string | number | null | undefined): IdReading {
  if (raw === null || raw === undefined) return { ok: false, problem: 'empty', cleaned: '' };
  if (typeof raw === 'number') {
    return Number.isSafeInteger(raw) && raw >= 0
      ? readIdNumber(String(raw))
      : { ok: false, problem: 'mangled', cleaned: String(raw) };
  }
  const cleaned = cleanIdText(raw);
  if (cleaned === '') return { ok: false, problem: 'empty', cleaned };
  if (/^\d(\.\d+)?E\+?\d+$/.test(cleaned)) return { ok: false, problem: 'mangled', cleaned };
  if (!/^\d+X?$/.test(cleaned)) return { ok: false, problem: 'chars', cleaned };
  let first17: string;
  let from15 = false;
  if (cleaned.length === 15 && !cleaned.endsWith('X')) {
    first17 = `${cleaned.slice(0, 6)}19${cleaned.slice(6)}`;
    from15 = true;
  } else if (cleaned.length === 18) {
    first17 = cleaned.slice(0, 17);
  } else {
    return { ok: false, problem: 'length', cleaned };
  }
  const birth = birthOf(first17.slice(6, 14));
  if (!birth) return { ok: false, problem: 'date', cleaned };
  const check = checkCharacter(first17);
  if (!from15 && cleaned[17] !== check) return { ok: false, problem: 'check', cleaned };
  const sex = (first17.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id: first17 + check, birth, sex, from15 };
}

/**
 * The birth date a number carries even when the number as a whole is wrong (a mistyped check
 * character, say): enough to match a person by name and birth date, never by number.
 */
export function birthInNumber(cleaned: string): string {
  if (cleaned.length === 18) return birthOf(cleaned.slice(6, 14)) ?? '';
  if (cleaned.length === 15) return birthOf(`19${cleaned.slice(6, 12)}`) ?? '';
  return '';
}

/** 110105********123X: the region and the last four, as every printed or exported view shows. */
export function maskId(id: string): string {
  return id.length <= 10 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
