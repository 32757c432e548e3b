import { originalEnd, originalStart } from './normalize';
import type { Highlight, Snippet } from './types';

/** How long a snippet is, in original UTF-16 units, and how much comes before its match. */
export const SNIPPET_LENGTH = 60;
const CONTEXT_BEFORE = 16;
export const MAX_SNIPPETS = 3;

/** One term's occurrences in one field: `positions[from … to)`, the field starting at `base`. */
export interface Occurrences {
  readonly positions: Int32Array;
  from: number;
  readonly to: number;
  readonly base: number;
  readonly length: number;
}

/**
 * Feeds `visit` the occurrences of all terms in one field as ranges of the original text, in
 * order, overlapping ones merged ("哈哈" twice in "哈哈哈" is one range, and so is "公务"
 * inside "公务用车"), so a renderer can wrap each in one <mark> without nesting. Occurrences
 * that only touch stay apart: each highlight is then exactly one occurrence.
 * Stops early when `visit` returns false: a hit needs its first few snippets, not every
 * occurrence of a common word. Each term's positions are sorted, so this is a k-way merge,
 * and the position map only ever grows, so original ranges come out sorted too.
 */
export function forEachHighlight(
  toOriginal: Int32Array | null,
  terms: Occurrences[],
  visit: (start: number, end: number) => boolean,
): void {
  let pendingStart = -1;
  let pendingEnd = -1;
  for (;;) {
    let next: Occurrences | undefined;
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (term.from < term.to && (next === undefined || at(term) < at(next))) next = term;
    }
    if (next === undefined) break;
    const local = at(next) - next.base;
    next.from++;
    const start = originalStart(toOriginal, local);
    const end = originalEnd(toOriginal, local + next.length);
    if (start < pendingEnd) {
      pendingEnd = Math.max(pendingEnd, end);
      continue;
    }
    if (pendingEnd >= 0 && !visit(pendingStart, pendingEnd)) return;
    pendingStart = start;
    pendingEnd = end;
  }
  if (pendingEnd >= 0) visit(pendingStart, pendingEnd);
}

function at(term: Occurrences): number {
  return term.positions[term.from]!;
}

/** Every highlight of a field (titles are short: no windows). */
export function allHighlights(toOriginal: Int32Array | null, terms: Occurrences[]): Highlight[] {
  const highlights: Highlight[] = [];
  forEachHighlight(toOriginal, terms, (start, end) => {
    highlights.push({ start, end });
    return true;
  });
  return highlights;
}

/**
 * Up to MAX_SNIPPETS windows of the original text, in reading order, each starting a little
 * before the first highlight it was opened for and holding every highlight that starts inside
 * it (a window grows rather than cut a highlight in two).
 */
export function snippetsOf(
  text: string,
  toOriginal: Int32Array | null,
  terms: Occurrences[],
): Snippet[] {
  const snippets: Snippet[] = [];
  let start = 0;
  let end = 0;
  let inside: Highlight[] = [];
  const close = () => {
    if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
    snippets.push({ text: text.slice(start, end), offset: start, highlights: inside });
    inside = [];
  };
  forEachHighlight(toOriginal, terms, (from, to) => {
    if (inside.length > 0 && from < end) {
      end = Math.max(end, to);
      inside.push({ start: from - start, end: to - start });
      return true;
    }
    if (inside.length > 0) close();
    if (snippets.length === MAX_SNIPPETS) return false;
    const covered = end;
    // A little context before the match; near the end of the text, open earlier so the
    // window is still full length; never overlap the window before.
    start = Math.max(covered, Math.min(from - CONTEXT_BEFORE, text.length - SNIPPET_LENGTH));
    if (start > covered && isLowSurrogate(text.charCodeAt(start))) start--;
    end = Math.max(to, Math.min(text.length, start + SNIPPET_LENGTH));
    inside = [{ start: from - start, end: to - start }];
    return true;
  });
  if (inside.length > 0) close();
  return snippets;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
