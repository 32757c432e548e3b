/**
 * The large case of issue 11 (DESIGN §7), written into the app's IndexedDB through the app's
 * own repositories and write path, so every row is what the app itself stores: version
 * vectors, list summaries, revisions, the change sequence. Runs in a page on the app's origin
 * (test/bench/pages/seed.ts), before the app is opened.
 *
 * The text is the search benchmark's generated case (test/bench/corpus.ts). When the demo
 * generator (shared/demo/generate.ts) lands, only `makeCase` below changes: it returns the
 * same plain shapes (interview fields with turns, review and visit fields, finding titles and
 * descriptions), and everything else here stays.
 *
 * Two batches, each of every kind: the first written with a clock that steps a second a write
 * (distinct updatedAt, as typed over weeks), the second with a clock that stands still (every
 * row sharing one updatedAt, as after a case package is imported).
 */
import { ulid } from 'ulid';
import { WorkbenchDB } from '../../renderer/db/database';
import { repositories, type Repositories } from '../../renderer/db/repositories';
import type { Actor, Clock } from '../../renderer/db/write';
import { localIsoDate } from '../../shared/domain/dates';
import { firstPositions } from '../../shared/domain/order';
import type { RecordKind } from '../../shared/domain/records';
import type { Turn } from '../../shared/domain/records/interview.schema';
import { generateCase } from './corpus';

export interface LargeCaseRequest {
  readonly interviews: number;
  readonly docReviews: number;
  readonly siteVisits: number;
  readonly findings: number;
  /** Turns of one more interview, the one typed into (0: none). */
  readonly longInterviewTurns: number;
}

export const ISSUE_11_CASE: LargeCaseRequest = {
  interviews: 2_000,
  docReviews: 1_000,
  siteVisits: 500,
  findings: 300,
  longInterviewTurns: 200,
};

export interface LargeCase {
  readonly caseId: string;
  /** The interview of `longInterviewTurns` turns, if asked for. */
  readonly longInterviewId?: string;
  /** Index of the turn to type into: an answer near the middle of the long interview. */
  readonly typedTurn: number;
  readonly records: number;
  readonly characters: number;
  readonly ms: number;
}

type Patch = Record<string, unknown>;

/** One record to store: its kind and the patch that fills it after creation. */
interface Made {
  readonly kind: RecordKind;
  readonly patch: Patch;
  readonly characters: number;
}

interface ParsedInterview {
  readonly name: string;
  readonly unit: string;
  readonly place: string;
  readonly turns: { speaker: 'q' | 'a'; text: string }[];
}

/** A generated interview's text, back into the fields the editor shows. */
function parseInterview(text: string): ParsedInterview {
  let name = '';
  let unit = '';
  let place = '';
  const turns: ParsedInterview['turns'] = [];
  for (const line of text.split('\n')) {
    const [label, ...rest] = line.split('：');
    const value = rest.join('：');
    if (label === '问' || label === '答') {
      turns.push({ speaker: label === '问' ? 'q' : 'a', text: value });
    } else if (turns.length > 0) {
      turns.at(-1)!.text += `\n${line}`; // the closing lines: part of the last answer
    } else if (label === '被谈话人') {
      [name = '', unit = ''] = value.split('，');
    } else if (label === '地点') {
      place = value;
    }
  }
  return { name, unit: unit.slice(0, 100), place, turns };
}

function interviewPatch(i: ParsedInterview): Made {
  const positions = firstPositions(i.turns.length);
  const patch: Patch = {
    place: i.place.slice(0, 200),
    interviewees: [{ name: i.name, unit: i.unit, title: '', political: '' }],
  };
  let characters = 0;
  i.turns.forEach((t, n) => {
    const turn: Turn = { id: ulid(), pos: positions[n]!, ...t };
    patch[`turns/${turn.id}`] = turn;
    characters += t.text.length;
  });
  return { kind: 'interviews', patch, characters };
}

/** The first line's value ("资料名称：…"), and the rest as the body. */
function headAndBody(text: string): [string, string] {
  const [first = '', ...rest] = text.split('\n');
  return [first.split('：').slice(1).join('：'), rest.join('\n')];
}

