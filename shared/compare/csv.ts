/**
 * CSV as offices write it: UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK/GB18030 from
 * Excel and WPS on Chinese Windows, separated by commas or tabs, quoted as RFC 4180 says. The
 * encoding is guessed and can be overridden; a file that mixes UTF-8 and GBK is refused rather
 * than read half garbled.
 */

export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export type EncodingGuess =
  { readonly encoding: Encoding; readonly bom: number } | { readonly mixed: true };

/**
 * The encoding of `bytes`: a BOM says it; otherwise bytes that are valid UTF-8 are UTF-8, and
 * bytes that are not are GB18030, unless much of them is valid UTF-8 as well (two encodings in
 * one file, as happens when lists are pasted together).
 */
export function guessEncoding(bytes: Uint8Array): EncodingGuess {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Line by line: a GBK line is valid UTF-8 only by rare chance (every character of it would
  // have to be), so lines of both kinds in numbers mean two encodings in one file.
  let utf8Lines = 0;
  let otherLines = 0;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a) continue;
    const line = lineKind(bytes, start, i);
    if (line === 'utf-8') utf8Lines += 1;
    else if (line === 'other') otherLines += 1;
    start = i + 1;
  }
  if (otherLines === 0) return { encoding: 'utf-8', bom: 0 };
  const lines = utf8Lines + otherLines;
  return utf8Lines >= 2 && utf8Lines / lines > 0.2
    ? { mixed: true }
    : { encoding: 'gb18030', bom: 0 };
}

/** Whether a line's bytes are ASCII, valid UTF-8 with other characters, or neither. */
function lineKind(bytes: Uint8Array, from: number, to: number): 'ascii' | 'utf-8' | 'other' {
  let wide = false;
  for (let i = from; i < to;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    wide = true;
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    if (need < 0 || i + need >= to + 1) return 'other';
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 'other';
    i += need + 1;
  }
  return wide ? 'utf-8' : 'ascii';
}

export function decodeText(bytes: Uint8Array, encoding: Encoding): string {
  const text = new TextDecoder(encoding).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator of the first line: a tab if it has more tabs than commas. */
function separatorOf(text: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  const tabs = first.split('\t').length;
  return tabs > first.split(',').length ? '\t' : ',';
}

/**
 * The rows of a CSV text, each with its line number (where the row starts, 1-based). Empty
 * lines are skipped; quoted fields may hold separators, quotes ("") and line breaks.
 */
export function parseCsv(text: string): { readonly line: number; readonly cells: string[] }[] {
  const sep = separatorOf(text);
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') out.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (c === '\n') line += 1;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return out;
}
