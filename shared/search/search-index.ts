import { findMatches } from './match';
import { normalizeWithMap, queryTerms, type NormalizedText } from './normalize';
import { PostingTable } from './posting-table';
import { gallop, lowerBound } from './sorted';
import { rankKey, topK } from './rank';
import { allHighlights, snippetsOf, type Occurrences } from './snippets';
import type { SearchDoc, SearchHit, SearchOptions, SearchResult } from './types';

/** One indexed document: what hits show, and what maps positions back to its text. */
interface Entry {
  readonly id: string;
  kind: string;
  readonly title: string;
  readonly text: string;
  readonly titleMap: Int32Array | null;
  readonly textMap: Int32Array | null;
  /** Normalised lengths. */
  readonly titleLength: number;
  readonly textLength: number;
}

const DEFAULT_LIMIT = 50;

/**
 * Exact Chinese full-text search: a document matches when every whitespace-separated term of
 * the query occurs in its title or text, after both went through the same normalisation —
 * the same answer as an `includes()` scan, from a positional character and bigram index.
 *
 * Coordinates. Every document owns a range of one integer coordinate space: its title, a
 * one-unit gap, its text, another gap. A posting is then a single Int32 (4 bytes, no
 * per-document objects), a position maps back to its document by bisecting the ranges'
 * starts, and since each new document takes the range after all others, postings stay
 * sorted by appending. Ranges are never reused, so a document's postings form one run in
 * each list and removing it cuts those runs out: nothing stale is left behind. When the
 * space (2³¹ positions: a million saves of a 2,000-character interview) runs out, the live
 * documents are renumbered from scratch.
 */
export class SearchIndex {
  private table = new PostingTable();
  /** By slot: the document, or undefined once removed (slots are not reused). */
  private entries: (Entry | undefined)[] = [];
  /** By slot: where its range starts. Ascending, so a position finds its slot by bisection. */
  private bases = new Int32Array(1024);
  /** By slot: where its title ends (and the gap before its text is). */
  private titleEnds = new Int32Array(1024);
  private nextBase = 0;
  private readonly slots = new Map<string, number>();
  private readonly spaceLimit: number;
  /** Set while renumbering: the live documents alone may not fit a (test's) tiny space. */
  private renumbering = false;
  private scratch = scratchOf(0);

  /** `spaceLimit` (coordinates before renumbering) is lowered only by tests. */
  constructor(options: { readonly spaceLimit?: number } = {}) {
    this.spaceLimit = options.spaceLimit ?? 0x7fff_ffff;
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.slots.size;
  }

  /** Adds a document, or replaces the one with the same id. */
  upsert(doc: SearchDoc): void {
    if (this.unchanged(doc)) return;
    this.replace(doc, normalizeWithMap(doc.title), normalizeWithMap(doc.text));
  }

  /**
   * Adds or replaces many documents (the last one wins for a repeated id): what the worker
   * calls with every record at start-up. Counts every posting list's additions first so
   * that no list moves while it fills — several times faster than upserting one by one.
   */
  upsertMany(docs: Iterable<SearchDoc>): void {
    const batch = new Map<string, SearchDoc>();
    for (const doc of docs) batch.set(doc.id, doc);
    const prepared: Prepared[] = [];
    for (const doc of batch.values()) {
      if (this.unchanged(doc)) continue;
      prepared.push({ doc, title: normalizeWithMap(doc.title), text: normalizeWithMap(doc.text) });
    }
    this.bulk(prepared);
  }

  /**
   * A bulk load in steps, for loading thousands of documents without one long pause: `add`
   * normalises and counts documents as they arrive, then `place` puts them into the index a
   * few at a time, after sizing every list once (so nothing moves while they fill). Between
   * steps the index answers queries from what is placed so far. Until `place` returned false
   * nothing else may change the index, except `remove` before the first `place`. (Loading batch by batch with upsertMany instead
   * resizes the whole index at every batch: 3,500 records in batches of 100 took 18 s in
   * Node, against 0.9 s in one go.)
   */
  loader(): BulkLoader {
    const prepared = new Map<string, Prepared>();
    let placing: Iterator<Prepared> | null = null;
    return {
      add: (docs) => {
        if (placing) throw new Error('add after place');
        for (const doc of docs) {
          if (this.unchanged(doc)) {
            prepared.delete(doc.id);
            continue;
          }
          const item = {
            doc,
            title: normalizeWithMap(doc.title),
            text: normalizeWithMap(doc.text),
          };
          // A document added twice keeps the room counted for both: a little spare, no harm.
          this.table.plan(item.title.units);
          this.table.plan(item.text.units);
          prepared.set(doc.id, item);
        }
      },
      drop: (id) => void prepared.delete(id),
      place: (count) => {
        if (!placing) {
          this.table.reserve();
          placing = prepared.values();
        }
        for (let i = 0; i < count; i++) {
          const next = placing.next();
          if (next.done) return false;
          const { doc, title, text } = next.value;
          this.replace(doc, title, text);
        }
        return true;
      },
    };
  }

