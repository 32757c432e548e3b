/**
 * 问题线索: readable only by the 组长 and by the member who registered the clue. The check is
 * here, on every read and write, so no screen can leak a clue by forgetting to hide it.
 */
import { ulid } from 'ulid';
import {
  canSeeClue,
  clueFields,
  type ClueFields,
  type ClueRecord,
} from '../../shared/domain/findings/clue.schema';
import { splitPatch } from '../../shared/domain/records/check';
import { ValidationError, type FieldErrors } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import { contextOf, deleteRecord, insertRecord, updateRecord, type Actor } from './write';

export function cluesRepository(db: WorkbenchDB) {
  const tables = () => [db.clues, db.revisions, db.members];

  async function viewer(actor: Actor) {
    const member = await db.members.get(actor.memberId);
    // A member taken off the team sees nothing, whatever they wrote.
    return member && !member.deleted ? member : { id: actor.memberId, role: 'none' as const };
  }

  async function readable(id: string, actor: Actor): Promise<ClueRecord> {
    const clue = await db.clues.get(id);
    const who = await viewer(actor);
    if (!clue || clue.deleted) throw new ValidationError({ _: zh.validation.notFound });
    if (who.role === 'none' || !canSeeClue(clue, who)) {
      throw new ValidationError({ _: zh.clue.forbidden });
    }
    return clue;
  }

  return {
    /** The clues this member may see, newest first. */
    async list(caseId: string, actor: Actor): Promise<ClueRecord[]> {
      const who = await viewer(actor);
      if (who.role === 'none') return [];
      const all = await db.clues.where('caseId').equals(caseId).toArray();
      return all
        .filter((c) => !c.deleted && canSeeClue(c, who))
        .sort((a, b) => b.id.localeCompare(a.id));
    },

    /** One clue, or a ValidationError when this member may not see it. */
    get: readable,

    async create(
      caseId: string,
      actor: Actor,
      init: Partial<ClueFields> = {},
    ): Promise<ClueRecord> {
      const fields = clueFields.parse(init);
      return db.transaction('rw', tables(), async () =>
        insertRecord(db, 'clues', { id: ulid(), caseId }, fields, contextOf(actor)),
      );
    },

    async patch(
      id: string,
      patch: Readonly<Record<string, unknown>>,
      actor: Actor,
    ): Promise<{ record: ClueRecord; refused: FieldErrors }> {
      const { accepted, refused } = splitPatch(clueFields.shape, patch);
      return db.transaction('rw', tables(), async () => {
        await readable(id, actor);
        const record = await updateRecord<ClueFields>(db, 'clues', id, accepted, contextOf(actor));
        return { record, refused };
      });
    },

    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables(), async () => {
        await readable(id, actor);
        await deleteRecord(db, 'clues', id, contextOf(actor));
      });
    },
  };
}

export type CluesRepository = ReturnType<typeof cluesRepository>;
