/**
 * Records, findings and clues saved as they are typed: the React side of the one autosaver
 * (renderer/autosave/autosaver.ts). Mount once per record (key the editor by record id).
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { localIsoDate } from '../../shared/domain/dates';
import type { RecordKind } from '../../shared/domain/records';
import type { Patch, Stored } from '../../shared/domain/record';
import type { Collections } from '../../shared/domain/collections';
import type { FieldErrors } from '../../shared/domain/validation';
import { COLLECTIONS } from '../../shared/domain/tables';
import {
  Autosaver,
  type AutosaveStore,
  type EditorState,
  type Writer,
} from '../autosave/autosaver';
import { noteWriteFailed, noteWriteSucceeded } from '../app/storageHealth';
import { describeFailure } from '../autosave/failure';
import { useUi } from '../stores/ui.store';
import { repos, watchQuery } from '../db';
import { createJournal } from '../autosave/journal';
import { useDeviceId } from './device';
import { useActor } from './members';

export type { AutosaveStore, EditorState };
export type { SaveStatus } from '../autosave/autosaver';

/** The autosave journal of this page: localStorage, and the database's journal table. */
const journal = createJournal({
  fast: () => (typeof localStorage === 'undefined' ? undefined : localStorage),
  durable: () => repos.journal,
  onDurableFailure: (error) => void noteWriteFailed(error),
});

/** Forgets the unsaved and kept-aside edits of a record that is gone for good (the demo). */
export function forgetEdits(table: string, id: string): void {
  journal.clear(table, id);
  journal.dropAside(table, id);
}

/** The store of one kind of field record. */
export function recordStore(kind: RecordKind): TypedStore<Record<string, unknown>> {
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

export interface AutosavedRecord<T extends object = Readonly<Record<string, unknown>>> extends Omit<
  EditorState,
  'record' | 'values'
> {
  /** undefined while loading; null when there is no such record (or it was deleted). */
  readonly record: Stored<T> | null | undefined;
  /** What the form shows: the stored record with the unsaved edits on top. */
  readonly values: T;
  readonly change: (patch: Patch) => void;
  /** Writes whatever is pending now (before deleting or leaving, say). */
  readonly flush: () => Promise<void>;
  readonly restoreAside: () => void;
  readonly discardAside: () => void;
  readonly dismissChangedElsewhere: () => void;
}

/** A field record, saved as it is typed. */
export function useAutosavedRecord(caseId: string, kind: RecordKind, id: string): AutosavedRecord {
  const [store] = useState(() => recordStore(kind));
  return useAutosaved(caseId, store, id);
}

/**
 * Any record of `store`, saved as it is typed, in the store's own types. `store` must not
 * change while mounted. The autosaver serves every table, so it holds records untyped: this is
 * the one place they are given their table's type again (what it holds is a stored record of
 * that table, with edits of this form on top).
 */
export function useAutosaved<T extends object>(
  caseId: string,
  store: TypedStore<T>,
  id: string,
): AutosavedRecord<T> {
  const deviceId = useDeviceId();
  const [saver] = useState(
    () =>
      new Autosaver(store as unknown as AutosaveStore, id, {
        journal,
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
  const state = useSyncExternalStore(saver.subscribe, saver.getState);
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
    const onHidden = () => document.visibilityState === 'hidden' && saveNow();
    window.addEventListener('pagehide', saveNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unwatch();
      window.removeEventListener('pagehide', saveNow);
      document.removeEventListener('visibilitychange', onHidden);
      void saver.leave(); // leaving the editor within the app
      saver.dispose();
    };
  }, [saver, store, id]);

  // Stable for the editor's life: forms memoise their fields on them (see fieldRows.tsx).
  const actions = useMemo(
    () => ({
      change: (patch: Patch) => saver.change(patch),
      flush: () => saver.flush(),
      restoreAside: () => saver.restoreAside(),
      discardAside: () => saver.discardAside(),
      dismissChangedElsewhere: () => saver.dismissChangedElsewhere(),
    }),
    [saver],
  );
  return {
    ...(state as unknown as Pick<AutosavedRecord<T>, 'record' | 'values'> & EditorState),
    ...actions,
  };
}
