/**
 * The 示例巡察任务 (shared/demo): loaded as rows from the team's laptops, through the one path
 * for foreign rows, and removed again in one step.
 *
 * Removing is the one hard delete in the app. Everything else is evidence and only ever gets a
 * tombstone; demo data is invented, never evidence, and a user who tried the app must be able
 * to leave no trace of it. So `remove` refuses any case that is not marked as a demo.
 */
import Dexie from 'dexie';
import { localIsoDate } from '../../shared/domain/dates';
import { RECORD_TABLES } from '../../shared/domain/tables';
import { ValidationError } from '../../shared/domain/validation';
import { generateDemoCase, isDemoCase } from '../../shared/demo';
import { zh } from '../../shared/i18n/zh-CN';
import type { WorkbenchDB } from './database';
import type { Clock, WritePath } from './write';

const currentMemberKey = (caseId: string) => `currentMember:${caseId}`;

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function demoRepository(db: WorkbenchDB, w: WritePath, clock: Clock) {
  return {
    /**
     * Stores the demo case as the 组长's laptop would hold it after merging the team's
     * packages, all in one transaction, with this laptop's user set to the 组长 (whose writes
     * carry this laptop's device id). A demo already here is kept: one demo at a time.
     */
    async load(deviceId: string): Promise<{ caseId: string }> {
      const existing = (await db.cases.toArray()).find((c) => !c.deleted && isDemoCase(c));
      if (existing) return { caseId: existing.id };
      const demo = await generateDemoCase({
        today: localIsoDate(new Date(clock.now())),
        leaderDeviceId: deviceId,
        sha256: (bytes) => sha256(Uint8Array.from(bytes)),
      });
      const blobs = demo.blobs.map(({ sha256, size, mime, bytes }) => ({
        sha256,
        size,
        blob: new Blob([bytes], { type: mime }),
      }));
      const tables = [...RECORD_TABLES, 'revisions', 'blobs', 'summaries', 'settings'];
      await db.transaction('rw', tables, async () => {
        await w.storeForeign({ rows: demo.rows, revisions: demo.revisions, blobs });
        await db.settings.put({ key: currentMemberKey(demo.caseId), value: demo.leaderId });
      });
      return { caseId: demo.caseId };
    },

    /**
     * Deletes a demo case and everything of it from every table: its records, revisions and
     * list rows, the files only it uses, this laptop's settings and unsaved edits for it.
     * Refuses (ValidationError) a case that is not a demo.
     */
    async remove(caseId: string): Promise<void> {
      const tables = [...RECORD_TABLES, 'revisions', 'blobs', 'summaries', 'settings', 'journal'];
      await db.transaction('rw', tables, async () => {
        const found = await db.cases.get(caseId);
        if (!found || !isDemoCase(found)) throw new ValidationError({ _: zh.demo.notDemo });
        const files = await db.attachments.where('caseId').equals(caseId).toArray();
        const recordKeys: string[] = [];
        for (const table of RECORD_TABLES) {
          const rows = db
            .table(table)
            .where(table === 'cases' ? 'id' : 'caseId')
            .equals(caseId);
          for (const key of (await rows.primaryKeys()) as string[])
            recordKeys.push(`${table}:${key}`);
          await rows.delete();
        }
        await db.revisions.where('caseId').equals(caseId).delete();
        await db.summaries
          .where('[caseId+seq]')
          .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
          .delete();
        // Bytes go only where no attachment of another case still names them.
        const hashes = new Set(files.flatMap((f) => [f.sha256, f.thumbSha256]).filter(Boolean));
        await db.attachments.each((a) => {
          hashes.delete(a.sha256);
          hashes.delete(a.thumbSha256);
        });
        await db.blobs.bulkDelete([...hashes]);
        await db.settings.delete(currentMemberKey(caseId));
        const journal = db.table('journal');
        await journal.bulkDelete(recordKeys.flatMap((k) => [`pending:${k}`, `aside:${k}`]));
      });
    },
  };
}

export type DemoRepository = ReturnType<typeof demoRepository>;
