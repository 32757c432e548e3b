/**
 * What a document is made from: one case as the 组长 (or a member) sees it, read once from the
 * database (renderer) or from a package (command line) and handed to the builders, which are
 * pure: the same input gives the same bytes on every host.
 */
import type { CaseRecord } from '../domain/case.schema';
import type { IsoDate } from '../domain/dates';
import type { ClueRecord } from '../domain/findings/clue.schema';
import type { FindingRecord } from '../domain/findings/finding.schema';
import type { CaseStats } from '../domain/findings/stats';
import type { MemberRecord, MemberRole } from '../domain/member.schema';
import type { InterviewRecord } from '../domain/records/interview.schema';
import type { LedgerItemRecord, TaskRecord } from '../domain/ledger/task.schema';
import type { RecheckRecord } from '../domain/ledger/recheck.schema';
import type { HitRecord } from '../domain/compare/compare.schema';
import type { RecordKind } from '../domain/records';
import { chineseDate } from '../domain/dates';
import { zh } from '../i18n/zh-CN';

/** A record a finding or clue cites, as a citation names it: 〔谈话记录 11月3日 王某〕. */
export interface Source {
  readonly kind: RecordKind | 'attachments' | 'rechecks' | 'compareLists';
  /** The record's date (YYYY-MM-DD), blank when it has none. */
  readonly date: string;
  /** What distinguishes it: the interviewee as 王某, a document's number or name, a place. */
  readonly label: string;
  /** The member who wrote the record (a 底稿's 发现人). */
  readonly by: string;
}

export interface DocumentCase {
  readonly caseRecord: CaseRecord;
  readonly members: readonly MemberRecord[];
  /** Live findings in any status (the report lists the confirmed and says why others are not). */
  readonly findings: readonly FindingRecord[];
  /** Live clues the viewer may read. */
  readonly clues: readonly ClueRecord[];
  /** The dashboard's figures: the report quotes the same. */
  readonly stats: CaseStats;
  /** Clues to hand over, all of them (the report quotes counts only, for any viewer). */
  readonly handover: { readonly clues: number; readonly people: number };
  /** The 整改台账 (issue 14): its 问题 and their 任务, live. */
  readonly ledgerItems: readonly LedgerItemRecord[];
  readonly tasks: readonly TaskRecord[];
  /** A 回头看's copies of the earlier round and their 复核, live (clue copies: counts only). */
  readonly rechecks: readonly RecheckRecord[];
  /** 数据比对: the 疑点 (live, in number order), and the names of lists and rules by id. */
  readonly compare: {
    readonly hits: readonly HitRecord[];
    readonly listNames: Readonly<Record<string, string>>;
    readonly ruleNames: Readonly<Record<string, string>>;
  };
  /** Every cited record, by id. */
  readonly sources: Readonly<Record<string, Source>>;
  /** Who is exporting: the clue report is the 组长's alone. */
  readonly viewer: { readonly id: string; readonly role: MemberRole };
  /** The date the document is dated (成文日期). */
  readonly today: IsoDate;
}

/** One interview's 笔录 also needs the interview itself. */
export interface InterviewDocument {
  readonly doc: DocumentCase;
  readonly interview: InterviewRecord;
}

/** "王某" for 王小明: reports name people by surname (the 底稿 keep full names). */
export const surnameOnly = (name: string) => (name ? `${[...name][0]}某` : '');

/** A cited record as a source, from its stored values (any kind). */
export function sourceOf(kind: Source['kind'], values: Record<string, unknown>): Source {
  const text = (key: string) => {
    const value = values[key];
    return typeof value === 'string' ? value : '';
  };
  const by = text('createdBy');
  switch (kind) {
    case 'interviews': {
      const people = (values.interviewees as { name?: string }[] | undefined) ?? [];
      const named = people.map((p) => surnameOnly(p.name ?? '')).filter(Boolean);
      return { kind, date: text('date'), label: named.slice(0, 2).join('、'), by };
    }
    case 'docReviews':
      return { kind, date: text('date'), label: text('refNo') || text('title'), by };
    case 'siteVisits':
      return { kind, date: text('date'), label: text('place'), by };
    case 'petitions':
      return { kind, date: text('receivedDate'), label: '', by };
    case 'attachments':
      return { kind, date: '', label: text('name'), by };
    case 'compareLists':
      return { kind, date: '', label: text('name') || text('fileName'), by };
    case 'rechecks': {
      const problem = values.problem as { draftNo?: string } | null | undefined;
      return { kind, date: '', label: problem?.draftNo ?? '', by };
    }
  }
}

/** The kind of a source as a document names it (谈话记录, 查阅资料 …). */
export const kindLabel = (kind: Source['kind']) => KIND_LABELS[kind];

const KIND_LABELS: Record<Source['kind'], string> = {
  interviews: zh.interview.title,
  docReviews: zh.docReview.title,
  siteVisits: zh.siteVisit.title,
  petitions: zh.petition.title,
  attachments: zh.finding.attachmentLabel,
  rechecks: zh.recheck.evidenceLabel,
  compareLists: zh.compare.evidenceLabel,
};

/** 〔谈话记录 11月3日 王某〕: kind, month and day, and what distinguishes it. */
export function citation(source: Source | undefined): string {
  if (!source) return '';
  const day = source.date ? chineseDate(source.date).replace(/^\d+年/, '') : '';
  return `〔${[KIND_LABELS[source.kind], day, source.label].filter(Boolean).join(' ')}〕`;
}
