/**
 * The saving machinery of one open record, outside React so its timers and order are plain and
 * it can be unit-tested against a real store. One autosaver, one journal, one indicator: every
 * editor (field records, findings, clues) saves this way and no other.
 *
 * - What the form shows is the stored record (`base`) with the user's unsaved edits on top, so a
 *   change saved elsewhere (another tab, a merged package) appears at once, and an edit the user
 *   is typing is never thrown away by it.
 * - Edits are written as patches of only what the user touched; collections (interview turns,
 *   tags, evidence) element by element. A stale form therefore never undoes newer data.
 * - Every change is written within `delayMs` of the first unsaved keystroke, even while the user
 *   keeps typing (a throttle, not a debounce: a debounce would never save during a long answer),
 *   and noted at once in a synchronous journal with the version it was typed against
 *   (journal.ts), replayed only where it is ahead of what is stored (replay.ts).
 * - A failed write says what happened and keeps the edits (describeFailure): a full disk is
 *   retried until space returns; a record deleted elsewhere stops and keeps the edits aside.
 */
import { elementWrites, splitPath, type Collections } from '../../shared/domain/collections';
import {
  applyPatch,
  compareVersions,
  sameValue,
  type Patch,
  type Stored,
  type VersionVector,
} from '../../shared/domain/record';
import type { FieldErrors } from '../../shared/domain/validation';
import { describeFailure, type SaveFailure } from './failure';
import type { AsideEntry, Journal, JournalEntry } from './journal';
import { planReplay } from './replay';

export type FieldRecord = Stored<Record<string, unknown>>;

/** Who writes: known only once the current member has loaded. */
export interface Writer {
  readonly deviceId: string;
  readonly memberId: string;
}

/** Where an editor's record lives. */
export interface AutosaveStore {
  /** The journal's name for the table. */
  readonly table: string;
  /** Fields written element by element (whole arrays from the form are split up). */
  readonly collections: Collections;
  get(id: string): Promise<FieldRecord | undefined>;
  /** Gets the store ready to write again after a failure (reopens a closed database). */
  recover?(): Promise<void>;
  patch(
    id: string,
    patch: Patch,
    actor: Writer,
  ): Promise<{ record: FieldRecord; refused: FieldErrors; missing?: FieldErrors }>;
  missing(record: FieldRecord): FieldErrors;
  /** The editor was left with everything written: a store may drop a record that was never
   * filled in (a record opened with 新建 and left). */
  left?(id: string): Promise<unknown>;
}

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'stopped';

export interface EditorState {
  /** undefined while loading; null when there is no such record (or it was deleted). */
  readonly record: FieldRecord | null | undefined;
  /** What the form shows: the stored record with the unsaved edits on top. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly status: SaveStatus;
  /** Why the last write failed, while it is not saved. */
  readonly failure: SaveFailure | null;
  /** Fields whose last value was not saved, and why. */
  readonly refused: FieldErrors;
  /** What the record still lacks. */
  readonly missing: FieldErrors;
  /** Edits kept aside (typed against an older version, or after the record was deleted). */
  readonly aside: readonly AsideEntry[];
  /** The record changed elsewhere (another window, a merged package) while it was open. */
  readonly changedElsewhere: boolean;
  /** The record could not be read yet (the database is closed for now); retrying. */
  readonly loadFailed: boolean;
}

export interface AutosaverOptions {
  readonly journal: Journal;
  /** This laptop's device id: replay tells this laptop's own later saves from others'. */
  readonly deviceId: string;
  readonly delayMs?: number;
  /** The longest wait between retries after a failed write. */
  readonly maxRetryMs?: number;
  /** Says why a write failed (the app knows more than the error: a full disk, a newer app). */
  readonly describeFailure?: (error: unknown) => SaveFailure;
  /** Told about every write that succeeded (a full disk has room again). */
  readonly onSaved?: () => void;
  readonly now?: () => string;
}

export const SAVE_DELAY_MS = 300;
const MAX_RETRY_MS = 2_000;

