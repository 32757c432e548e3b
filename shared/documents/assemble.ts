/**
 * A case's rows (as the database holds them, or as a package carries them) made into what the
 * documents are built from. One function for every host, so the app and the command line count
 * and cite the same way; the figures are the dashboard's (list rows are derived by the same
 * `summarize`, and the same caseStats counts them).
 */
import type { CaseRecord } from '../domain/case.schema';
import type { IsoDate } from '../domain/dates';
import { canSeeClue, type ClueRecord } from '../domain/findings/clue.schema';
import type { FindingRecord } from '../domain/findings/finding.schema';
import type { LedgerItemRecord, TaskRecord } from '../domain/ledger/task.schema';
import type { RecheckRecord } from '../domain/ledger/recheck.schema';
import type { HitRecord, ListRecord, RuleRecord } from '../domain/compare/compare.schema';
import { caseStats } from '../domain/findings/stats';
import type { MemberRecord, MemberRole } from '../domain/member.schema';
import type { Stored } from '../domain/record';
import { isRecordKind, RECORD_SPECS } from '../domain/records';
import { summarize } from '../domain/records/summary';
import type { RecordTable } from '../domain/tables';
import { sourceOf, type DocumentCase, type Source } from './input';

export interface CaseRows {
  readonly rows: readonly { readonly table: RecordTable; readonly row: Stored<object> }[];
}

/**
 * `viewerId` is the member exporting; their role is read from the case's own rows, never taken
 * from the caller, so the clue report's 组长-only rule rests on the data.
 */
export function documentCase({ rows }: CaseRows, viewerId: string, today: IsoDate): DocumentCase {
  const live = (table: RecordTable) =>
    rows.filter((r) => r.table === table && !r.row.deleted).map((r) => r.row);
  const caseRecord = live('cases')[0] as CaseRecord | undefined;
  if (!caseRecord) throw new Error('no case among the rows');
  const members = live('members') as MemberRecord[];
  const role: MemberRole = members.find((m) => m.id === viewerId)?.role ?? 'member';
  const viewer = { id: viewerId, role };
  const findings = live('findings') as FindingRecord[];
  const allClues = live('clues') as ClueRecord[];
  const handedOver = allClues.filter((c) => c.receiver !== '');

  const headcounts: number[] = [];
  const counted = { docReviews: 0, siteVisits: 0, petitions: 0 };
  const sources: Record<string, Source> = {};
  const cited = new Set(
    [...findings, ...allClues].flatMap((f) => f.evidence.map((e) => e.recordId)),
  );
  for (const { table, row } of rows) {
    if (cited.has(row.id)) {
      sources[row.id] = sourceOf(
        table as Source['kind'],
        row as unknown as Record<string, unknown>,
      );
    }
    if (!isRecordKind(table)) continue;
    const summary = summarize(RECORD_SPECS[table], row);
    if (summary.state !== 'live' || summary.blank) continue;
    if (table === 'interviews') headcounts.push(summary.headcount);
    else counted[table] += 1;
  }
  const clues = allClues.filter((c) => canSeeClue(c, viewer));
  return {
    caseRecord,
    members,
    findings,
    ledgerItems: live('ledgerItems') as LedgerItemRecord[],
    tasks: live('tasks') as TaskRecord[],
    rechecks: live('rechecks') as RecheckRecord[],
    compare: {
      hits: (live('compareHits') as HitRecord[]).sort((a, b) => a.no - b.no),
      listNames: Object.fromEntries(
        rows
          .filter((r) => r.table === 'compareLists')
          .map((r) => {
            const l = r.row as ListRecord;
            return [l.id, l.name || l.fileName];
          }),
      ),
      ruleNames: Object.fromEntries(
        rows
          .filter((r) => r.table === 'compareRules')
          .map((r) => [r.row.id, (r.row as RuleRecord).meaning]),
      ),
    },
    clues,
    stats: caseStats({
      interviewHeadcounts: headcounts,
      ...counted,
      findings,
      clues: clues.length,
      compareHits: live('compareHits') as HitRecord[],
    }),
    handover: {
      clues: handedOver.length,
      people: new Set(handedOver.map((c) => c.subjectName).filter(Boolean)).size,
    },
    sources,
    viewer,
    today,
  };
}
