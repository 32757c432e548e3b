/**
 * Why a save failed, in words a user can act on, and whether trying again can help. Never the
 * raw English error: "UnknownError: IO error: FILE_ERROR_NO_SPACE" tells a 组员 nothing.
 */
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';

export type FailureKind =
  /** The disk is full: retried until there is room again. */
  | 'diskFull'
  /** A newer version of the app opened the database: stop, and reload. */
  | 'closed'
  /** The record is gone (deleted elsewhere) or may not be written by this member: stop. */
  | 'refused'
  /** Anything else (a busy disk, a connection Chromium closed): retried. */
  | 'other';

export interface SaveFailure {
  readonly kind: FailureKind;
  readonly message: string;
  /** Whether saving will be tried again by itself. */
  readonly retrying: boolean;
}

/** What the app knows beside the error itself (the error alone often cannot tell). */
export interface FailureContext {
  /** The write failed for lack of room (renderer/app/storageHealth.ts, noteWriteFailed). */
  readonly lackOfRoom?: boolean;
  /** Another window opened the database with a newer app, and this one closed it. */
  readonly newerVersion?: boolean;
}

export function describeFailure(error: unknown, context: FailureContext = {}): SaveFailure {
  const a = zh.autosave;
  if (error instanceof ValidationError) {
    return { kind: 'refused', message: a.refused(error.message), retrying: false };
  }
  if (context.newerVersion) return { kind: 'closed', message: a.closed, retrying: false };
  if (context.lackOfRoom) return { kind: 'diskFull', message: a.diskFull, retrying: true };
  return { kind: 'other', message: a.other, retrying: true };
}
