/**
 * Who may read what, in one place: every read path of a protected table (list, get, history,
 * statistics, search, export) asks here, so no screen can leak a clue by forgetting to hide it.
 *
 * Protected are 问题线索, readable only by the 组长 and by the member who registered the clue
 * (shared/domain/findings/clue.schema.ts, canSeeClue), and a 回头看's copies of the earlier
 * round's clues, under the same rule (isClueRow).
 */
import { canSeeClue } from '../../shared/domain/findings/clue.schema';
import { isClueRow } from '../../shared/domain/ledger/recheck.schema';
import type { MemberRole } from '../../shared/domain/member.schema';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import type { Actor } from './write';

export interface Viewer {
  readonly id: string;
  /** 'none' for a member taken off the team, or an unknown one: they read nothing protected. */
  readonly role: MemberRole | 'none';
}

export function accessRules(db: WorkbenchDB) {
  async function viewer(actor: Actor): Promise<Viewer> {
    const member = await db.members.get(actor.memberId);
    return member && !member.deleted ? member : { id: actor.memberId, role: 'none' };
  }

  function allows(table: string, row: { createdBy: string }, who: Viewer): boolean {
    if (!isClueRow(table, row)) return true;
    return who.role !== 'none' && canSeeClue(row, { id: who.id, role: who.role });
  }

  return {
    viewer,
    allows,

    /** The rows of `table` this actor may read. */
    async filter<R extends { createdBy: string }>(table: string, rows: R[], actor: Actor) {
      const who = await viewer(actor);
      return rows.filter((row) => allows(table, row, who));
    },

    /** Throws a ValidationError when this actor may not read `row`. */
    async assert(table: string, row: { createdBy: string }, actor: Actor): Promise<void> {
      if (!allows(table, row, await viewer(actor))) {
        throw new ValidationError({ _: zh.clue.forbidden });
      }
    },
  };
}

export type AccessRules = ReturnType<typeof accessRules>;