export class Autosaver {
  private base: FieldRecord | undefined;
  private pending: Record<string, unknown> = {};
  private inflight: Record<string, unknown> = {};
  /** Values refused by the last write: still shown beside their message, not retried. */
  private held: Record<string, unknown> = {};
  private timer: ReturnType<typeof setTimeout> | null = null;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private actor: Writer | undefined;
  private lastWritten: VersionVector | null = null;
  private stopped = false;
  private retryMs: number;
  private readonly listeners = new Set<() => void>();
  private state: EditorState = {
    record: undefined,
    values: {},
    status: 'saved',
    failure: null,
    refused: {},
    missing: {},
    aside: [],
    changedElsewhere: false,
    loadFailed: false,
  };

  constructor(
    private readonly store: AutosaveStore,
    private readonly id: string,
    private readonly options: AutosaverOptions,
  ) {
    this.retryMs = this.delay;
  }

  private get delay() {
    return this.options.delayMs ?? SAVE_DELAY_MS;
  }

  /** For React's useSyncExternalStore. */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): EditorState => this.state;

  private update(patch: Partial<EditorState>) {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** The form's values: stored record, then refused values, then edits in flight and pending. */
  private shown(): Record<string, unknown> {
    if (!this.base) return {};
    const edits = { ...this.held, ...this.inflight, ...this.pending };
    return keepUnchanged(
      this.state.values,
      applyPatch(this.base, edits, this.store.collections),
    ) as Record<string, unknown>;
  }

  /**
   * A newer stored record as the base, sharing every part equal to the base before: what the
   * form shows is then made of the same objects from one save to the next, and each keystroke's
   * shown() finds the untouched turns of a long interview identical at a glance, instead of
   * comparing them field by field (a save reads the record back as new objects).
   */
  private rebase(record: FieldRecord): FieldRecord {
    return this.base ? (keepUnchanged(this.base, record) as FieldRecord) : record;
  }

  private get unsaved(): Patch {
    return { ...this.inflight, ...this.pending };
  }

  setActor(actor: Writer | undefined): void {
    this.actor = actor;
  }

  /**
   * Reads the record and replays the journal. A read that fails (Chromium closed the database
   * on a full disk) is tried again until it succeeds; meanwhile `loadFailed` says so.
   */
  async load(): Promise<void> {
    const { journal } = this.options;
    const { table, collections } = this.store;
    let found: FieldRecord | undefined;
    let entry: JournalEntry | null;
    try {
      await this.store.recover?.();
      [found, entry] = await Promise.all([this.store.get(this.id), journal.read(table, this.id)]);
    } catch {
      this.update({ loadFailed: true });
      this.loadTimer = setTimeout(() => void this.load(), this.options.maxRetryMs ?? MAX_RETRY_MS);
      return;
    }
    if (this.state.loadFailed) this.update({ loadFailed: false });
    // An entry is cleared only once what it holds is kept aside or noted again (addPending):
    // a crash in between must not lose it.
    if (!found || found.deleted) {
      if (entry) await journal.keepAside(table, this.id, { ...entry, reason: 'deleted' });
      if (entry) journal.clear(table, this.id);
      this.update({ record: null, aside: await journal.aside(table, this.id) });
      return;
    }
    this.base = found;
    let replay: Patch = {};
    if (entry) {
      const plan = planReplay(entry, found, this.options.deviceId, collections);
      if (Object.keys(plan.aside).length > 0) {
        await journal.keepAside(table, this.id, {
          ...entry,
          patch: plan.aside,
          reason: plan.reason,
        });
      }
      replay = plan.apply;
    }
    this.update({
      record: found,
      values: this.shown(),
      missing: this.store.missing(found),
      aside: await journal.aside(table, this.id),
    });
    if (Object.keys(replay).length > 0) this.addPending(replay);
    else if (entry) journal.clear(table, this.id);
  }

  /**
   * The user changed the form. `patch` holds fields as the form knows them: a collection comes
   * as its whole new array and is turned into writes of the elements that differ from what the
   * form showed, so elements added elsewhere meanwhile are never removed.
   */
  change(patch: Patch): void {
    // What the form shows: kept in the state at every change of what it is made of.
    const shown = this.state.values;
    const writes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      const spec = Object.hasOwn(this.store.collections, key)
        ? this.store.collections[key]
        : undefined;
      if (spec && Array.isArray(value)) {
        const before = (shown[key] as unknown[] | undefined) ?? [];
        Object.assign(writes, elementWrites(key, spec, before, value, sameValue));
      } else {
        writes[key] = value;
      }
    }
    for (const path of Object.keys(writes)) {
      const [field] = splitPath(path);
      for (const held of Object.keys(this.held)) {
        if (splitPath(held)[0] === field) delete this.held[held];
      }
    }
    if (Object.keys(writes).length > 0) this.addPending(writes);
  }

  private addPending(writes: Patch): void {
    Object.assign(this.pending, writes);
    this.note();
    this.update({
      values: this.shown(),
      ...(!this.stopped && { status: this.writing ? 'saving' : 'pending' }),
    });
    if (!this.stopped) this.schedule(this.delay);
  }

  private note(): void {
    const { journal, now } = this.options;
    const unsaved = this.unsaved;
    if (!this.base || Object.keys(unsaved).length === 0) {
      journal.clear(this.store.table, this.id);
      return;
    }
    journal.note(this.store.table, this.id, {
      patch: unsaved,
      base: this.base.vv,
      baseSeq: this.base.seq,
      at: now?.() ?? new Date().toISOString(),
    });
  }

  private schedule(ms: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Writes whatever is pending now, after any write already under way. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    if (this.stopped || Object.keys(this.pending).length === 0) return;
    // Just after a reload the current member may still be loading: try again shortly.
    if (!this.actor) return this.schedule(this.delay);
    this.inflight = this.pending;
    this.pending = {};
    this.update({ status: 'saving' });
    this.writing = this.write(this.inflight, this.actor).finally(() => (this.writing = null));
    await this.writing;
  }

  private async write(patch: Patch, actor: Writer): Promise<void> {
    try {
      if (this.state.failure) await this.store.recover?.();
      const result = await this.store.patch(this.id, patch, actor);
      this.options.onSaved?.();
      this.lastWritten = result.record.vv;
      if (!this.base || compareVersions(result.record.vv, this.base.vv) !== 'older') {
        this.base = this.rebase(result.record);
      }
      this.inflight = {};
      const refused: Record<string, string> = { ...this.state.refused };
      for (const path of Object.keys(patch)) delete refused[splitPath(path)[0]];
      for (const [path, value] of Object.entries(patch)) {
        if (result.refused[splitPath(path)[0]]) this.held[path] = value;
      }
      this.note();
      this.retryMs = this.delay;
      const more = Object.keys(this.pending).length > 0;
      this.update({
        record: this.base,
        values: this.shown(),
        missing: result.missing ?? this.store.missing(result.record),
        refused: { ...refused, ...result.refused },
        failure: null,
        status: more ? 'pending' : 'saved',
      });
      if (more) this.schedule(this.delay);
    } catch (error) {
      this.failed((this.options.describeFailure ?? describeFailure)(error));
    }
  }

  private failed(failure: SaveFailure): void {
    const { journal } = this.options;
    // Keep the edits: put them back under anything typed since.
    this.pending = { ...this.inflight, ...this.pending };
    this.inflight = {};
    if (failure.kind === 'refused' && this.base) {
      // The record is gone or not ours to write: nothing will save these edits. Keep them
      // aside, where the user can find them, and stop.
      this.stopped = true;
      const entry = {
        patch: this.pending,
        base: this.base.vv,
        baseSeq: this.base.seq,
        at: this.options.now?.() ?? new Date().toISOString(),
        reason: 'deleted' as const,
      };
      this.update({ status: 'stopped', failure, aside: [...this.state.aside, entry] });
      // Cleared from the journal only once kept aside: a crash in between keeps it twice, not never.
      void journal.keepAside(this.store.table, this.id, entry).then(() => {
        journal.clear(this.store.table, this.id);
      });
      return;
    }
    this.note(); // in the journal: a reload replays them
    if (!failure.retrying) {
      this.stopped = true;
      this.update({ status: 'stopped', failure });
      return;
    }
    this.update({ status: 'error', failure });
    this.schedule(this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? MAX_RETRY_MS);
  }

  /**
   * The stored record changed (a live query saw a write: this editor's, another window's, or a
   * merged package's). The form follows it, the user's unsaved edits staying on top.
   */
  received(record: FieldRecord | undefined): void {
    if (!this.base || !record) return;
    const order = compareVersions(record.vv, this.base.vv);
    if (order === 'same' || order === 'older') return;
    this.base = this.rebase(record);
    const ours = this.lastWritten !== null && sameValue(record.vv, this.lastWritten);
    const elsewhere = !ours && Object.keys(this.inflight).length === 0;
    if (record.deleted && Object.keys(this.unsaved).length === 0) {
      this.update({ record: null });
      return;
    }
    this.update({
      record,
      values: this.shown(),
      missing: this.store.missing(record),
      ...(elsewhere && { changedElsewhere: true }),
    });
  }

  /** Puts the edits kept aside back into the record, as new edits (they save like typing). */
  restoreAside(): void {
    const kept = this.state.aside;
    this.options.journal.dropAside(this.store.table, this.id);
    this.update({ aside: [] });
    for (const entry of kept) this.addPending(entry.patch);
  }

  discardAside(): void {
    this.options.journal.dropAside(this.store.table, this.id);
    this.update({ aside: [] });
  }

  /** The editor is gone: stop retrying a read. */
  dispose(): void {
    if (this.loadTimer) clearTimeout(this.loadTimer);
  }

  /**
   * Leaving the editor: writes what is pending, then, only if nothing typed is still unwritten
   * or held back, tells the store (which may drop a record never filled in). Never the other
   * way round: a drop must not race the last write.
   */
  async leave(): Promise<void> {
    await this.flush();
    // What was refused (too long, out of range) is never written, and the form that showed it
    // beside its message is closing: keep it aside, so the next opening offers it back.
    if (Object.keys(this.held).length > 0 && this.base && !this.stopped) {
      await this.options.journal.keepAside(this.store.table, this.id, {
        patch: { ...this.held },
        base: this.base.vv,
        baseSeq: this.base.seq,
        at: this.options.now?.() ?? new Date().toISOString(),
        reason: 'refused',
      });
    }
    const unwritten = { ...this.held, ...this.unsaved };
    if (this.stopped || this.writing || Object.keys(unwritten).length > 0) return;
    await this.store.left?.(this.id);
  }

  dismissChangedElsewhere(): void {
    this.update({ changedElsewhere: false });
  }

  /**
   * This page wrote the record another way (the 组长's review buttons): that write is ours, not
   * another window's, and must not be announced as one.
   */
  adopt(record: FieldRecord): void {
    this.lastWritten = record.vv;
    if (this.base && sameValue(this.base.vv, record.vv)) this.update({ changedElsewhere: false });
  }
}

/**
 * `next`, reusing every part of `prev` equal to its own. A save brings the record back from the
 * database as new objects; with this, the fields it did not change keep their identity and the
 * form renders only the field being typed into (see useEditorState). One walk over `next`, run
 * at every keystroke: a 200-turn interview is compared once, not once per level.
 */
function keepUnchanged(prev: unknown, next: unknown): unknown {
  if (prev === next) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) {
    return next;
  }
  if (Array.isArray(next) !== Array.isArray(prev)) return next;
  const before = prev as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = Object.keys(after);
  let same = keys.length === Object.keys(before).length;
  // An array's keys are its indices: filling `out` by key builds the new array in order.
  const out = (Array.isArray(next) ? [] : {}) as Record<string, unknown>;
  for (const key of keys) {
    const kept = keepUnchanged(before[key], after[key]);
    if (kept !== before[key] || !Object.hasOwn(before, key)) same = false;
    out[key] = kept;
  }
  return same ? prev : out;
}