/** The case's records, by kind, in the order they are stored. See the note on the demo generator. */
function makeCase(request: LargeCaseRequest): {
  records: Made[];
  longInterview: ParsedInterview | undefined;
  findings: { title: string; description: string }[];
} {
  const docs = generateCase();
  const parsed = docs.filter((d) => d.kind === 'interview').map((d) => parseInterview(d.text));
  const records: Made[] = [];
  for (const i of parsed.slice(0, request.interviews)) records.push(interviewPatch(i));
  for (const d of docs.filter((d) => d.kind === 'docReview').slice(0, request.docReviews)) {
    const [, body] = headAndBody(d.text);
    records.push({
      kind: 'docReviews',
      patch: { title: d.title.slice(0, 200), extracts: body },
      characters: d.title.length + body.length,
    });
  }
  for (const d of docs.filter((d) => d.kind === 'siteVisit').slice(0, request.siteVisits)) {
    const [place, body] = headAndBody(d.text);
    records.push({
      kind: 'siteVisits',
      patch: { place: place.slice(0, 200), observations: body },
      characters: place.length + body.length,
    });
  }
  // Findings: a title and a description drawn from what the reviews found.
  const reviews = docs.filter((d) => d.kind === 'docReview');
  const findings = Array.from({ length: request.findings }, (_, n) => {
    const lines = reviews[n % reviews.length]!.text.split('\n').filter((l) => l.length > 20);
    return {
      title: `问题${n + 1}：${lines[0]!.slice(0, 40)}`,
      description: lines.slice(1, 4).join('\n'),
    };
  });
  const longInterview =
    request.longInterviewTurns > 0
      ? {
          name: '王某',
          unit: '县财政局',
          place: '谈话室',
          turns: parsed.flatMap((i) => i.turns).slice(0, request.longInterviewTurns),
        }
      : undefined;
  return { records, longInterview, findings };
}

/** A clock stepping one second a call from `start`. */
function steppingClock(start: Date): Clock {
  let at = start.getTime();
  return { now: () => new Date((at += 1_000)).toISOString() };
}

/**
 * Seeds the large case into the app's database (on this page's origin) and closes it. Half
 * of each kind with distinct timestamps, half sharing one (see the file's note).
 */
export async function seedLargeCase(request: LargeCaseRequest): Promise<LargeCase> {
  const start = performance.now();
  const today = localIsoDate(new Date());
  const day = 24 * 3600 * 1000;
  // Relaxed commits, many writes to a transaction: the rows are the same as the app's, written
  // in a fraction of the time (strict durability costs a flush per commit; not measured here).
  const db = new WorkbenchDB(undefined, { chromeTransactionDurability: 'relaxed' });
  const typed = repositories(db, { clock: steppingClock(new Date(Date.now() - 30 * day)) });
  const sharedAt = new Date(Date.now() - day).toISOString();
  const imported = repositories(db, { clock: { now: () => sharedAt } });
  await typed.open();
  const deviceId = await typed.settings.deviceId();
  const { caseRecord, creator } = await typed.cases.create(
    {
      unitName: '某县教育局党组',
      type: 'regular',
      startDate: '2026-01-05',
      endDate: '2026-12-20',
      creatorName: '张三',
    },
    deviceId,
    today,
  );
  const actor: Actor = { deviceId, memberId: creator.id };
  const { records, longInterview, findings } = makeCase(request);

  const store = async (repos: Repositories, made: Made): Promise<string> => {
    const { id } = await repos.records.create(made.kind, caseRecord.id, actor, today);
    const { refused } = await repos.records.patch(made.kind, id, made.patch, actor, today);
    if (Object.keys(refused).length > 0) throw new Error(`refused: ${JSON.stringify(refused)}`);
    return id;
  };
  const storeFinding = async (repos: Repositories, f: { title: string; description: string }) => {
    const { id } = await repos.findings.create(caseRecord.id, actor, { title: f.title });
    const { refused } = await repos.findings.patch(id, { description: f.description }, actor);
    if (Object.keys(refused).length > 0) throw new Error(`refused: ${JSON.stringify(refused)}`);
  };

  let longInterviewId: string | undefined;
  let typedTurn = 0;
  if (longInterview) {
    const made = interviewPatch(longInterview);
    longInterviewId = await store(typed, made);
    const middle = Math.floor(longInterview.turns.length / 2);
    typedTurn = longInterview.turns.findIndex((t, n) => n >= middle && t.speaker === 'a');
    if (typedTurn === -1) typedTurn = middle;
  }
  // Records alternate between the batches, so each kind is half in each. The repositories'
  // own transactions join the enclosing one (Dexie nests them), a hundred writes a commit.
  const chunk = 100;
  for (let i = 0; i < records.length; i += chunk) {
    await db.transaction('rw', db.tables, async () => {
      for (const [n, m] of records.slice(i, i + chunk).entries()) {
        await store((i + n) % 2 ? imported : typed, m);
      }
    });
  }
  // Each finding is placed after the last (its order key reads the others).
  for (let i = 0; i < findings.length; i += chunk) {
    await db.transaction('rw', db.tables, async () => {
      for (const [n, f] of findings.slice(i, i + chunk).entries()) {
        await storeFinding((i + n) % 2 ? imported : typed, f);
      }
    });
  }
  db.close();
  return {
    caseId: caseRecord.id,
    ...(longInterviewId ? { longInterviewId } : {}),
    typedTurn,
    records: records.length + findings.length + (longInterview ? 1 : 0),
    characters: records.reduce((sum, r) => sum + r.characters, 0),
    ms: performance.now() - start,
  };
}
