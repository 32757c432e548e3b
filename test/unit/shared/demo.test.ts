import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DEMO_SCALES, demoRows, generateDemoCase, type DemoCase } from '../../../shared/demo';
import {
  RECORD_TABLES,
  checkRecordRow,
  parseBlobRow,
  parseRevision,
} from '../../../shared/domain/tables';
import { attachmentFields } from '../../../shared/domain/stored.schema';
import type { FindingRecord } from '../../../shared/domain/findings/finding.schema';

const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const options = { sha256, today: '2026-11-23', leaderDeviceId: '01JDLEADERLAPTOP0000000000' };

const byTable = (demo: DemoCase, table: string) =>
  demo.rows.filter((r) => r.table === table).map((r) => r.row as Record<string, unknown>);

describe('the demo case generator', () => {
  it('gives the same rows, revisions and file bytes for the same options', async () => {
    const a = await generateDemoCase(options);
    const b = await generateDemoCase(options);
    expect(b).toEqual(a);
    const other = await generateDemoCase({ ...options, seed: 7 });
    expect(other.caseId).not.toBe(a.caseId);
  });

  it('writes rows the app would accept from another laptop: every one passes the stored-row checks', async () => {
    const demo = await generateDemoCase(options);
    for (const { table, row } of demo.rows) expect(() => checkRecordRow(table, row)).not.toThrow();
    for (const revision of demo.revisions) expect(() => parseRevision(revision)).not.toThrow();
    const rows = demoRows(demo, { toBlob: (bytes, mime) => new Blob([bytes], { type: mime }) });
    for (const blob of rows.blobs) expect(() => parseBlobRow(blob)).not.toThrow();
    // Every dot of a record is the dot of one of its revisions, and its last revision's vector
    // is the record's: history replays to exactly what is stored.
    for (const { row } of demo.rows) {
      const own = demo.revisions.filter((r) => r.recordId === row.id);
      expect(own.length).toBe(row.rev);
      expect(own.at(-1)!.vv).toEqual(row.vv);
      const dots = new Set(own.map((r) => r.dot.join('/')));
      for (const dot of Object.values(row.clocks)) expect(dots).toContain(dot.join('/'));
    }
  });

  it('is the case the brief describes: a team of five and the records of three weeks, in Chinese', async () => {
    const demo = await generateDemoCase(options);
    const count = (t: string) => byTable(demo, t).length;
    expect(count('members')).toBe(5);
    expect(count('interviews')).toBe(DEMO_SCALES.demo.interviews);
    expect(count('docReviews')).toBe(DEMO_SCALES.demo.docReviews);
    expect(count('siteVisits')).toBe(DEMO_SCALES.demo.siteVisits);
    expect(count('petitions')).toBe(DEMO_SCALES.demo.petitions);
    expect(count('clues')).toBe(DEMO_SCALES.demo.clues);
    const findings = byTable(demo, 'findings') as unknown as FindingRecord[];
    const statuses = findings.map((f) => f.status);
    for (const s of ['draft', 'pending', 'returned', 'confirmed', 'merged'] as const)
      expect(statuses).toContain(s);
    expect(findings.find((f) => f.status === 'returned')!.reviewComment).not.toBe('');
    const merged = findings.find((f) => f.status === 'merged')!;
    expect(findings.map((f) => f.id)).toContain(merged.mergedInto);
    // Findings are ordered by distinct fractional keys.
    expect(new Set(findings.map((f) => f.order)).size).toBe(findings.length);
    // Attachments name files that are there, with their SHA-256.
    const files = byTable(demo, 'attachments').map((a) => attachmentFields.parse(a));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const blob = demo.blobs.find((b) => b.sha256 === f.sha256)!;
      expect(await sha256(blob.bytes)).toBe(f.sha256);
      expect(blob.size).toBe(f.size);
    }
    // The four matters, in the words of the records.
    const text = JSON.stringify(demo.rows);
    for (const word of ['营养餐', '低保', '工程', '公车']) expect(text).toContain(word);
    // Nothing is dated on or after the day it is loaded.
    for (const r of demo.revisions) expect(r.at < '2026-11-23T00:00:00.000Z').toBe(true);
  });

  it('list rows are those the app makes, with one change sequence over rows and revisions', async () => {
    const demo = await generateDemoCase(options);
    const rows = demoRows(demo, { firstSeq: 10, toBlob: (b, type) => new Blob([b], { type }) });
    const fieldRecords = ['interviews', 'docReviews', 'siteVisits', 'petitions'] as const;
    expect(rows.summaries.length).toBe(fieldRecords.reduce((n, t) => n + rows[t].length, 0));
    const written = [...RECORD_TABLES.flatMap((t) => rows[t]), ...rows.revisions];
    const seqs = written.map((r) => (r as { seq: number }).seq);
    for (const s of rows.summaries as { id: string; seq: number }[]) {
      const record =
        rows[fieldRecords.find((t) => rows[t].some((r) => (r as { id: string }).id === s.id))!];
      expect(record.find((r) => (r as { id: string }).id === s.id)).toMatchObject({ seq: s.seq });
    }
    expect(Math.min(...seqs)).toBe(10);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(rows.settings).toContainEqual({ key: 'seq', value: String(Math.max(...seqs)) });
  });

  it('at the large scale holds what the benchmarks seed with, rows as checked as the demo’s', async () => {
    const demo = await generateDemoCase({ ...options, scale: 'large' });
    const count = (t: string) => byTable(demo, t).length;
    expect(count('interviews')).toBe(2000);
    expect(count('docReviews')).toBe(1000);
    expect(count('siteVisits')).toBe(500);
    expect(count('findings')).toBe(300);
    expect(count('members')).toBe(10);
    const statuses = new Set(byTable(demo, 'findings').map((f) => f.status));
    expect([...statuses].sort()).toEqual(['confirmed', 'draft', 'merged', 'pending', 'returned']);
    // Every 25th row and revision (all of them take a while; the demo test checks every one).
    demo.rows.forEach(({ table, row }, i) => i % 25 === 0 && checkRecordRow(table, row));
    demo.revisions.forEach((r, i) => i % 25 === 0 && parseRevision(r));
  }, 120_000);

  it('refuses a count that is not a whole positive number', async () => {
    const counts = { ...DEMO_SCALES.demo, interviews: 0 };
    await expect(generateDemoCase({ ...options, scale: counts })).rejects.toThrow(/interviews/);
  });
});
