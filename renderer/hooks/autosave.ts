/**
 * The record editor's copy of a record, saved as the user types: no save button.
 *
 * Every change is written within SAVE_DELAY_MS of the first unsaved keystroke, even while the
 * user keeps typing (a throttle, not a debounce: a debounce would never save during a long
 * answer). When the page is hidden, closed or reloaded, whatever is pending is written at once.
 * So a crash loses at most the last half second.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { localIsoDate } from '../../shared/domain/dates';
import type { RecordKind } from '../../shared/domain/records';
import type { FieldErrors } from '../../shared/domain/validation';
import { repos } from '../db';
import type { FieldRecord } from '../db';
import { useActor } from './members';

export const SAVE_DELAY_MS = 300;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface AutosavedRecord {
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
  readonly change: (patch: Readonly<Record<string, unknown>>) => void;
  /** Writes whatever is pending now (before leaving the page, say). */
  readonly flush: () => Promise<void>;
}

export function useAutosavedRecord(caseId: string, kind: RecordKind, id: string): AutosavedRecord {
  const actor = useActor(caseId);
  const [record, setRecord] = useState<FieldRecord | null | undefined>(undefined);
  const [values, setValues] = useState<Readonly<Record<string, unknown>>>({});
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [failure, setFailure] = useState<string | null>(null);
  const [refused, setRefused] = useState<FieldErrors>({});
  const [missing, setMissing] = useState<FieldErrors>({});

  const pending = useRef<Record<string, unknown>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writing = useRef<Promise<void> | null>(null);
  const actorRef = useRef(actor);
  useEffect(() => {
    actorRef.current = actor;
  }, [actor]);

  useEffect(() => {
    let alive = true;
    void repos.records.get(kind, id).then((found) => {
      if (!alive) return;
      setRecord(found && !found.deleted ? found : null);
      if (found) {
        setValues(found);
        setMissing(repos.records.missing(kind, found, localIsoDate(new Date())));
      }
    });
    return () => {
      alive = false;
    };
  }, [kind, id]);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // One write at a time, in order: the next one starts when this one is done.
    while (writing.current) await writing.current;
    const patch = pending.current;
    const who = actorRef.current;
    if (Object.keys(patch).length === 0 || !who) return;
    pending.current = {};
    setStatus('saving');
    writing.current = (async () => {
      try {
        const result = await repos.records.patch(kind, id, patch, who, localIsoDate(new Date()));
        setRecord(result.record);
        setMissing(result.missing);
        setRefused((before) => {
          const next: Record<string, string> = { ...before };
          for (const key of Object.keys(patch)) delete next[key];
          return { ...next, ...result.refused };
        });
        setFailure(null);
        setStatus(Object.keys(pending.current).length > 0 ? 'pending' : 'saved');
      } catch (error) {
        // Keep the edits: put them back under anything typed since, and try again later.
        pending.current = { ...patch, ...pending.current };
        setFailure(error instanceof Error ? error.message : String(error));
        setStatus('error');
      } finally {
        writing.current = null;
      }
    })();
    await writing.current;
  }, [kind, id]);

  const change = useCallback(
    (patch: Readonly<Record<string, unknown>>) => {
      setValues((v) => ({ ...v, ...patch }));
      Object.assign(pending.current, patch);
      setStatus('pending');
      timer.current ??= setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the page, reloading, closing the window, or switching away: save now.
  useEffect(() => {
    const saveNow = () => void flush();
    const onHidden = () => document.visibilityState === 'hidden' && saveNow();
    window.addEventListener('pagehide', saveNow);
    window.addEventListener('beforeunload', saveNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', saveNow);
      window.removeEventListener('beforeunload', saveNow);
      document.removeEventListener('visibilitychange', onHidden);
      saveNow(); // leaving the editor within the app
    };
  }, [flush]);

  return { record, values, status, failure, refused, missing, change, flush };
}
