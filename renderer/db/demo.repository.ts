/**
 * The 示例巡察任务 (shared/demo): loaded as rows from the team's laptops, through the one path
 * for foreign rows, and removed again in one step.
 *
 * Where the mark lives. The case carries a visible notice in its data (【示例】 before the unit's
 * name, and its notes say it is invented), so the fiction shows wherever its rows go. What makes
 * a case *the demo* of this laptop, removable with one click, is a local setting written in the
 * same transaction as the rows (`demoCase:<id>`, shared/demo/rows.ts), not a field of the case:
 * - a field any member can edit (the unit's name) would let a real case renamed 【示例】… be
 *   deleted in one click, evidence and all;
 * - a field that travels would need a new case field on every laptop (a schema change and a
 *   migration) and would make a package from one laptop removable wholesale on another;
 * - this laptop loaded the demo, so this laptop knows; a copy that travelled elsewhere is data
 *   there like any other, and says 【示例】 in its name.
 *
 * Removing is the one hard delete in the app. Everything else is evidence and only ever gets a
 * tombstone; demo data is invented, never evidence, and a user who tried the app must be able
 * to leave no trace of it. So `remove` refuses any case this laptop did not load as the demo,
 * and it goes through the table registry (shared/domain/tables.ts): every table must say how it
 * lets go of a case, or this file does not compile.
 */
import Dexie from 'dexie';
import { localIsoDate } from '../../shared/domain/dates';
import { RECORD_TABLES, TABLES, type TableName } from '../../shared/domain/tables';
import { ValidationError } from '../../shared/domain/validation';
import type { DemoCase } from '../../shared/demo';
import { demoSettingKey } from '../../shared/demo/rows';
import { zh } from '../../shared/i18n/zh-CN';
import type { Attachment, WorkbenchDB } from './database';
import { sha256Hex } from './hash';
import { FOREIGN_SCOPE, type Clock, type WritePath } from './write';

const DEMO_PREFIX = demoSettingKey('');
const currentMemberKey = (caseId: string) => `currentMember:${caseId}`;

/** What loading is doing, for a message that never runs ahead of it. */
export type DemoStage = 'generating' | 'saving';

export interface DemoLoaded {
  readonly caseId: string;
  /** False when this laptop already had the demo: it was kept, nothing was written. */
  readonly created: boolean;
  /** Records stored, by table (nothing when `created` is false). */
  readonly counts: Readonly<Partial<Record<string, number>>>;
}

export interface DemoRemoved {
  /** Rows deleted, all tables together. */
  readonly rows: number;
  /** The records that went, for forgetting unsaved edits noted outside the database. */
  readonly records: readonly { readonly table: string; readonly id: string }[];
}

/** The app's file hash (hash.ts), so the demo's files are keyed exactly as attached ones. */
const sha256 = (bytes: Uint8Array) => sha256Hex(new Blob([Uint8Array.from(bytes)]));

