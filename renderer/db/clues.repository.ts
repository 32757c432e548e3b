/**
 * 问题线索: readable only by the 组长 and by the member who registered the clue. Every read and
 * write here goes through access.ts, like the history and the statistics do.
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
import type { WorkbenchDB } from './database';
import type { Actor, WritePath } from './write';

export function cluesRepository(db: WorkbenchDB, w: WritePath, access: AccessRules) {
  const scope = () => w.scope('clues', 'members');

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

    async create(
      caseId: string,
      actor: Actor,
      init: Partial<ClueFields> = {},
    ): Promise<ClueRecord> {
      const fields = parseOrThrow(clueFields, init);
      return db.transaction('rw', scope(), async () =>
        w.insert('clues', { id: ulid(), caseId }, fields, actor),
      );
    },

    async patch(
      id: string,
      patch: Patch,
      actor: Actor,
    ): Promise<{ record: ClueRecord; refused: FieldErrors }> {
      return db.transaction('rw', scope(), async () => {
        const current = await readable(id, actor);
        const { accepted, refused } = splitPatch(
          clueFields.shape,
          patch,
          current,
          COLLECTIONS.clues,
        );
        const record = await w.update<ClueFields>('clues', id, accepted, actor);
        return { record, refused };
      });
    },

    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', scope(), async () => {
        await readable(id, actor);
        await w.remove('clues', id, actor);
      });
    },
  };
}

export type CluesRepository = ReturnType<typeof cluesRepository>;
