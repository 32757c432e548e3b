/**
 * A write-ahead journal for edits not yet in IndexedDB.
 *
 * IndexedDB writes are asynchronous: a write started while the page is being closed or reloaded
 * may never finish (measured: the last words typed before a reload were lost). localStorage
 * writes are synchronous, so every change is first noted here, and the note is cleared once the
 * edit is safely in IndexedDB. When an editor opens, edits still in the journal are replayed.
 *
 * Only edits up to JOURNAL_LIMIT characters are journalled (localStorage holds a few MB, and
 * serialising a pasted 10 MB answer on every keystroke would make typing lag); larger ones rely
 * on the half-second autosave alone.
 */
const PREFIX = 'xuncha:pending:';
export const JOURNAL_LIMIT = 1_000_000;

const keyOf = (table: string, id: string) => `${PREFIX}${table}:${id}`;

export interface JournalEntry {
  readonly patch: Readonly<Record<string, unknown>>;
  readonly at: string;
}

export const journal = {
  /** Notes the pending edits of a record, replacing the previous note. */
  note(table: string, id: string, patch: Readonly<Record<string, unknown>>): void {
    try {
      // Measure before serialising: stringifying 10 MB on every keystroke is itself a lag.
      if (textSize(patch) > JOURNAL_LIMIT) return localStorage.removeItem(keyOf(table, id));
      const text = JSON.stringify({ patch, at: new Date().toISOString() } satisfies JournalEntry);
      if (text.length > JOURNAL_LIMIT) localStorage.removeItem(keyOf(table, id));
      else localStorage.setItem(keyOf(table, id), text);
    } catch {
      // Quota exceeded or storage disabled: the autosave still runs; nothing else to do.
    }
  },

  /** Edits that were noted but never confirmed as saved, if any. */
  read(table: string, id: string): JournalEntry | null {
    try {
      const text = localStorage.getItem(keyOf(table, id));
      return text ? (JSON.parse(text) as JournalEntry) : null;
    } catch {
      return null;
    }
  },

  clear(table: string, id: string): void {
    try {
      localStorage.removeItem(keyOf(table, id));
    } catch {
      // Nothing to clear.
    }
  },
};

/** Characters of text in a value, counted without copying it. */
function textSize(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + textSize(v), 0);
  if (value && typeof value === 'object') {
    return Object.values(value).reduce<number>((n, v) => n + textSize(v), 0);
  }
  return 0;
}
