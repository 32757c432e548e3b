/**
 * A generated case as the rows of every table, exactly as the app stores them after loading it
 * through the path for foreign rows (renderer/db/write.ts `storeForeign`): each record with this
 * laptop's change sequence, its list row made by the same `summarize`, every revision, the
 * files by SHA-256, and the local settings that go with it. Benchmarks bulk-put these to seed a
 * database in seconds; a unit test checks that they equal what loading the demo stores.
 */
import { RECORD_SPECS, isRecordKind } from '../domain/records';
import { summarize } from '../domain/records/summary';
import type { BinaryLike } from '../domain/stored.schema';
import type { TableName } from '../domain/tables';
import type { DemoCase } from './generate';

/**
 * The local setting that says this laptop loaded a case as the demo (see demo.repository.ts for
 * why the mark that allows removing it is local, not a field of the case).
 */
export const demoSettingKey = (caseId: string) => `demoCase:${caseId}`;

/** Keys of renderer/db (write.ts, settings.repository.ts): the sequence, the current member. */
const SEQ_KEY = 'seq';
const currentMemberKey = (caseId: string) => `currentMember:${caseId}`;

export interface DemoRowsOptions {
  /** The first change sequence number to use: one more than the database's current one. */
  readonly firstSeq?: number;
  /** Makes the stored form of a file (a Blob in the renderer; shared/ has no DOM). */
  readonly toBlob: (bytes: Uint8Array<ArrayBuffer>, mime: string) => BinaryLike;
}

/** Every table, with the rows the case adds to it (none for tables it has nothing in). */
export type DemoRows = { readonly [T in TableName]: readonly object[] };

export function demoRows(demo: DemoCase, options: DemoRowsOptions): DemoRows {
  let seq = (options.firstSeq ?? 1) - 1;
  const records: Record<string, object[]> = {};
  const summaries: object[] = [];
  for (const { table, row } of demo.rows) {
    const stored = { ...row, seq: ++seq };
    (records[table] ??= []).push(stored);
    if (isRecordKind(table)) summaries.push(summarize(RECORD_SPECS[table], stored));
  }
  const revisions = demo.revisions.map((r) => ({ ...r, seq: ++seq }));
  const table = (name: string) => records[name] ?? [];
  return {
    cases: table('cases'),
    members: table('members'),
    interviews: table('interviews'),
    docReviews: table('docReviews'),
    siteVisits: table('siteVisits'),
    petitions: table('petitions'),
    findings: table('findings'),
    clues: table('clues'),
    attachments: table('attachments'),
    ledgerItems: table('ledgerItems'),
    tasks: table('tasks'),
    rechecks: table('rechecks'),
    compareLists: table('compareLists'),
    compareRules: table('compareRules'),
    compareHits: table('compareHits'),
    revisions,
    blobs: demo.blobs.map((b) => ({
      sha256: b.sha256,
      size: b.size,
      blob: options.toBlob(b.bytes, b.mime),
    })),
    summaries,
    settings: [
      { key: SEQ_KEY, value: String(seq) },
      { key: currentMemberKey(demo.caseId), value: demo.leaderId },
      { key: demoSettingKey(demo.caseId), value: demo.caseId },
    ],
    journal: [],
    conflicts: [],
    auditLog: [],
  };
}
