/**
 * Records, findings and clues saved as they are typed: the React side of the one autosaver
 * (renderer/autosave/autosaver.ts). Mount once per record (key the editor by record id).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { localIsoDate } from '../../shared/domain/dates';
import type { RecordKind } from '../../shared/domain/records';
import type { Patch, Stored } from '../../shared/domain/record';
import type { Collections } from '../../shared/domain/collections';
import type { FieldErrors } from '../../shared/domain/validation';
import { COLLECTIONS, type RecordTable } from '../../shared/domain/tables';
import {
  Autosaver,
  type AutosaveStore,
  type EditorState,
  type FieldRecord,
  type Writer,
} from '../autosave/autosaver';
import { noteWriteFailed, noteWriteSucceeded } from '../app/storageHealth';
import { describeFailure } from '../autosave/failure';
import { useUi } from '../stores/ui.store';
import { watchQuery, type Repositories } from '../db';
import { useRepos } from '../app/session';
import { createJournal, type Journal } from '../autosave/journal';
import { sealedStorage } from '../autosave/sealedStorage';
import { noteLeaving, registerEditor } from '../autosave/editors';
import { useDeviceId } from './device';
import { useActor } from './members';

export type { AutosaveStore, EditorState };
export type { SaveStatus } from '../autosave/autosaver';

/**
 * The autosave journal: localStorage, and the open database's journal table. It keeps nothing
 * of its own (what is queued is in repos.journal), so every editor may make its own.
 */
function journalOf(repos: Repositories): Journal {
  const key = repos.laptopDataKey();
  return createJournal({
    // Sealed with the laptop's key (sealedStorage.ts), unreadable once the app locks.
    fast: () =>
      typeof localStorage === 'undefined'
        ? undefined
        : key
          ? sealedStorage(localStorage, key)
          : localStorage,
    durable: () => repos.journal,
    onDurableFailure: (error) => void noteWriteFailed(error),
  });
}

/** Forgets the unsaved and kept-aside edits of a record that is gone for good (the demo). */
export function forgetEdits(repos: Repositories, table: string, id: string): void {
  const journal = journalOf(repos);
  journal.clear(table, id);
  journal.dropAside(table, id);
}

/** The store of one kind of field record. */
export function recordStore(
  repos: Repositories,
  kind: RecordKind,
): TypedStore<Record<string, unknown>> {
  const today = () => localIsoDate(new Date());
  return {
    table: kind,
    collections: COLLECTIONS[kind],
    get: (id) => repos.records.get(kind, id),
    recover: () => repos.recover(),
    patch: (id, patch, actor) => repos.records.patch(kind, id, patch, actor, today()),
    missing: (record) => repos.records.missing(kind, record, today()),
    left: (id) => repos.records.discardIfUntouched(kind, id),
  };
}

/**
 * The store of a record table from its repository's read and write: the table's collections,
 * the database's recovery, and nothing missing unless `missing` says otherwise.
 */
export function tableStore<T extends object>(
  repos: Repositories,
  table: RecordTable,
  parts: Pick<TypedStore<T>, 'get' | 'patch'> & Partial<Pick<TypedStore<T>, 'missing'>>,
): TypedStore<T> {
  return {
    table,
    collections: COLLECTIONS[table],
    recover: () => repos.recover(),
    missing: () => ({}),
    ...parts,
  };
}

/** Where a table's records live, in that table's own types (see AutosaveStore). */
export interface TypedStore<T extends object> {
  readonly table: string;
  readonly collections: Collections;
  get(id: string): Promise<Stored<T> | undefined>;
  recover?(): Promise<void>;
  patch(
    id: string,
    patch: Patch,
    actor: Writer,
  ): Promise<{ record: Stored<T>; refused: FieldErrors; missing?: FieldErrors }>;
  missing(record: Stored<T>): FieldErrors;
  left?(id: string): Promise<unknown>;
}

/** What every editor can do, stable for its life (forms memoise their fields on it). */
export interface EditorActions {
  readonly change: (patch: Patch) => void;
  /** Writes whatever is pending now (before deleting or leaving, say). */
  readonly flush: () => Promise<void>;
  readonly restoreAside: () => void;
  readonly discardAside: () => void;
  readonly dismissChangedElsewhere: () => void;
  /** A write this page made outside the editor (review actions): ours, not another window's. */
  readonly adopt: (record: Stored<object>) => void;
}

