/**
 * Passages of the demo's records that findings and clues can cite, as the app cites them: the
 * record, the field, the 问/答 turn, the offsets of the passage and its text, exactly as it
 * stands in the record.
 */
import type { EvidenceRef } from '../domain/findings/finding.schema';
import type { RecordKind } from '../domain/records';
import type { Theme } from './content/cast';
import type { Fact } from './content/talks';

export interface Citable {
  readonly ref: EvidenceRef;
  /** The day the cited record was written: a finding cites only what existed before it. */
  readonly day: number;
  readonly theme: Theme;
  readonly about?: Fact;
  /** The village the record is about: a finding about it names that village's people. */
  readonly village: string;
}

/** Words that mark what went wrong: the sentence a reader selects as evidence has them. */
const TELLING = /但|没|未|不|超|挪|垫|补|私|虚|实际|违规|代管|一模一样/g;

/**
 * The sentence of a text that states the problem (most telling words, then the longest), with
 * where it starts and ends: the passage a reader would select.
 */
export function keySentence(text: string): { start: number; end: number } {
  let best = { start: 0, end: text.length };
  let bestScore = -1;
  for (const m of text.matchAll(/[^。？！\n]+[。？！]?/g)) {
    const sentence = m[0].trim();
    const score = (sentence.match(TELLING)?.length ?? 0) * 1000 + sentence.length;
    if (sentence && score > bestScore) {
      const start = m.index + m[0].indexOf(sentence);
      best = { start, end: start + sentence.length };
      bestScore = score;
    }
  }
  return best;
}

/** A passage of a field (or of one turn of `turns`) of a record. */
export function passage(
  kind: RecordKind,
  recordId: string,
  field: string,
  text: string,
  span: { start: number; end: number },
  turnId = '',
): EvidenceRef {
  return {
    kind,
    recordId,
    field,
    turnId,
    start: span.start,
    end: span.end,
    excerpt: text.slice(span.start, span.end),
  };
}

/** A whole file as evidence. */
export function wholeAttachment(attachmentId: string): EvidenceRef {
  return {
    kind: 'attachments',
    recordId: attachmentId,
    field: '',
    turnId: '',
    start: 0,
    end: 0,
    excerpt: '',
  };
}

/** The span of line `index` of `lines` joined by newlines. */
export function lineSpan(lines: readonly string[], index: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i]!.length + 1;
  return { start, end: start + lines[index]!.length };
}

/** Every citable passage, indexed by fact and theme (benchmark scales hold tens of thousands). */
export class EvidencePool {
  private readonly byFact = new Map<Fact, Citable[]>();
  private readonly byTheme = new Map<Theme, Citable[]>();
  private readonly answers: Citable[] = [];

  add(citable: Citable): void {
    if (citable.about) push(this.byFact, citable.about, citable);
    push(this.byTheme, citable.theme, citable);
    if (citable.ref.turnId !== '') this.answers.push(citable);
  }

  /** What states one of `facts`, written before `day`. */
  about(facts: readonly Fact[], beforeDay: number): Citable[] {
    return facts.flatMap((f) => this.byFact.get(f) ?? []).filter((c) => c.day < beforeDay);
  }

  /** Anything about `theme` written before `day`. */
  onTheme(theme: Theme, beforeDay: number): Citable[] {
    return (this.byTheme.get(theme) ?? []).filter((c) => c.day < beforeDay);
  }

  /** Answers of interviews written before `day`: the last resort of a finding's evidence. */
  turns(beforeDay: number): Citable[] {
    return this.answers.filter((c) => c.day < beforeDay);
  }

  /**
   * The first day on which `facts` can be cited: the day after an interview stated one, else
   * after any record did, else after anything about `theme` was written.
   */
  firstDay(facts: readonly Fact[], theme: Theme): number {
    const stated = facts.flatMap((f) => this.byFact.get(f) ?? []);
    const candidates = [
      stated.filter((c) => c.ref.turnId !== ''),
      stated,
      this.byTheme.get(theme) ?? [],
    ].find((l) => l.length > 0);
    return candidates ? candidates.reduce((min, c) => Math.min(min, c.day), Infinity) + 1 : 0;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
