/**
 * The audit log (issue 16, shared/domain/audit.schema.ts): entries appended, never changed or
 * deleted through the app. Each is sealed with its case's key like every row (atRest.ts: only
 * its id, case and change sequence stay readable), stamped with the change sequence so the next
 * package to the 组长 carries it, and checked against its schema before it is written.
 *
 * Who reads it: the 组长 every entry of the case, from every laptop that sent one; anyone else
 * the entries made on this laptop.
 */
import Dexie from 'dexie';
import { monotonicFactory } from 'ulid';
import {
  parseAuditEntry,
  type AuditAction,
  type AuditDetail,
  type AuditEntry,
} from '../../shared/domain/audit.schema';
import type { AccessRules } from './access';
import type { WorkbenchDB } from './database';
import type { SettingsRepository } from './settings.repository';
import type { Actor, Clock, WritePath } from './write';

/** The tables an entry's write needs: a caller's own transaction must include them. */
export const AUDIT_SCOPE = ['auditLog', 'settings'] as const;

export function auditRepository(
  db: WorkbenchDB,
  w: WritePath,
  settings: SettingsRepository,
  access: AccessRules,
  clock: Clock,
) {
  // Entries made in the same millisecond keep their order (the log is read newest first).
  const nextId = monotonicFactory();

  /** The member using this laptop for the case: bound by a join package, or chosen. */
  async function memberHere(caseId: string): Promise<string> {
    return (await settings.boundMember(caseId)) ?? (await settings.currentMember(caseId)) ?? '';
  }

  /**
   * Writes one entry, inside the caller's transaction over AUDIT_SCOPE (so it is written with
   * what it records, or not at all). Without an actor: this laptop and its member for the case.
   */
  async function write<A extends AuditAction>(
    caseId: string,
    action: A,
    detail: AuditDetail<A>,
    actor?: Actor,
  ): Promise<AuditEntry> {
    const at = clock.now();
    const entry = parseAuditEntry({
      id: nextId(Date.parse(at) || Date.now()),
      caseId,
      at,
      deviceId: actor?.deviceId ?? (await settings.deviceId()),
      memberId: actor?.memberId ?? (await memberHere(caseId)),
      action,
      detail,
      seq: await w.nextSeq(),
    });
    await db.auditLog.add(entry);
    return entry;
  }

  /** The cases of this laptop whose key it holds: those that can take an entry. */
  async function casesHere(): Promise<string[]> {
    const ids = await db.cases.toCollection().primaryKeys();
    return ids.filter((id) => !db.keys || db.keys.forCase(id) !== undefined);
  }

  /** Appends an entry to a case's log. */
  function append<A extends AuditAction>(
    caseId: string,
    action: A,
    detail: AuditDetail<A>,
    actor?: Actor,
  ): Promise<AuditEntry> {
    return db.transaction('rw', [...AUDIT_SCOPE], () => write(caseId, action, detail, actor));
  }

  /**
   * Appends the same entry to the log of every case on this laptop, each with the member using
   * it for that case (unlocking and locking concern them all). Returns how many were written.
   */
  function appendAll<A extends AuditAction>(action: A, detail: AuditDetail<A>): Promise<number> {
    return db.transaction('rw', ['cases', ...AUDIT_SCOPE], async () => {
      const cases = await casesHere();
      for (const caseId of cases) await write(caseId, action, detail);
      return cases.length;
    });
  }

  /**
   * A case's log as the reader on this laptop (`deviceId`) may read it, newest first: every
   * entry for the 组长, the entries of this laptop for anyone else (and while no member is
   * chosen). Reads only: live queries call it.
   */
  async function list(
    caseId: string,
    reader: { readonly deviceId: string; readonly memberId?: string | undefined },
  ): Promise<AuditEntry[]> {
    const all = await db.auditLog
      .where('[caseId+seq]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .toArray();
    const { deviceId, memberId } = reader;
    const leader =
      memberId !== undefined && (await access.viewer({ deviceId, memberId })).role === 'leader';
    return all
      .filter((e) => leader || e.deviceId === deviceId)
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || cmp(b.id, a.id));
  }

  return { write, append, appendAll, list };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type AuditRepository = ReturnType<typeof auditRepository>;