/**
 * One autosaved record, without its state: each part of the page reads the slice it shows
 * (useEditorState), so a keystroke renders the field typed into and nothing else.
 */
export interface Editor extends EditorActions {
  readonly subscribe: (listener: () => void) => () => void;
  readonly getState: () => EditorState;
}

export interface AutosavedRecord<T extends object = Readonly<Record<string, unknown>>>
  extends Omit<EditorState, 'record' | 'values'>, Editor {
  /** undefined while loading; null when there is no such record (or it was deleted). */
  readonly record: Stored<T> | null | undefined;
  /** What the form shows: the stored record with the unsaved edits on top. */
  readonly values: T;
}

/** A field record's editor, saved as it is typed. */
export function useRecordEditor(caseId: string, kind: RecordKind, id: string): Editor {
  const repos = useRepos();
  const [store] = useState(() => recordStore(repos, kind));
  return useEditor(caseId, store, id);
}

/**
 * A slice of an editor's state, rendering again only when the slice changes (by `equal`; the
 * default suits a value, `shallowEqual` an object of values).
 */
export function useEditorState<S>(
  editor: Editor,
  select: (state: EditorState) => S,
  equal: (a: S, b: S) => boolean = Object.is,
): S {
  const last = useRef<{ slice: S } | null>(null);
  const read = () => {
    const slice = select(editor.getState());
    // A slice equal to the last is returned as the same value: React then skips the render.
    if (last.current && equal(last.current.slice, slice)) return last.current.slice;
    last.current = { slice };
    return slice;
  };
  return useSyncExternalStore(editor.subscribe, read);
}

export function shallowEqual<S extends object>(a: S, b: S): boolean {
  const keys = Object.keys(a) as (keyof S)[];
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/** Every part of an editor's state, rendering at every change (small editors: a clue). */
export function useAutosaved<T extends object>(
  caseId: string,
  store: TypedStore<T>,
  id: string,
): AutosavedRecord<T> {
  const editor = useEditor(caseId, store, id);
  const state = useSyncExternalStore(editor.subscribe, editor.getState);
  return {
    ...(state as unknown as Pick<AutosavedRecord<T>, 'record' | 'values'> & EditorState),
    ...editor,
  };
}

/**
 * Any record of `store`, saved as it is typed, in the store's own types. `store` must not
 * change while mounted. The autosaver serves every table, so it holds records untyped: this is
 * the one place they are given their table's type again (what it holds is a stored record of
 * that table, with edits of this form on top).
 */
export function useEditor<T extends object>(
  caseId: string,
  store: TypedStore<T>,
  id: string,
): Editor {
  const repos = useRepos();
  const deviceId = useDeviceId();
  const [saver] = useState(
    () =>
      new Autosaver(store as unknown as AutosaveStore, id, {
        journal: journalOf(repos),
        deviceId,
        describeFailure: (error) =>
          describeFailure(error, {
            lackOfRoom: noteWriteFailed(error),
            newerVersion: useUi.getState().newerVersionElsewhere,
          }),
        onSaved: () => {
          if (noteWriteSucceeded()) void repos.startFreshLog();
        },
      }),
  );
  const actor = useActor(caseId);

  useEffect(() => {
    saver.setActor(actor);
  }, [saver, actor]);

  useEffect(() => {
    void saver.load();
    // The record as stored, followed live: writes from other windows appear in the form.
    const unwatch = watchQuery(
      () => store.get(id),
      (row) => saver.received(row),
    );
    // Leaving the page, reloading, closing the window, or switching away: save now.
    const saveNow = () => void saver.flush();
    // Locking the app, too (Vault.tsx): it waits for this before the keys go.
    const unregister = registerEditor(() => saver.flush());
    const onHidden = () => document.visibilityState === 'hidden' && saveNow();
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unwatch();
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onHidden);
      unregister();
      noteLeaving(saver.leave()); // leaving the editor within the app
      saver.dispose();
    };
  }, [saver, store, id]);

  // Stable for the editor's life: forms memoise their fields on it (see fieldRows.tsx).
  return useMemo(
    () => ({
      subscribe: saver.subscribe,
      getState: saver.getState,
      change: (patch: Patch) => saver.change(patch),
      flush: () => saver.flush(),
      restoreAside: () => saver.restoreAside(),
      discardAside: () => saver.discardAside(),
      dismissChangedElsewhere: () => saver.dismissChangedElsewhere(),
      adopt: (record: Stored<object>) => saver.adopt(record as FieldRecord),
    }),
    [saver],
  );
}
