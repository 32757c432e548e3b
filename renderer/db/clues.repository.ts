/**
 * 问题线索: readable only by the 组长 and by the member who registered the clue. Every read and
 * write here goes through access.ts, like the history and the statistics do.
 *
 * The audit log notes who opened a clue (once per opening) and who changed it: registering and
 * deleting each time, edits once per opening (autosave writes every few hundred milliseconds),
 * and again after SESSION_MS of editing in one opening. Each entry is written in the
 * transaction of the write it records.
 */
import { ulid } from 'ulid';
import {
  clueFields,
  type ClueFields,
  type ClueRecord,
} from '../../shared/domain/findings/clue.schema';
import type { Patch } from '../../shared/domain/record';
import { splitPatch } from '../../shared/domain/records/check';
import { COLLECTIONS } from '../../shared/domain/tables';
import { parseOrThrow, ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { AccessRules } from './access';
import { AUDIT_SCOPE, type AuditRepository } from './audit.repository';
import type { WorkbenchDB } from './database';
import { SESSION_MS, type Actor, type WritePath } from './write';

/** What the log calls a clue: its 被反映人, as the list shows it. */
const titleOf = (clue: ClueFields) => (clue.subjectName || zh.records.untitled).slice(0, 255);

export function cluesRepository(
  db: WorkbenchDB,
  w: WritePath,
  access: AccessRules,
  audit: AuditRepository,
) {
  const scope = () => [...w.scope('clues', 'members'), ...AUDIT_SCOPE.map((t) => db.table(t))];
  /** Edits noted in the log, by laptop, member and clue: when, in this opening of the clue. */
  const noted = new Map<string, number>();
  const editing = (id: string, actor: Actor) => `${actor.deviceId}/${actor.memberId}/${id}`;

  async function readable(id: string, actor: Actor): Promise<ClueRecord> {
    const clue = await db.clues.get(id);
    if (!clue || clue.deleted) throw new ValidationError({ _: zh.validation.notFound });
    await access.assert('clues', clue, actor);
    return clue;
  }

  return {
    /** The clues this member may see, newest first. */
    async list(caseId: string, actor: Actor): Promise<ClueRecord[]> {
      const all = (await db.clues.where('caseId').equals(caseId).toArray()).filter(
        (c) => !c.deleted,
      );
      return (await access.filter('clues', all, actor)).sort((a, b) => b.id.localeCompare(a.id));
    },

    /** How many clues this member may see: what the case overview shows. */
    async count(caseId: string, actor: Actor): Promise<number> {
      return (await this.list(caseId, actor)).length;
    },

    /** One clue, or a ValidationError when this member may not see it. */
    get: readable,

    /**
     * Notes in the audit log that this member opened the clue (its drawer): call once per
     * opening. A ValidationError, and no entry, when this member may not see it.
     */
    async opened(id: string, actor: Actor): Promise<void> {
      noted.delete(editing(id, actor)); // a new opening: its first edit is noted again
      await db.transaction('rw', scope(), async () => {
        const clue = await readable(id, actor);
        await audit.write(clue.caseId, 'clueView', { clueId: id, title: titleOf(clue) }, actor);
      });
    },

    async create(
      caseId: string,
      actor: Actor,
      init: Partial<ClueFields> = {},
    ): Promise<ClueRecord> {
      const fields = parseOrThrow(clueFields, init);
      return db.transaction('rw', scope(), async () => {
        const clue = await w.insert('clues', { id: ulid(), caseId }, fields, actor);
        const detail = { clueId: clue.id, title: titleOf(clue), change: 'create' as const };
        await audit.write(caseId, 'clueChange', detail, actor);
        return clue;
      });
    },

    async patch(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: ClueRecord; refused: FieldErrors }> {
      const key = editing(id, actor);
      const now = Date.parse(w.contextOf(actor).now);
      const since = noted.get(key);
      const due = since === undefined || !(now - since >= 0 && now - since <= SESSION_MS);
      const saved = await db.transaction('rw', scope(), async () => {
        const current = await readable(id, actor);
        const { accepted, refused } = splitPatch(
          clueFields.shape,
          patch,
          current,
          COLLECTIONS.clues,
        );
        const record = await w.update<ClueFields>('clues', id, accepted, actor);
        const changed = record.seq !== current.seq;
        if (changed && due) {
          const detail = { clueId: id, title: titleOf(record), change: 'edit' as const };
          await audit.write(current.caseId, 'clueChange', detail, actor);
        }
        return { record, refused, logged: changed && due };
      });
      if (saved.logged) noted.set(key, now); // once committed
      return { record: saved.record, refused: saved.refused };
    },

    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', scope(), async () => {
        const clue = await readable(id, actor);
        await w.remove('clues', id, actor);
        const detail = { clueId: id, title: titleOf(clue), change: 'delete' as const };
        await audit.write(clue.caseId, 'clueChange', detail, actor);
      });
    },
  };
}

export type CluesRepository = ReturnType<typeof cluesRepository>;
