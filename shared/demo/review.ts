/**
 * The demo's 发现问题 and 问题线索, and the 组长's review of them: a member drafts a finding from
 * passages of the records, fills it in, submits it; the 组长 confirms it, sends it back, or
 * merges a duplicate into it, on their own laptop. Clues are registered by several members.
 */
import { elementPath } from '../domain/collections';
import { clueFields, type ClueFields } from '../domain/findings/clue.schema';
import {
  evidenceKey,
  findingFields,
  type EvidenceRef,
  type FindingFields,
  type FindingStatus,
} from '../domain/findings/finding.schema';
import { mergePatches } from '../domain/findings/review';
import { positionAfter } from '../domain/order';
import { draftPrefix, nextDraftNo } from '../domain/report/draftNumber';
import type { Patch } from '../domain/record';
import { DEMO_ROUND, DEMO_TEAM, type Theme } from './content/cast';
import {
  CLUES,
  DUPLICATE_FINDING,
  FINDINGS,
  type ClueTemplate,
  type FindingTemplate,
  BASIS,
} from './content/findings';
import type { Fact } from './content/talks';
import type { DemoContext } from './context';
import type { Citable } from './evidence';
import type { TeamMember } from './people';
import { chance, int, pick, shuffle } from './random';

/** Twelve findings at scale 1: the statuses a case shows three weeks in. */
const PLAN: readonly { template: number | 'duplicate'; status: FindingStatus }[] = [
  { template: 0, status: 'confirmed' },
  { template: 1, status: 'confirmed' },
  { template: 2, status: 'confirmed' },
  { template: 3, status: 'confirmed' },
  { template: 4, status: 'pending' },
  { template: 5, status: 'pending' },
  { template: 6, status: 'pending' },
  { template: 7, status: 'returned' },
  { template: 8, status: 'draft' },
  { template: 9, status: 'draft' },
  { template: 10, status: 'draft' },
  { template: 'duplicate', status: 'merged' },
];
/** The finding of a round that the duplicate is merged into. */
const MERGE_TARGET = 3;
/** Later rounds use the templates scale 1 leaves out. */
const LATER_ROUNDS: Readonly<Record<number, number>> = { 9: 11, 10: 12 };

const CONFIRM_COMMENTS = [
  '事实清楚，证据充分，同意确认。',
  '同意，列入反馈问题清单。',
  '同意。请补充整改建议。',
];
const RETURN_COMMENT =
  '证据不足：请补充低保金发放花名册中已故人员的具体名单和停发时间，并与社会事务办核对后再提交。';

function workers(ctx: DemoContext): TeamMember[] {
  const others = ctx.team.filter((m) => m.role !== 'leader');
  return others.length > 0 ? others : [ctx.leader];
}

/**
 * The day a write-up about `facts` can be made (after what it rests on), and what it cites:
 * one or two interview answers, one passage of another record, and a photo or scan if any.
 */
function evidenceFor(
  ctx: DemoContext,
  facts: readonly Fact[],
  theme: Theme,
  wanted: number,
): { day: number; refs: EvidenceRef[]; village: string } {
  const { random, cal, evidence } = ctx;
  const day = Math.min(cal.lastDay - 3, Math.max(evidence.firstDay(facts, theme), wanted));
  const stated = evidence.about(facts, day);
  const onTheme = evidence.onTheme(theme, day);
  const turns = (list: Citable[]) => list.filter((c) => c.ref.turnId !== '');
  const answers =
    [turns(stated), turns(onTheme), evidence.turns(day)].find((l) => l.length > 0) ?? [];
  const papers = stated.filter((c) => c.ref.kind !== 'interviews' && c.ref.kind !== 'attachments');
  const files = stated.filter((c) => c.ref.kind === 'attachments');
  // Two people saying the same words is one piece of evidence, not two.
  const distinct = [...new Map(shuffle(random, answers).map((c) => [c.ref.excerpt, c])).values()];
  const chosen = [
    ...distinct.slice(0, int(random, 1, 2)),
    ...(papers.length > 0 ? [pick(random, papers)] : []),
    ...(files.length > 0 ? [pick(random, files)] : []),
  ];
  if (chosen.length === 0)
    throw new Error(`nothing to cite for ${facts.join(', ')} before day ${day}`);
  const seen = new Set<string>();
  const refs = chosen
    .map((c) => c.ref)
    .filter((r) => !seen.has(evidenceKey(r)) && seen.add(evidenceKey(r)));
  return { day, refs, village: chosen[0]!.village };
}

const evidenceWrites = (refs: readonly EvidenceRef[]): Patch =>
  Object.fromEntries(refs.map((r) => [elementPath('evidence', evidenceKey(r)), r]));

const words = (field: string, values: readonly string[]): Patch =>
  Object.fromEntries(values.map((v) => [elementPath(field, v), v]));

export function writeFindings(ctx: DemoContext, count: number): void {
  const orders: string[] = [];
  const numbers: string[] = [];
  const byRound = new Map<number, string>();
  const merges: { absorbed: string; round: number; day: number }[] = [];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / PLAN.length);
    const { template, status } = PLAN[i % PLAN.length]!;
    const index =
      template === 'duplicate' ? -1 : round > 0 ? (LATER_ROUNDS[template] ?? template) : template;
    const t = index === -1 ? DUPLICATE_FINDING : FINDINGS[index]!;
    const wanted = 6 + Math.floor(((i % PLAN.length) * 10) / PLAN.length);
    const { id, day } = writeFinding(ctx, t, status, wanted, orders, numbers);
    if (template === MERGE_TARGET) byRound.set(round, id);
    if (status === 'merged') merges.push({ absorbed: id, round, day });
  }
  for (const { absorbed, round, day } of merges) {
    const kept = byRound.get(round);
    if (kept) merge(ctx, kept, absorbed, day);
  }
}

