/**
 * A write-ahead journal for edits not yet in IndexedDB, and a place for edits kept aside.
 *
 * IndexedDB writes are asynchronous: a write started while the page is being closed or reloaded
 * may never finish (measured: the last words typed before a reload were lost). localStorage
 * writes are synchronous, so every change is first noted here, and the note is cleared once the
 * edit is safely in IndexedDB.
 *
 * But Chromium writes localStorage to disk lazily (about once a minute), while IndexedDB commits
 * every few hundred milliseconds: after a crash the journal on disk can be older than what is
 * stored. So an entry carries the version it was typed against, and replay.ts applies it only
 * where it is ahead of what is stored; the rest is kept aside here and shown to the user, never
 * written over newer text.
 *
 * Only edits up to JOURNAL_LIMIT characters are journalled (localStorage holds a few MB, and
 * serialising a pasted 10 MB answer on every keystroke would make typing lag); larger ones rely
 * on the autosave alone.
 */
import type { Patch, VersionVector } from '../../shared/domain/record';

const PENDING = 'xuncha:pending:';
const ASIDE = 'xuncha:aside:';
export const JOURNAL_LIMIT = 1_000_000;

export interface JournalEntry {
  /** The edits, as element-wise writes of only what the user touched. */
  readonly patch: Patch;
  /** The stored version the edits were typed against. */
  readonly base: VersionVector;
  /** That version's place in this laptop's change sequence. */
  readonly baseSeq: number;
  /** When the entry was last noted (shown to the user for entries kept aside). */
  readonly at: string;
}

/** Edits that could not be applied safely, with why. */
export interface AsideEntry extends JournalEntry {
  readonly reason: 'stale' | 'deleted' | 'forbidden';
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function createJournal(storage: () => KeyValueStorage | undefined) {
  const key = (prefix: string, table: string, id: string) => `${prefix}${table}:${id}`;

  function read<T>(k: string): T | null {
    try {
      const text = storage()?.getItem(k);
      return text ? (JSON.parse(text) as T) : null;
    } catch {
      return null; // unreadable (storage disabled, or a note cut short): nothing to replay
    }
  }

  function write(k: string, value: unknown): boolean {
    try {
      const text = JSON.stringify(value);
      if (text.length > JOURNAL_LIMIT) return false;
      storage()?.setItem(k, text);
      return true;
    } catch {
      return false; // quota exceeded or storage disabled: the autosave still runs
    }
  }

  function remove(k: string): void {
    try {
      storage()?.removeItem(k);
    } catch {
      // Nothing to remove.
    }
  }

  return {
    /** Notes the pending edits of a record, replacing the previous note. */
    note(table: string, id: string, entry: JournalEntry): void {
      // Measure before serialising: stringifying 10 MB on every keystroke is itself a lag.
      if (textSize(entry.patch) > JOURNAL_LIMIT || !write(key(PENDING, table, id), entry)) {
        remove(key(PENDING, table, id));
      }
    },

    /** Edits that were noted but never confirmed as saved, if any. */
    read(table: string, id: string): JournalEntry | null {
      return read<JournalEntry>(key(PENDING, table, id));
    },

    clear(table: string, id: string): void {
      remove(key(PENDING, table, id));
    },

    /** Keeps edits aside (added to any kept before), for the user to look at. */
    keepAside(table: string, id: string, entry: AsideEntry): void {
      const kept = read<AsideEntry[]>(key(ASIDE, table, id)) ?? [];
      write(key(ASIDE, table, id), [...kept, entry]);
    },

    aside(table: string, id: string): AsideEntry[] {
      return read<AsideEntry[]>(key(ASIDE, table, id)) ?? [];
    },

    dropAside(table: string, id: string): void {
      remove(key(ASIDE, table, id));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

/** The journal of this page, in localStorage. */
export const journal = createJournal(() =>
  typeof localStorage === 'undefined' ? undefined : localStorage,
);

/** Characters of text in a value, counted without copying it. */
function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + textSize(v), 0);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce<number>((n, v) => n + textSize(v), 0);
  }
  return 0;
}
