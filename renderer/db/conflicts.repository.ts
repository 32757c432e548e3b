/**
 * Conflicts: fields two laptops wrote without either seeing the other's write. The record keeps
 * every side (siblings, shared/domain/merge.ts); this lists them with who wrote each side, when
 * and on which laptop, and settles one with a write that has seen them all. The 组长 settles
 * any; a member those in records they created (never a team, case or finding rule: those are
 * the 组长's).
 */
import { dotsOf, type Dot, type Stored } from '../../shared/domain/record';
import type { Revision } from '../../shared/domain/revision';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import type { RecordTable } from '../../shared/domain/tables';
import { splitPath, findElement } from '../../shared/domain/collections';
import { collectionsOf } from '../../shared/domain/tables';
import { RECORD_SPECS, isRecordKind } from '../../shared/domain/records';
import { titleOf as recordTitle } from '../../shared/domain/records/common';
import { fieldLabel } from '../../shared/domain/records/history';
import type { WorkbenchDB } from './database';
import type { AccessRules } from './access';
import { AUDIT_SCOPE, type AuditRepository } from './audit.repository';
import type { Actor, WritePath } from './write';

/** One side of a conflict: a value and the write that made it. */
export interface ConflictSide {
  readonly value: unknown;
  readonly dot: Dot;
  /** The write's revision, when this laptop has it: who and when. */
  readonly by?: string;
  readonly at?: string;
  /** Whether this is the value the record shows now. */
  readonly shown: boolean;
}

export interface ConflictView {
  readonly table: RecordTable;
  readonly recordId: string;
  readonly path: string;
  readonly title: string;
  /** The field (and for a 问/答 turn, which of the two) in the words of its form. */
  readonly label: string;
  /** For an answer, the question it answers (the 问 before it), so the sides can be read. */
  readonly question: string;
  readonly sides: readonly ConflictSide[];
  readonly canSettle: boolean;
}

const LEADER_TABLES: ReadonlySet<string> = new Set(['cases', 'members', 'findings']);

export function conflictsRepository(
  db: WorkbenchDB,
  w: WritePath,
  access: AccessRules,
  audit: AuditRepository,
) {
  function mayRead(
    table: string,
    row: Stored<object>,
    who: Awaited<ReturnType<AccessRules['viewer']>>,
  ) {
    return who.role === 'leader' || (row.createdBy === who.id && access.allows(table, row, who));
  }

  return {
    /** The conflicts this member may see (all for the 组长; their own records for a member). */
    async list(caseId: string, actor: Actor): Promise<ConflictView[]> {
      const who = await access.viewer(actor);
      const out: ConflictView[] = [];
      for (const entry of await db.conflicts.where('caseId').equals(caseId).toArray()) {
        const table = entry.table as RecordTable;
        const row = (await db.table(table).get(entry.recordId)) as Stored<object> | undefined;
        if (!row || !mayRead(table, row, who)) continue;
        const writes = await db.revisions.where('recordId').equals(row.id).toArray();
        const author = (dot: Dot) =>
          writes.find((r: Revision) => r.dot[0] === dot[0] && r.dot[1] === dot[1]);
        const values = row as unknown as Record<string, unknown>;
        for (const path of entry.paths) {
          const [field, key] = splitPath(path);
          const spec = collectionsOf(table)[field];
          const shownValue =
            key === undefined
              ? values[field]
              : (findElement(spec!, values[field] as unknown[], key) ?? null);
          const side = (value: unknown, dot: Dot, shown: boolean): ConflictSide => {
            const r = author(dot);
            return { value, dot, shown, ...(r ? { by: r.by, at: r.at } : {}) };
          };
          const clock = row.clocks[path];
          out.push({
            table,
            recordId: row.id,
            path,
            title: titleOf(table, values),
            label: labelOf(table, field, shownValue ?? row.siblings?.[path]?.[0]?.value),
            question: field === 'turns' && key ? questionBefore(values.turns, key) : '',
            sides: [
              ...(clock ? [side(shownValue, dotsOf(clock)[0]!, true)] : []),
              ...(row.siblings?.[path] ?? []).map((s) => side(s.value, s.dot, false)),
            ],
            canSettle:
              who.role === 'leader' || (!LEADER_TABLES.has(table) && row.createdBy === who.id),
          });
        }
      }
      return out;
    },

    /**
     * Settles the conflict at `path` with `value`: a new write that has seen every side. A
     * clue's is a change the audit log notes.
     */
    async settle(table: RecordTable, recordId: string, path: string, value: unknown, actor: Actor) {
      const scope = [...w.scope(table, 'members'), ...AUDIT_SCOPE.map((t) => db.table(t))];
      return db.transaction('rw', scope, async () => {
        const who = await access.viewer(actor);
        const row = (await db.table(table).get(recordId)) as Stored<object> | undefined;
        if (!row) throw new ValidationError({ _: zh.conflicts.gone });
        const allowed =
          who.role === 'leader' || (!LEADER_TABLES.has(table) && row.createdBy === who.id);
        if (!allowed) throw new ValidationError({ _: zh.conflicts.onlyLeader });
        const settled = await w.settle(table, recordId, path, value, actor);
        if (table === 'clues') {
          const { subjectName } = settled as Stored<{ subjectName?: string }>;
          const title = (subjectName || zh.records.untitled).slice(0, 255);
          const detail = { clueId: recordId, title, change: 'settle' as const };
          await audit.write(row.caseId, 'clueChange', detail, actor);
        }
      });
    },
  };
}

/** The record's name as its list shows it. */
function titleOf(table: RecordTable, values: Record<string, unknown>): string {
  if (isRecordKind(table)) return recordTitle(RECORD_SPECS[table], values);
  for (const key of ['title', 'unitName', 'name', 'subjectName']) {
    const v = values[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return '';
}

const OTHER_LABELS: Partial<Record<RecordTable, Readonly<Record<string, string>>>> = {
  cases: zh.case.fields,
  members: zh.member.fields,
  findings: zh.finding.fields,
  clues: zh.clue.fields,
};

/** A field's label; a 问/答 turn says which it is. */
function labelOf(table: RecordTable, field: string, value: unknown): string {
  const label = isRecordKind(table)
    ? fieldLabel(table, field)
    : (OTHER_LABELS[table]?.[field] ?? field);
  const speaker = (value as { speaker?: unknown } | null)?.speaker;
  if (speaker === 'q') return `${label}（${zh.interview.question}）`;
  if (speaker === 'a') return `${label}（${zh.interview.answer}）`;
  return label;
}

/** The text of the last 问 before turn `id`. */
function questionBefore(turns: unknown, id: string): string {
  if (!Array.isArray(turns)) return '';
  const list = turns as { id?: string; speaker?: string; text?: string }[];
  const at = list.findIndex((t) => t.id === id);
  for (let i = at - 1; i >= 0; i--) if (list[i]?.speaker === 'q') return list[i]?.text ?? '';
  return '';
}