function writeFinding(
  ctx: DemoContext,
  t: FindingTemplate,
  status: FindingStatus,
  wanted: number,
  orders: string[],
  numbers: string[],
): { id: string; day: number } {
  const { random, cal, history, leader } = ctx;
  const { day, refs, village } = evidenceFor(ctx, t.about, t.theme, wanted);
  const fill = (s: string) => ctx.fill(s, village);
  const author = pick(random, workers(ctx));
  const minute = int(random, 9 * 60, 17 * 60);
  const created = cal.time(day, minute);
  const id = ctx.newId(created);
  const order = positionAfter([...orders].sort());
  orders.push(order);
  const fields = findingFields.parse({ title: fill(t.title), evidence: refs.slice(0, 1), order });
  history.create('findings', id, fields, author, created);

  const amountFen = t.amount ? int(random, t.amount[0] * 10_000, t.amount[1] * 10_000) * 100 : null;
  history.patch(
    id,
    {
      description: fill(t.description),
      basis: BASIS[t.category] ?? '',
      ...words(
        'responsibilities',
        t.severity === 'general' ? ['principal'] : ['principal', 'direct'],
      ),
      immediate: chance(random, 0.3),
      category: t.category,
      severity: t.severity,
      amountFen,
      ...words('persons', [...new Set(t.persons.map((role) => ctx.cast.get(role, village).name))]),
      ...words('departments', t.departments.map(fill)),
      ...evidenceWrites(refs.slice(1)),
    },
    author,
    cal.time(day, minute + int(random, 25, 90)),
  );
  if (status === 'draft' || status === 'merged') return { id, day };

  const submitted = day + 1;
  history.patch(
    id,
    { status: 'pending' },
    author,
    cal.time(submitted, int(random, 8 * 60, 11 * 60)),
  );
  if (status === 'pending') return { id, day };

  // The team meeting in the afternoon: the 组长 decides on their own laptop.
  const reviewed = cal.time(
    Math.min(cal.lastDay, submitted + int(random, 1, 2)),
    int(random, 15 * 60, 17 * 60),
  );
  const decision =
    status === 'confirmed'
      ? { status, reviewComment: pick(random, CONFIRM_COMMENTS), draftNo: nextNumber(ctx, numbers) }
      : { status, reviewComment: RETURN_COMMENT };
  history.patch(id, decision, leader, reviewed);
  return { id, day };
}

/** The 底稿编号 the 组长's confirmation gives, as the app numbers them (draftNumber.ts). */
function nextNumber(ctx: DemoContext, numbers: string[]): string {
  const prefix = draftPrefix({
    startDate: ctx.cal.date(0),
    round: DEMO_ROUND,
    teamName: DEMO_TEAM,
  });
  const next = nextDraftNo(prefix ?? '', numbers);
  numbers.push(next);
  return next;
}

function merge(ctx: DemoContext, keptId: string, absorbedId: string, day: number): void {
  const { cal, history, leader, random } = ctx;
  const kept = history.get<FindingFields>(keptId);
  const absorbed = history.get<FindingFields>(absorbedId);
  const after = Math.max(Date.parse(kept.updatedAt), Date.parse(absorbed.updatedAt));
  let at = cal.time(Math.min(cal.lastDay, day + 2), int(random, 16 * 60, 17 * 60 + 30));
  if (Date.parse(at) <= after) at = new Date(after + 10 * 60_000).toISOString();
  const patches = mergePatches(kept, absorbed, keptId);
  history.patch(absorbedId, patches.absorbed, leader, at);
  history.patch(keptId, patches.kept, leader, new Date(Date.parse(at) + 1000).toISOString());
}

export function writeClues(ctx: DemoContext, count: number): void {
  const { team, leader } = ctx;
  // Registered by whoever came across them: several members, and the 组长.
  const authors = [team[2], team[3], leader, team[1], team[4]].filter((m): m is TeamMember => !!m);
  for (let i = 0; i < count; i++) {
    const t = CLUES[i % CLUES.length]!;
    writeClue(ctx, t, authors[i % authors.length]!, 7 + ((i * 3) % 12));
  }
}

function writeClue(ctx: DemoContext, t: ClueTemplate, author: TeamMember, wanted: number): void {
  const { random, cal, history, leader } = ctx;
  const { day, refs, village } = evidenceFor(ctx, t.about, t.theme, wanted);
  const subject = ctx.cast.get(t.subject, village);
  const created = cal.time(day, int(random, 19 * 60, 21 * 60));
  const id = ctx.newId(created);
  const fields: ClueFields = clueFields.parse({
    subjectName: subject.name,
    subjectTitle: subject.title,
    subjectUnit: subject.unit,
    allegation: ctx.fill(t.allegation, village),
    source: t.source,
    confidentiality: t.confidentiality,
    evidence: refs.slice(0, 1),
  });
  history.create('clues', id, fields, author, created);
  if (refs.length > 1) {
    history.patch(
      id,
      evidenceWrites(refs.slice(1)),
      author,
      cal.time(day + 1, int(random, 8 * 60, 9 * 60)),
    );
  }
  // The 组长 proposes how it is to be handled.
  const decided = cal.time(Math.min(cal.lastDay, day + 2), int(random, 17 * 60, 18 * 60));
  const handover =
    t.proposal === 'hold'
      ? {}
      : { receiver: 'discipline', receiverName: '县纪委监委第三监督检查室' };
  history.patch(id, { proposal: t.proposal, ...handover }, leader, decided);
}
