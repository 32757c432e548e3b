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

/** The saving machinery of one open record, outside React so its timers and order are plain. */
class Autosaver {
  private pending: Record<string, unknown> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private actor: Actor | undefined;

  constructor(
    private readonly kind: RecordKind,
    private readonly id: string,
    private readonly update: (f: (s: EditorState) => EditorState) => void,
  ) {}

  /** Who writes: known only once the current member has loaded. */
  setActor(actor: Actor | undefined): void {
    this.actor = actor;
  }

  async load(): Promise<void> {
    const found = await repos.records.get(this.kind, this.id);
    if (!found || found.deleted) return this.update((s) => ({ ...s, record: null }));
    // Edits typed just before the page went away, never confirmed as saved: replay them.
    const unsaved = journal.read(this.kind, this.id)?.patch ?? {};
    const missing = repos.records.missing(this.kind, found, localIsoDate(new Date()));
    this.update((s) => ({ ...s, record: found, values: { ...found, ...unsaved }, missing }));
    if (Object.keys(unsaved).length > 0) this.change(unsaved);
  }

  change(patch: Patch): void {
    this.update((s) => ({ ...s, values: { ...s.values, ...patch }, status: 'pending' }));
    Object.assign(this.pending, patch);
    journal.note(this.kind, this.id, this.pending);
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
      const result = await repos.records.patch(
        this.kind,
        this.id,
        patch,
        actor,
        localIsoDate(new Date()),
      );
      const more = Object.keys(this.pending).length > 0;
      if (more) journal.note(this.kind, this.id, this.pending);
      else journal.clear(this.kind, this.id);
      this.update((s) => {
        const refused: Record<string, string> = { ...s.refused };
        for (const key of Object.keys(patch)) delete refused[key];
        return {
          ...s,
          record: result.record,
          missing: result.missing,
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

/** Mount once per record (key the editor by record id). */
export function useAutosavedRecord(caseId: string, kind: RecordKind, id: string): AutosavedRecord {
  const [state, setState] = useState(initial);
  const [saver] = useState(() => new Autosaver(kind, id, setState));
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
