/**
 * The record editor's copy of a record, saved as the user types: no save button.
 *
 * Every change is written within SAVE_DELAY_MS of the first unsaved keystroke, even while the
 * user keeps typing (a throttle, not a debounce: a debounce would never save during a long
 * answer). Each change is also noted at once in a synchronous journal (renderer/db/journal.ts),
 * replayed when the editor next opens, because an IndexedDB write started while the page
 * unloads may never finish. So a reload or a crash loses at most the last half second.
 */
import { useEffect, useState } from 'react';
import { localIsoDate } from '../../shared/domain/dates';
import type { RecordKind } from '../../shared/domain/records';
import type { FieldErrors } from '../../shared/domain/validation';
import { journal, repos, type Actor, type FieldRecord } from '../db';
import { useActor } from './members';

export const SAVE_DELAY_MS = 300;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface EditorState {
  /** undefined while loading; null when there is no such record. */
  readonly record: FieldRecord | null | undefined;
  readonly values: Readonly<Record<string, unknown>>;
  readonly status: SaveStatus;
  /** A failure to write at all (disk full, database closed), with the edits kept on the page. */
  readonly failure: string | null;
  /** Fields whose last value was not saved, and why. */
  readonly refused: FieldErrors;
  /** What the record still lacks. */
  readonly missing: FieldErrors;
}

const initial: EditorState = {
  record: undefined,
  values: {},
  status: 'saved',
  failure: null,
  refused: {},
  missing: {},
};

type Patch = Readonly<Record<string, unknown>>;

/** Where an editor's record lives: a table's read, patch and "what is missing" functions. */
export interface AutosaveStore {
  /** The journal's name for the table. */
  readonly table: string;
  get(id: string): Promise<FieldRecord | undefined>;
  patch(
    id: string,
    patch: Patch,
    actor: Actor,
  ): Promise<{ record: FieldRecord; refused: FieldErrors; missing?: FieldErrors }>;
  missing(record: FieldRecord): FieldErrors;
}

/** The store of one kind of field record. */
export function recordStore(kind: RecordKind): AutosaveStore {
  const today = () => localIsoDate(new Date());
  return {
    table: kind,
    get: (id) => repos.records.get(kind, id),
    patch: (id, patch, actor) => repos.records.patch(kind, id, patch, actor, today()),
    missing: (record) => repos.records.missing(kind, record, today()),
  };
}

/** The saving machinery of one open record, outside React so its timers and order are plain. */
class Autosaver {
  private pending: Record<string, unknown> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private actor: Actor | undefined;

  constructor(
    private readonly store: AutosaveStore,
    private readonly id: string,
    private readonly update: (f: (s: EditorState) => EditorState) => void,
  ) {}

  /** Who writes: known only once the current member has loaded. */
  setActor(actor: Actor | undefined): void {
    this.actor = actor;
  }

  async load(): Promise<void> {
    const found = await this.store.get(this.id);
    if (!found || found.deleted) return this.update((s) => ({ ...s, record: null }));
    // Edits typed just before the page went away, never confirmed as saved: replay them.
    const unsaved = journal.read(this.store.table, this.id)?.patch ?? {};
    const missing = this.store.missing(found);
    this.update((s) => ({ ...s, record: found, values: { ...found, ...unsaved }, missing }));
    if (Object.keys(unsaved).length > 0) this.change(unsaved);
  }

  change(patch: Patch): void {
    this.update((s) => ({ ...s, values: { ...s.values, ...patch }, status: 'pending' }));
    Object.assign(this.pending, patch);
    journal.note(this.store.table, this.id, this.pending);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, SAVE_DELAY_MS);
  }

  /** Writes whatever is pending now, after any write already under way. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    const patch = this.pending;
    if (Object.keys(patch).length === 0) return;
    // Just after a reload the current member may still be loading: try again shortly.
    if (!this.actor) return this.schedule();
    this.pending = {};
    this.update((s) => ({ ...s, status: 'saving' }));
    this.writing = this.write(patch, this.actor).finally(() => (this.writing = null));
    await this.writing;
  }

  private async write(patch: Patch, actor: Actor): Promise<void> {
    try {
      const result = await this.store.patch(this.id, patch, actor);
      const more = Object.keys(this.pending).length > 0;
      if (more) journal.note(this.store.table, this.id, this.pending);
      else journal.clear(this.store.table, this.id);
      this.update((s) => {
        const refused: Record<string, string> = { ...s.refused };
        for (const key of Object.keys(patch)) delete refused[key];
        return {
          ...s,
          record: result.record,
          missing: result.missing ?? this.store.missing(result.record),
          refused: { ...refused, ...result.refused },
          failure: null,
          status: more ? 'pending' : 'saved',
        };
      });
    } catch (error) {
      // Keep the edits: put them back under anything typed since, and try again later.
      this.pending = { ...patch, ...this.pending };
      const failure = error instanceof Error ? error.message : String(error);
      this.update((s) => ({ ...s, failure, status: 'error' }));
      this.schedule();
    }
  }
}

export interface AutosavedRecord extends EditorState {
  readonly change: (patch: Patch) => void;
  /** Writes whatever is pending now (before deleting or leaving, say). */
  readonly flush: () => Promise<void>;
}

/** A field record, saved as it is typed. Mount once per record (key the editor by record id). */
export function useAutosavedRecord(caseId: string, kind: RecordKind, id: string): AutosavedRecord {
  return useAutosaved(caseId, recordStore(kind), id);
}

/** Any record of `store`, saved as it is typed. Mount once per record. */
export function useAutosaved(caseId: string, store: AutosaveStore, id: string): AutosavedRecord {
  const [state, setState] = useState(initial);
  const [saver] = useState(() => new Autosaver(store, id, setState));
  const actor = useActor(caseId);

  useEffect(() => {
    saver.setActor(actor);
  }, [saver, actor]);

  useEffect(() => {
    void saver.load();
    // Leaving the page, reloading, closing the window, or switching away: save now.
    const saveNow = () => void saver.flush();
    const onHidden = () => document.visibilityState === 'hidden' && saveNow();
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onHidden);
      saveNow(); // leaving the editor within the app
    };
  }, [saver]);

  return { ...state, change: (patch) => saver.change(patch), flush: () => saver.flush() };
}