export function demoRepository(db: WorkbenchDB, w: WritePath, clock: Clock) {
  const allTables = () => Object.keys(TABLES).map((name) => db.table(name));

  /** The live demo case of this laptop, if any. Inside a transaction that has settings. */
  async function current(): Promise<string | undefined> {
    const marks = await db.settings.where('key').startsWith(DEMO_PREFIX).toArray();
    for (const { value } of marks) {
      const found = await db.cases.get(value);
      if (found && !found.deleted) return value;
    }
    return undefined;
  }

  /** What is known of a case before any of it goes: its record ids, its files. */
  interface Leaving {
    readonly caseId: string;
    readonly records: ReadonlySet<string>;
    readonly files: readonly Attachment[];
    /** The files holding its 数据比对 lists' rows (people's names and numbers). */
    readonly listParts: readonly string[];
  }
  /** How each table lets go of a case: rows deleted. Run in this order, in one transaction. */
  type Remover = (leaving: Leaving) => Promise<number>;
  const byCase =
    (name: TableName, index = 'caseId'): Remover =>
    ({ caseId }) =>
      db.table(name).where(index).equals(caseId).delete();
  const removers: { readonly [T in TableName]: Remover } = {
    cases: byCase('cases', 'id'),
    members: byCase('members'),
    interviews: byCase('interviews'),
    docReviews: byCase('docReviews'),
    siteVisits: byCase('siteVisits'),
    petitions: byCase('petitions'),
    findings: byCase('findings'),
    clues: byCase('clues'),
    attachments: byCase('attachments'),
    ledgerItems: byCase('ledgerItems'),
    tasks: byCase('tasks'),
    rechecks: byCase('rechecks'),
    compareLists: byCase('compareLists'),
    compareRules: byCase('compareRules'),
    compareHits: byCase('compareHits'),
    revisions: byCase('revisions'),
    conflicts: byCase('conflicts'),
    auditLog: byCase('auditLog'),
    // After `attachments`: the bytes go only where no attachment of another case names them.
    blobs: async ({ files, listParts }) => {
      const hashes = new Set(
        [...files.flatMap((f) => [f.sha256, f.thumbSha256]), ...listParts].filter(Boolean),
      );
      await db.attachments.each((a) => {
        hashes.delete(a.sha256);
        hashes.delete(a.thumbSha256);
      });
      await db.compareLists.each((l) => l.parts.forEach((p) => hashes.delete(p.sha256)));
      const found = (await db.blobs.bulkGet([...hashes])).filter(Boolean).length;
      await db.blobs.bulkDelete([...hashes]);
      return found;
    },
    summaries: ({ caseId }) =>
      db.summaries
        .where('[caseId+seq]')
        .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
        .delete(),
    // Every per-case setting is keyed `<name>:<caseId>` (currentMember, demoCase).
    settings: ({ caseId }) => db.settings.filter((s) => s.key.endsWith(`:${caseId}`)).delete(),
    // Unsaved and kept-aside edits are keyed `<pending|aside>:<table>:<recordId>`.
    journal: ({ records }) =>
      db
        .table('journal')
        .filter((e: { key: string }) => records.has(e.key.slice(e.key.lastIndexOf(':') + 1)))
        .delete(),
  };

  return {
    /** The case this laptop loaded as the demo, if it still has it. */
    current: () => db.transaction('r', [db.settings, db.cases], current),

    /**
     * Generates the demo case and stores it as the 组长's laptop would hold it after merging the
     * team's packages: through the checked path for rows from other laptops, with this laptop's
     * user set to the 组长 (whose writes carry this laptop's device id) and the demo mark, all
     * in one transaction. A demo already here is kept: one demo at a time, even when two tabs
     * or two clicks ask at once (the check is inside the transaction; calls on this page while
     * one runs share it).
     */
    load: (() => {
      let running: Promise<DemoLoaded> | null = null;
      return (deviceId: string, onStage?: (stage: DemoStage) => void): Promise<DemoLoaded> => {
        running ??= (async () => {
          const existing = await db.transaction('r', [db.settings, db.cases], current);
          if (existing) return { caseId: existing, created: false, counts: {} };
          onStage?.('generating');
          // The generator and its texts (~100 kB) load only now, not with the app's first screen.
          const { generateDemoCase } = await import('../../shared/demo/generate');
          const demo: DemoCase = await generateDemoCase({
            today: localIsoDate(new Date(clock.now())),
            leaderDeviceId: deviceId,
            sha256,
          });
          const blobs = demo.blobs.map(({ sha256, size, mime, bytes }) => ({
            sha256,
            size,
            blob: new Blob([bytes], { type: mime }),
          }));
          const batch = await w.prepareForeign({
            rows: demo.rows,
            revisions: demo.revisions,
            blobs,
          });
          onStage?.('saving');
          return db.transaction('rw', [...FOREIGN_SCOPE], async (): Promise<DemoLoaded> => {
            const raced = await current();
            if (raced) return { caseId: raced, created: false, counts: {} };
            await w.storeForeign(batch);
            await db.settings.put({ key: currentMemberKey(demo.caseId), value: demo.leaderId });
            await db.settings.put({ key: demoSettingKey(demo.caseId), value: demo.caseId });
            const counts: Partial<Record<string, number>> = {};
            for (const { table } of demo.rows) counts[table] = (counts[table] ?? 0) + 1;
            return { caseId: demo.caseId, created: true, counts };
          });
        })().finally(() => {
          running = null;
        });
        return running;
      };
    })(),

    /**
     * Deletes the demo case and everything of it from every table, in one transaction: its
     * records, revisions and list rows, the files no other case uses, this laptop's settings
     * and unsaved edits for it. Refuses (ValidationError, nothing deleted) any other case.
     */
    async remove(caseId: string): Promise<DemoRemoved> {
      return db.transaction('rw', allTables(), async () => {
        const mark = await db.settings.get(demoSettingKey(caseId));
        if (!mark || !(await db.cases.get(caseId))) {
          throw new ValidationError({ _: zh.demo.notDemo });
        }
        const records: { table: string; id: string }[] = [];
        for (const table of RECORD_TABLES) {
          const index = table === 'cases' ? 'id' : 'caseId';
          const ids = await db.table(table).where(index).equals(caseId).primaryKeys();
          for (const id of ids as string[]) records.push({ table, id });
        }
        const leaving: Leaving = {
          caseId,
          records: new Set(records.map((r) => r.id)),
          files: await db.attachments.where('caseId').equals(caseId).toArray(),
          listParts: (await db.compareLists.where('caseId').equals(caseId).toArray()).flatMap((l) =>
            l.parts.map((p) => p.sha256),
          ),
        };
        let rows = 0;
        for (const name of Object.keys(removers) as TableName[]) {
          rows += await removers[name](leaving);
        }
        return { rows, records };
      });
    },
  };
}

export type DemoRepository = ReturnType<typeof demoRepository>;