  /** Removes a document and every posting it had (nothing when the id is unknown). */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    const from = this.bases[slot]!;
    const to = from + entry.titleLength + entry.textLength + 2;
    // Normalisation is deterministic, so normalising again gives exactly the keys that hold
    // this document: cheaper than keeping every document's normalised text in memory.
    this.table.remove(normalizeWithMap(entry.title).units, from, to);
    this.table.remove(normalizeWithMap(entry.text).units, from, to);
    this.entries[slot] = undefined;
    this.slots.delete(id);
    if (this.slots.size === 0) this.reset();
  }

  /**
   * Documents containing every term of `query`: `total` counts them all, `hits` holds the
   * best `limit` of them — title matches first, then more occurrences, then shorter
   * documents, then by id — with highlights mapped back to the original text.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const terms = queryTerms(query);
    if (terms.length === 0) return { hits: [], total: 0 };
    const matches = terms.map((term) => findMatches(this.table, term));
    if (matches.some((m) => m.length === 0)) return { hits: [], total: 0 };

    // Count per document, starting from the rarest term: the others are only looked up in
    // the documents that are still candidates.
    const order = terms.map((_, i) => i).sort((a, b) => matches[a]!.length - matches[b]!.length);
    const found = this.documentsOf(matches[order[0]!]!);
    for (const t of order.slice(1)) {
      this.narrow(found, matches[t]!);
      if (found.count === 0) return { hits: [], total: 0 };
    }

    const { count, slots, titleTerms, occurrences } = found;
    const keys = this.scratch.keys;
    for (let i = 0; i < count; i++) {
      const slot = slots[i]!;
      const length = this.endOf(slot) - this.bases[slot]! - 2;
      keys[i] = rankKey(titleTerms[i]!, occurrences[i]!, length);
    }
    const limit = options.limit ?? DEFAULT_LIMIT;
    const idOf = (i: number) => this.entries[slots[i]!]!.id;
    const best = topK(keys, count, limit > 0 ? Math.floor(limit) : 0, this.scratch.select, idOf);
    const hits = best.map((i) => this.hit(slots[i]!, keys[i]!, terms, matches));
    return { hits, total: count };
  }

  /** The documents a term's positions fall in, with its occurrences in title and text. */
  private documentsOf(positions: Int32Array): Found {
    const { slots, titleTerms, occurrences } = this.scratchFor(this.slots.size);
    const { bases, titleEnds } = this;
    const slotCount = this.entries.length;
    const n = positions.length;
    let count = 0;
    let slot = -1;
    for (let i = 0; i < n;) {
      const at = positions[i]!;
      // The document holding this position (usually the next slot, hence the gallop), and
      // the end of its run of positions.
      slot = gallop(bases, slotCount, at + 1, slot + 1) - 1;
      const runEnd = gallop(positions, n, this.endOf(slot), i + 1);
      slots[count] = slot;
      titleTerms[count] = at < titleEnds[slot]! ? 1 : 0;
      occurrences[count] = runEnd - i;
      count++;
      i = runEnd;
    }
    return { count, slots, titleTerms, occurrences };
  }

  /** Keeps the found documents that also contain the term at `positions`, adding its counts. */
  private narrow(found: Found, positions: Int32Array): void {
    const { bases, titleEnds } = this;
    let kept = 0;
    let at = 0;
    for (let i = 0; i < found.count; i++) {
      const slot = found.slots[i]!;
      const first = gallop(positions, positions.length, bases[slot]!, at);
      const inText = gallop(positions, positions.length, titleEnds[slot]!, first);
      at = gallop(positions, positions.length, this.endOf(slot), inText);
      if (at === first) continue;
      found.slots[kept] = slot;
      found.titleTerms[kept] = found.titleTerms[i]! + (inText > first ? 1 : 0);
      found.occurrences[kept] = found.occurrences[i]! + (at - first);
      kept++;
    }
    found.count = kept;
  }

  /** A hit with its highlights: every occurrence of every term in the title, snippets of the text. */
  private hit(slot: number, score: number, terms: string[], matches: Int32Array[]): SearchHit {
    const entry = this.entries[slot]!;
    const base = this.bases[slot]!;
    const textStart = this.titleEnds[slot]! + 1;
    const textEnd = textStart + entry.textLength;
    const inTitle: Occurrences[] = [];
    const inText: Occurrences[] = [];
    for (let t = 0; t < terms.length; t++) {
      const positions = matches[t]!;
      const first = lowerBound(positions, positions.length, base, 0);
      const split = lowerBound(positions, positions.length, textStart, first);
      const end = lowerBound(positions, positions.length, textEnd, split);
      const length = terms[t]!.length;
      if (split > first) inTitle.push({ positions, from: first, to: split, base, length });
      if (end > split) inText.push({ positions, from: split, to: end, base: textStart, length });
    }
    return {
      id: entry.id,
      kind: entry.kind,
      title: entry.title,
      score,
      titleHighlights: allHighlights(entry.titleMap, inTitle),
      snippets: snippetsOf(entry.text, entry.textMap, inText),
    };
  }

  /**
   * Per-search arrays, kept between searches: typed arrays live outside the JS heap, and
   * allocating a few every keystroke makes V8 collect garbage in the middle of searches.
   */
  private scratchFor(documents: number): Scratch {
    if (this.scratch.slots.length < documents) {
      this.scratch = scratchOf(Math.max(documents, 2 * this.scratch.slots.length));
    }
    return this.scratch;
  }

  /** Where a slot's range ends: ranges are contiguous, so where the next one starts. */
  private endOf(slot: number): number {
    return slot + 1 < this.entries.length ? this.bases[slot + 1]! : this.nextBase;
  }

  /** True (after updating its kind) when the document is indexed with this very text. */
  private unchanged(doc: SearchDoc): boolean {
    const slot = this.slots.get(doc.id);
    const entry = slot === undefined ? undefined : this.entries[slot]!;
    // Autosave re-sends records nobody changed: keep their postings.
    if (entry === undefined || entry.title !== doc.title || entry.text !== doc.text) {
      return false;
    }
    entry.kind = doc.kind;
    return true;
  }

  private replace(doc: SearchDoc, title: NormalizedText, text: NormalizedText): void {
    this.remove(doc.id);
    const span = title.units.length + text.units.length + 2;
    if (this.nextBase + span > this.spaceLimit && !this.renumbering) this.renumber();
    this.place(doc, title, text);
  }

  private bulk(prepared: Prepared[]): void {
    let replacing = false;
    for (const { doc, title, text } of prepared) {
      this.table.plan(title.units);
      this.table.plan(text.units);
      replacing ||= this.slots.has(doc.id);
    }
    this.table.reserve();
    for (const { doc, title, text } of prepared) this.replace(doc, title, text);
    // Replaced documents left room behind in their lists: give it back.
    if (replacing) this.table.reserve();
  }

  private place(doc: SearchDoc, title: NormalizedText, text: NormalizedText): void {
    const slot = this.entries.length;
    const base = this.nextBase;
    if (slot === this.bases.length) {
      this.bases = grown(this.bases);
      this.titleEnds = grown(this.titleEnds);
    }
    this.bases[slot] = base;
    this.titleEnds[slot] = base + title.units.length;
    this.table.add(title.units, base);
    this.table.add(text.units, base + title.units.length + 1);
    this.entries.push({
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      text: doc.text,
      titleMap: title.toOriginal,
      textMap: text.toOriginal,
      titleLength: title.units.length,
      textLength: text.units.length,
    });
    this.slots.set(doc.id, slot);
    this.nextBase = base + title.units.length + text.units.length + 2;
  }

  /** Indexes the live documents again from coordinate 0. */
  private renumber(): void {
    const live = this.entries.filter((entry) => entry !== undefined);
    this.reset();
    this.renumbering = true;
    this.bulk(
      live.map((doc) => ({
        doc,
        title: normalizeWithMap(doc.title),
        text: normalizeWithMap(doc.text),
      })),
    );
    this.renumbering = false;
  }

  private reset(): void {
    this.table = new PostingTable();
    this.entries = [];
    this.bases = new Int32Array(1024);
    this.titleEnds = new Int32Array(1024);
    this.nextBase = 0;
    this.slots.clear();
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** See SearchIndex.loader. */
export interface BulkLoader {
  /** Normalises and counts documents to load (the last one wins for a repeated id). */
  add(docs: Iterable<SearchDoc>): void;
  /** Forgets a document added but not placed yet (it was deleted meanwhile). */
  drop(id: string): void;
  /** Places up to `count` of the added documents; false once all are placed. */
  place(count: number): boolean;
}

/** A document with its normalised fields, ready to place. */
interface Prepared {
  readonly doc: SearchDoc;
  readonly title: NormalizedText;
  readonly text: NormalizedText;
}

interface Scratch {
  readonly slots: Int32Array;
  readonly titleTerms: Int32Array;
  readonly occurrences: Int32Array;
  /** Rank keys of the found documents, and room for quickselect to reorder a copy. */
  readonly keys: Float64Array;
  readonly select: Float64Array;
}

function scratchOf(size: number): Scratch {
  return {
    slots: new Int32Array(size),
    titleTerms: new Int32Array(size),
    occurrences: new Int32Array(size),
    keys: new Float64Array(size),
    select: new Float64Array(size),
  };
}

/** Found documents, in slot order (parallel arrays, `count` of them in use). */
interface Found {
  count: number;
  readonly slots: Int32Array;
  /** How many of the query's terms occur in the title (so far). */
  readonly titleTerms: Int32Array;
  /** Occurrences of all terms so far, title and text. */
  readonly occurrences: Int32Array;
}
