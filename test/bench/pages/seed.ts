/**
 * The UI benchmark's seeding page (npm run bench -- ui). Served on the app's own origin, so it
 * writes into the app's IndexedDB, through the app's own repositories and write path (list
 * rows, revisions, the change sequence: everything the app would have written had someone
 * typed it), before the app is opened. The interviews are the search benchmark's generated
 * case (test/bench/corpus.ts), their text split back into 问/答 turns.
 */
import { ulid } from 'ulid';
import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';
import { localIsoDate } from '../../../shared/domain/dates';
import { firstPositions } from '../../../shared/domain/order';
import type { Turn } from '../../../shared/domain/records/interview.schema';
import { generateCase } from '../corpus';

export interface SeedRequest {
  /** Interviews of the generated case to store, from its first. */
  readonly interviews: number;
  /** Turns of one more interview, made of the generated case's turns (0: none). */
  readonly longInterviewTurns: number;
}

export interface Seeded {
  readonly caseId: string;
  /** The interview of `longInterviewTurns` turns, if asked for. */
  readonly longInterviewId?: string;
  readonly characters: number;
  readonly ms: number;
}

interface Parsed {
  readonly name: string;
  readonly unit: string;
  readonly place: string;
  readonly turns: { speaker: 'q' | 'a'; text: string }[];
}

/** A generated interview's text, back into the fields the editor shows. */
function parse(text: string): Parsed {
  let name = '';
  let unit = '';
  let place = '';
  const turns: Parsed['turns'] = [];
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

async function seed(request: SeedRequest): Promise<Seeded> {
  const start = performance.now();
  const today = localIsoDate(new Date());
  const db = new WorkbenchDB();
  const repos = repositories(db);
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  const { caseRecord, creator } = await repos.cases.create(
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
  const actor = { deviceId, memberId: creator.id };
  const interviews = generateCase()
    .filter((d) => d.kind === 'interview')
    .map((d) => parse(d.text));
  let characters = 0;

  const store = async (interview: Parsed): Promise<string> => {
    const { id } = await repos.records.create('interviews', caseRecord.id, actor, today);
    const positions = firstPositions(interview.turns.length);
    const patch: Record<string, unknown> = {
      place: interview.place,
      interviewees: [{ name: interview.name, unit: interview.unit, title: '', political: '' }],
    };
    interview.turns.forEach((t, i) => {
      const turn: Turn = { id: ulid(), pos: positions[i]!, ...t };
      patch[`turns/${turn.id}`] = turn;
      characters += t.text.length;
    });
    const { refused } = await repos.records.patch('interviews', id, patch, actor, today);
    if (Object.keys(refused).length > 0) throw new Error(`refused: ${JSON.stringify(refused)}`);
    return id;
  };

  let longInterviewId: string | undefined;
  if (request.longInterviewTurns > 0) {
    const turns = interviews.flatMap((i) => i.turns).slice(0, request.longInterviewTurns);
    longInterviewId = await store({ name: '王某', unit: '县财政局', place: '谈话室', turns });
  }
  // A few at a time: IndexedDB queues them, and the page's awaits no longer add up.
  const parallel = 8;
  for (let i = 0; i < request.interviews; i += parallel) {
    await Promise.all(interviews.slice(i, Math.min(i + parallel, request.interviews)).map(store));
  }
  db.close();
  return {
    caseId: caseRecord.id,
    ...(longInterviewId ? { longInterviewId } : {}),
    characters,
    ms: performance.now() - start,
  };
}

declare global {
  interface Window {
    /** Called by the benchmark once this page has loaded. */
    benchSeed(request: SeedRequest): Promise<Seeded>;
  }
}
window.benchSeed = seed;
