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

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDate(y: number, m: number, d: number): boolean {
  if (!(y >= 1880 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= DAYS[m - 1]!)) return false;
  // 2月29日 only in a leap year.
  return !(m === 2 && d === 29) || (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function birthOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!realDate(y, m, d)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * The number as the 比对 keys on it, or blank when it cannot be read: what matching a million
 * rows needs, without the birth date and sex a full reading also gives (readIdNumber).
 */
export function normalizeId(raw: string | number | null | undefined): string {
  if (typeof raw === 'string' && (raw.length === 18 || raw.length === 15)) {
    const first17 = raw.length === 18 ? raw : `${raw.slice(0, 6)}19${raw.slice(6)}`;
    let sum = 0;
    let i = 0;
    for (; i < 17; i++) {
      const c = first17.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      sum += c * WEIGHTS[i]!;
    }
    if (i === 17) {
      const y =
        digit(first17, 6) * 1000 +
        digit(first17, 7) * 100 +
        digit(first17, 8) * 10 +
        digit(first17, 9);
      const m = digit(first17, 10) * 10 + digit(first17, 11);
      if (!realDate(y, m, digit(first17, 12) * 10 + digit(first17, 13))) return '';
      const check = CHECK.charCodeAt(sum % 11);
      // The old 15 digits gain their check character; 18 must carry the right one (X upper-case).
      if (raw.length === 15) return first17 + CHECK[sum % 11]!;
      const code = raw.charCodeAt(17);
      if (code === check) return raw;
      if (code !== 120 || check !== 88) {
        if ((code >= 48 && code <= 57) || code === 88) return '';
      }
    }
  }
  const read = readIdNumber(raw);
  return read.ok ? read.id : '';
}

/**
 * The 18 characters most cells hold, read in one pass (digits, weighted sum, date) without
 * cleaning: a million rows are read in a fraction of a second. Null: not such a cell.
 */
function readPlain18(raw: string): IdReading | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = digit(raw, i);
    if (c < 0 || c > 9) return null;
    sum += c * WEIGHTS[i]!;
  }
  const code = raw.charCodeAt(17);
  const last = code === 120 ? 88 : code; // x → X
  if (!((last >= 48 && last <= 57) || last === 88)) return null;
  const cleaned = code === 120 ? raw.toUpperCase() : raw;
  const y = digit(raw, 6) * 1000 + digit(raw, 7) * 100 + digit(raw, 8) * 10 + digit(raw, 9);
  if (!realDate(y, digit(raw, 10) * 10 + digit(raw, 11), digit(raw, 12) * 10 + digit(raw, 13)))
    return { ok: false, problem: 'date', cleaned };
  if (CHECK.charCodeAt(sum % 11) !== last) return { ok: false, problem: 'check', cleaned };
  return {
    ok: true,
    id: cleaned,
    birth: `${raw.slice(6, 10)}-${raw.slice(10, 12)}-${raw.slice(12, 14)}`,
    sex: digit(raw, 16) % 2 === 1 ? 'male' : 'female',
    from15: false,
  };
}

/** Digits only (an upper- or lower-case X allowed last): what most cells hold, read at once. */
function plainDigits(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i < last; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const c = s.charCodeAt(last);
  return (c >= 48 && c <= 57) || c === 88 || c === 120;
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
  if (raw.length === 18) {
    const plain = readPlain18(raw);
    if (plain) return plain;
  }
  // Most cells hold the number as it should be: read at once, without cleaning.
  const plain = (raw.length === 18 || raw.length === 15) && plainDigits(raw);
  const cleaned = !plain
    ? cleanIdText(raw)
    : raw.charCodeAt(raw.length - 1) === 120
      ? raw.toUpperCase()
      : raw;
  if (!plain) {
    if (cleaned === '') return { ok: false, problem: 'empty', cleaned };
    if (/^\d(\.\d+)?E\+?\d+$/.test(cleaned)) return { ok: false, problem: 'mangled', cleaned };
    if (!/^\d+X?$/.test(cleaned)) return { ok: false, problem: 'chars', cleaned };
  }
  let id: string;
  const from15 = cleaned.length === 15 && !cleaned.endsWith('X');
  if (from15) {
    const first17 = `${cleaned.slice(0, 6)}19${cleaned.slice(6)}`;
    id = first17 + checkCharacter(first17);
  } else if (cleaned.length === 18) {
    id = cleaned;
  } else {
    return { ok: false, problem: 'length', cleaned };
  }
  const birth = birthOf(id.slice(6, 14));
  if (!birth) return { ok: false, problem: 'date', cleaned };
  if (!from15 && cleaned.charCodeAt(17) !== checkCharacter(cleaned).charCodeAt(0))
    return { ok: false, problem: 'check', cleaned };
  const sex = (id.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id, birth, sex, from15 };
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
