/**
 * A write-ahead journal for edits not yet saved in their record, and a place for edits kept aside.
 *
 * Every change is noted twice, at once:
 * - in localStorage, synchronously: a reload or a closed tab cannot interrupt it (an IndexedDB
 *   write started while the page unloads may never finish: measured, the last words typed before
 *   a reload were lost). But Chromium writes localStorage to disk lazily, about once a minute,
 *   so a killed browser or a power cut loses it;
 * - in the database's local `journal` table, with relaxed durability: one small write, queued
 *   (the latest note wins), that reaches the operating system within milliseconds, so a killed
 *   browser keeps what was typed up to then, long before the record's own (strict, heavier)
 *   write would have.
 * On reading, the newer of the two notes is used. A note carries the version it was typed
 * against, and replay.ts applies it only where it is ahead of what is stored: an old note never
 * overwrites newer text. Edits that cannot be applied safely are kept aside (in the database)
 * and shown to the user.
 *
 * Only edits up to JOURNAL_LIMIT characters are journalled (serialising a pasted 10 MB answer on
 * every keystroke would make typing lag); larger ones rely on the autosave alone.
 */
import type { Patch, VersionVector } from '../../shared/domain/record';
import type { DurableStore } from '../db/journal.store';

const PENDING = 'pending:';
const ASIDE = 'aside:';
const FAST_PREFIX = 'xuncha:';
export const JOURNAL_LIMIT = 1_000_000;

export interface JournalEntry {
  /** The edits, as element-wise writes of only what the user touched. */
  readonly patch: Patch;
  /** The stored version the edits were typed against. */
  readonly base: VersionVector;
  /** That version's place in this laptop's change sequence. */
  readonly baseSeq: number;
  /** When the entry was noted (ISO time with milliseconds: the newer of two notes wins). */
  readonly at: string;
}

/** Edits that could not be applied safely, with why. */
export interface AsideEntry extends JournalEntry {
  readonly reason: 'stale' | 'deleted' | 'refused';
}

/** localStorage, or anything with its three synchronous calls. */
export type FastStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createJournal(options: {
  fast: () => FastStorage | undefined;
  durable: () => DurableStore | undefined;
  /** A durable note failed (a full disk): the storage watcher should know at once. */
  onDurableFailure?: (error: unknown) => void;
}) {
  const key = (prefix: string, table: string, id: string) => `${prefix}${table}:${id}`;

  function readFast(k: string): JournalEntry | null {
    try {
      const text = options.fast()?.getItem(FAST_PREFIX + k);
      return text ? (JSON.parse(text) as JournalEntry) : null;
    } catch {
      return null; // unreadable (storage disabled, a note cut short): nothing to replay
    }
  }

  function writeFast(k: string, entry: JournalEntry | null): void {
    try {
      if (entry === null) options.fast()?.removeItem(FAST_PREFIX + k);
      else options.fast()?.setItem(FAST_PREFIX + k, JSON.stringify(entry));
    } catch {
      options.fast()?.removeItem(FAST_PREFIX + k); // full or disabled: the durable note remains
    }
  }

  async function readDurable<T>(k: string): Promise<T | null> {
    try {
      return ((await options.durable()?.get(k)) as T | undefined) ?? null;
    } catch {
      return null;
    }
  }

  function writeDurable(k: string, value: unknown): void {
    try {
      options
        .durable()
        ?.put(k, value)
        .catch((error: unknown) => options.onDurableFailure?.(error));
    } catch (error) {
      options.onDurableFailure?.(error); // the database is closed: the fast note remains
    }
  }

  return {
    /** Notes the unsaved edits of a record, replacing the previous note. */
    note(table: string, id: string, entry: JournalEntry): void {
      const k = key(PENDING, table, id);
      // Measure before serialising: stringifying 10 MB on every keystroke is itself a lag.
      const fits = textSize(entry.patch) <= JOURNAL_LIMIT;
      writeFast(k, fits ? entry : null);
      writeDurable(k, fits ? entry : null);
    },

    /** Edits that were noted but never confirmed as saved: the newer of the two notes. */
    async read(table: string, id: string): Promise<JournalEntry | null> {
      const k = key(PENDING, table, id);
      const fast = readFast(k);
      const durable = await readDurable<JournalEntry>(k);
      if (!fast || !durable) return fast ?? durable;
      return durable.at > fast.at ? durable : fast;
    },

    clear(table: string, id: string): void {
      const k = key(PENDING, table, id);
      writeFast(k, null);
      writeDurable(k, null);
    },

    /** Keeps edits aside (added to any kept before), for the user to look at. */
    async keepAside(table: string, id: string, entry: AsideEntry): Promise<void> {
      const k = key(ASIDE, table, id);
      const kept = (await readDurable<AsideEntry[]>(k)) ?? [];
      // Kept once: a crash between keeping an entry aside and clearing it keeps it again.
      if (kept.some((e) => e.at === entry.at && e.reason === entry.reason)) return;
      writeDurable(k, [...kept, entry]);
    },

    async aside(table: string, id: string): Promise<AsideEntry[]> {
      return (await readDurable<AsideEntry[]>(key(ASIDE, table, id))) ?? [];
    },

    dropAside(table: string, id: string): void {
      writeDurable(key(ASIDE, table, id), null);
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

/** Characters of text in a value, counted without copying it. */
function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + textSize(v), 0);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce<number>((n, v) => n + textSize(v), 0);
  }
  return 0;
}
