/**
 * Search normalisation: NFKC (full-width ＡＢＣ１２３ → abc123, "㎡" → "m2", "，" → ",") and
 * lower case, applied the same way to documents and queries, with a map back to the original
 * text so highlights land on what the user typed, even where NFKC changed lengths.
 *
 * Normalisation runs per segment (one code point plus the marks that combine with it), not
 * over the whole string: that is what lets every normalised unit point at the original
 * segment it came from. A segment never changes with its neighbours, so documents and queries
 * agree by construction; for ordinary text the result equals `s.normalize('NFKC').toLowerCase()`.
 *
 * Zero-width characters (U+200B–U+200D, U+2060, U+FEFF), which pasted text often carries
 * unseen, normalise to nothing: "公务\u200b用车" is found by 公务用车. The stored text keeps them.
 *
 * Units are UTF-16 code units, the same units `String.prototype.includes` compares, so the
 * index finds exactly what an `includes()` scan over normalised text finds.
 */

export interface NormalizedText {
  /** The normalised UTF-16 code units. */
  readonly units: Uint16Array;
  /**
   * `toOriginal[i]` is the offset in the original text of the segment that produced unit i,
   * and `toOriginal[units.length]` is the original length. Null when the map is the identity
   * (every unit came from the one original unit at the same offset): true for almost all
   * Chinese text, so most documents store no map at all.
   */
  readonly toOriginal: Int32Array | null;
}

// Kinds of code unit (0: not seen yet).
/** Maps to exactly one unit (kept in simpleTo) on its own. */
const SIMPLE = 1;
/** Joins the segment before it: combining marks, Hangul vowel/final jamo, half-width ﾞﾟ. */
const CONTINUES = 2;
/** Anything else: surrogates, and units that NFKC turns into several ("㎡" → "m2"). */
const COMPLEX = 3;

// Per code unit, filled on first sight: classifying a unit calls `normalize` once, after which
// the ordinary unit costs two array reads.
const kindOf = new Uint8Array(0x10000);
const simpleTo = new Uint16Array(0x10000);

const CONTINUATION = /^[\p{M}\u1160-\u11ff\uff9e\uff9f]$/u;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const IS_ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff]$/;

function classify(unit: number): number {
  const ch = String.fromCharCode(unit);
  let kind: number;
  if (unit >= 0xd800 && unit <= 0xdfff) kind = COMPLEX;
  else if (IS_ZERO_WIDTH.test(ch))
    kind = COMPLEX; // normalises to nothing: the slow path
  else if (CONTINUATION.test(ch)) kind = CONTINUES;
  else {
    const out = ch.normalize('NFKC').toLowerCase();
    if (out.length === 1) {
      kind = SIMPLE;
      simpleTo[unit] = out.charCodeAt(0);
    } else kind = COMPLEX;
  }
  kindOf[unit] = kind;
  return kind;
}

function kindAt(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  return kindOf[unit] || classify(unit);
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Length of the code point at i (2 for a valid surrogate pair, else 1). */
function codePointLength(text: string, i: number): number {
  return isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
}

/** Whether the code point at i combines with the one before it (astral marks included). */
function continuesAt(text: string, i: number): boolean {
  if (!isHigh(text.charCodeAt(i))) return kindAt(text, i) === CONTINUES;
  return CONTINUATION.test(text.slice(i, i + codePointLength(text, i)));
}

/** Normalises `text`, keeping the way back to original offsets. */
export function normalizeWithMap(text: string): NormalizedText {
  const n = text.length;
  let units = new Uint16Array(n);
  let map: Int32Array | null = null;
  let o = 0;
  let i = 0;
  while (i < n) {
    const unit = text.charCodeAt(i);
    const kind = kindOf[unit] || classify(unit);
    if (kind === SIMPLE && (i + 1 === n || kindAt(text, i + 1) !== CONTINUES)) {
      // The fast path: one unit in, one unit out, at the same offset unless an earlier
      // segment already changed lengths.
      if (map !== null) map[o] = i;
      units[o++] = simpleTo[unit]!;
      i++;
      continue;
    }
    let end = i + codePointLength(text, i);
    while (end < n && continuesAt(text, end)) end += codePointLength(text, end);
    const source = text.slice(i, end);
    const piece = source.normalize('NFKC').toLowerCase().replace(ZERO_WIDTH, '');
    // A segment that comes out unchanged (𠮷) or one unit for one still maps unit to unit;
    // the first one that changes length starts the map, kept from there on.
    const unchanged = piece === source;
    // Room for this piece and for the rest of the text one unit for one (the fast path
    // does not check): a later piece that expands again makes room again.
    const need = o + piece.length + (n - end);
    if (map === null && !unchanged && (piece.length !== 1 || end - i !== 1)) {
      map = new Int32Array(Math.max(need, n) + 1);
      for (let k = 0; k < o; k++) map[k] = k;
    }
    if (need > units.length) units = grownUnits(units, need);
    if (map !== null && need >= map.length) map = grownMap(map, need + 1);
    for (let k = 0; k < piece.length; k++) {
      if (map !== null) map[o] = unchanged ? i + k : i;
      units[o++] = piece.charCodeAt(k);
    }
    i = end;
  }
  if (map !== null) {
    map = map.slice(0, o + 1);
    map[o] = n;
  }
  return { units: o === units.length ? units : units.slice(0, o), toOriginal: map };
}

function grownUnits(units: Uint16Array, atLeast: number): Uint16Array<ArrayBuffer> {
  const bigger = new Uint16Array(Math.max(atLeast, Math.ceil(units.length * 1.5)));
  bigger.set(units);
  return bigger;
}

function grownMap(map: Int32Array, atLeast: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(atLeast, Math.ceil(map.length * 1.5)));
  bigger.set(map);
  return bigger;
}

/** The normalised text as a string: what the index matches against. */
export function normalize(text: string): string {
  return unitsToString(normalizeWithMap(text).units);
}

export function unitsToString(units: Uint16Array): string {
  // In chunks: spreading a long array into one call overflows the stack.
  const CHUNK = 8192;
  if (units.length <= CHUNK) return String.fromCharCode(...units);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += CHUNK) {
    parts.push(String.fromCharCode(...units.subarray(i, i + CHUNK)));
  }
  return parts.join('');
}

/**
 * The terms of a query: normalised, split on whitespace (including the ideographic space,
 * which NFKC turns into a plain one), duplicates dropped. Each term must occur as it is.
 */
export function queryTerms(query: string): string[] {
  const terms = normalize(query)
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return [...new Set(terms)];
}

/** Original offset where normalised unit `i` starts. */
export function originalStart(toOriginal: Int32Array | null, i: number): number {
  return toOriginal === null ? i : toOriginal[i]!;
}

/**
 * Original offset where a normalised range ending at `end` (exclusive) ends. A range that
 * ends inside an expanded segment ("m" of "㎡" → "m2") takes the whole segment.
 */
export function originalEnd(toOriginal: Int32Array | null, end: number): number {
  if (toOriginal === null || end === 0) return end;
  const last = toOriginal[end - 1]!;
  let k = end;
  while (toOriginal[k] === last) k++;
  return toOriginal[k]!;
}
