/**
 * Why a save failed, in words a user can act on, and whether trying again can help. Never the
 * raw English error: "QuotaExceededError" tells a 组员 nothing.
 */
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';

export type FailureKind =
  /** The disk (or the browser's share of it) is full: retry once space returns. */
  | 'diskFull'
  /** A newer version of the app opened the database: stop, and reload. */
  | 'closed'
  /** The record is gone (deleted elsewhere) or may not be written by this member: stop. */
  | 'refused'
  /** Anything else (a busy disk, an aborted transaction): retry. */
  | 'other';

export interface SaveFailure {
  readonly kind: FailureKind;
  readonly message: string;
  /** Whether saving will be tried again by itself. */
  readonly retrying: boolean;
}

function names(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error as { name?: unknown; inner?: unknown } | undefined; e;) {
    if (typeof e.name === 'string') out.push(e.name);
    e = e.inner as typeof e;
  }
  return out;
}

export function describeFailure(error: unknown): SaveFailure {
  const a = zh.autosave;
  const all = names(error);
  if (all.includes('QuotaExceededError')) {
    return { kind: 'diskFull', message: a.diskFull, retrying: true };
  }
  if (all.includes('DatabaseClosedError') || all.includes('VersionError')) {
    return { kind: 'closed', message: a.closed, retrying: false };
  }
  if (error instanceof ValidationError) {
    return { kind: 'refused', message: a.refused(error.message), retrying: false };
  }
  return { kind: 'other', message: a.other(all[0] ?? 'Error'), retrying: true };
}
