/**
 * 示例巡察任务: a complete, realistic case generated from code, for trying the app out and for
 * benchmarks at larger scales. Pure and deterministic: the same options give the same rows,
 * revisions and file bytes on every machine (a seeded PRNG; no clock, no system randomness).
 *
 * The case is written as a team writes it, on several laptops: one device per member, the 组长
 * on `leaderDeviceId` (the laptop that loads it), every record created and then patched a few
 * times by whoever did that work, over three weeks of an inspection ending the day before
 * `today`. What comes out is what the 组长's laptop would hold after merging everyone's
 * packages: rows with their version vectors and dots, a revision per write, and the files.
 *
 * Two scales (DEMO_SCALES): `demo`, what the case list loads (a team of five, 30 interviews, 15
 * document reviews, 10 site visits, 8 petitions, 12 findings at every stage of review, 5 clues,
 * 4 photos and scans), and `large`, what the UI, package and document benchmarks seed with
 * (2,000 interviews, 1,000 document reviews, 500 visits, 300 findings). A larger case has a
 * larger team (up to ten) and more villages; its records repeat the demo's patterns.
 */
import { caseFieldsSchema } from '../domain/case.schema';
import { ANY_DAY, type IsoDate } from '../domain/dates';
import { memberFieldsSchema } from '../domain/member.schema';
import type { Stored } from '../domain/record';
import type { Revision } from '../domain/revision';
import type { RecordTable } from '../domain/tables';
import { calendar } from './calendar';
import { COUNTY, DEMO_ROUND, DEMO_TEAM, TOWN } from './content/cast';
import { BASIS } from './content/findings';
import type { DemoContext } from './context';
import { EvidencePool } from './evidence';
import { writeDocReviews, writePetitions, writeSiteVisits } from './fieldwork';
import { History } from './history';
import { writeInterviews } from './interviews';
import {
  Cast,
  TEAM,
  extraMemberTitle,
  fill,
  nameMaker,
  villagesAt,
  type TeamMember,
} from './people';
import { int, prng, ulidAt } from './random';
import { writeClues, writeFindings } from './review';

/**
 * Written before the demo's 被巡察单位, so wherever its rows go (lists, headers, printouts,
 * another laptop) no one takes the invented case for a real one. It is only a notice: what
 * makes a case removable as the demo is a local setting (see rows.ts, demo.repository.ts).
 */
export const DEMO_MARK = '【示例】';

/** How many of each thing a generated case holds. */
export interface DemoCounts {
  readonly interviews: number;
  readonly docReviews: number;
  readonly siteVisits: number;
  readonly petitions: number;
  readonly findings: number;
  readonly clues: number;
}

export const DEMO_SCALES = {
  demo: { interviews: 30, docReviews: 15, siteVisits: 10, petitions: 8, findings: 12, clues: 5 },
  large: {
    interviews: 2000,
    docReviews: 1000,
    siteVisits: 500,
    petitions: 160,
    findings: 300,
    clues: 60,
  },
} as const satisfies Record<string, DemoCounts>;

export type DemoScale = keyof typeof DEMO_SCALES;
export const DEMO_SEED = 20261123;
export const DEMO_UNIT = `${DEMO_MARK}${COUNTY}${TOWN}党委`;
export const DEMO_NOTES =
  '这是巡察工作台自带的示例数据，用来熟悉软件的各项功能。其中的单位、人员、事件和数字均为虚构，不是真实的巡察记录，不得作为工作依据。在任务列表中点“删除示例数据”即可一次全部删除。';

/** How long the team has been on site when the demo is loaded. */
const DAYS_ON_SITE = 23;

export interface DemoOptions {
  readonly seed?: number;
  /** A named scale (default `demo`), or counts of one's own (at least one of each). */
  readonly scale?: DemoScale | DemoCounts;
  /** The day it is loaded: every record is dated before it. */
  readonly today?: IsoDate;
  /** The laptop that loads the demo: the 组长's writes carry its device id. */
  readonly leaderDeviceId?: string;
  /** SHA-256 of a file's bytes as lowercase hex (shared/ has no crypto of its own). */
  readonly sha256: (bytes: Uint8Array) => Promise<string>;
  /**
   * Each member's laptop public key, by member id (the ids are the same for the same seed and
   * scale): written on their member row, as the app writes it before a first package.
   */
  readonly laptopKeys?: Readonly<Record<string, string>>;
}

export interface DemoBlob {
  readonly sha256: string;
  readonly size: number;
  readonly mime: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

export type DemoMember = TeamMember;

export interface DemoCase {
  readonly caseId: string;
  /** The 组长's member id: the current member of the laptop that loads the demo. */
  readonly leaderId: string;
  readonly members: readonly DemoMember[];
  /** Every record as it ends, with its table. */
  readonly rows: readonly { readonly table: RecordTable; readonly row: Stored<object> }[];
  /** Every write, oldest first. */
  readonly revisions: readonly Revision[];
  readonly blobs: readonly DemoBlob[];
}

export async function generateDemoCase(options: DemoOptions): Promise<DemoCase> {
  const counts =
    typeof options.scale === 'object' ? options.scale : DEMO_SCALES[options.scale ?? 'demo'];
  for (const [what, n] of Object.entries(counts)) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`${what}: not a positive count: ${n}`);
  }
  // How many times the demo's interview plan is repeated: the team and villages grow with it.
  const scale = counts.interviews / DEMO_SCALES.demo.interviews;
  const random = prng(options.seed ?? DEMO_SEED);
  const cal = calendar(options.today ?? '2026-11-23', DAYS_ON_SITE);
  const newId = (at: string) => ulidAt(at, random);

  // A week before arrival the 组长 sets up the case and the team; each member's laptop joins.
  const prepared = cal.time(-6, 15 * 60);
  const caseId = newId(prepared);
  const newName = nameMaker(
    random,
    TEAM.map((m) => m.name),
  );
  const size = Math.min(10, 4 + Math.ceil(scale));
  const team: TeamMember[] = Array.from({ length: size }, (_, i) => {
    const base = TEAM[i] ?? {
      name: newName(),
      role: 'member' as const,
      title: extraMemberTitle(random),
    };
    const device = i === 0 && options.leaderDeviceId ? options.leaderDeviceId : newId(prepared);
    return { ...base, id: newId(prepared), deviceId: device };
  });
  const leader = team[0]!;

  const history = new History(caseId, newId);
  const cast = new Cast(newName);
  const villages = villagesAt(scale);
  const fixed = {
    year: cal.year,
    students: int(random, 1100, 1300),
    staff: int(random, 80, 96),
    cars: 3,
  };
  const blobs = new Map<string, { mime: string; bytes: Uint8Array<ArrayBuffer> }>();
  const ctx: DemoContext = {
    random,
    caseId,
    history,
    cal,
    team,
    leader,
    cast,
    fixed,
    evidence: new EvidencePool(),
    villages,
    newId,
    fill: (template, village) => fill(template, { random, village, cast, fixed }),
    sha256: options.sha256,
    blobs,
  };

  history.create(
    'cases',
    caseId,
    caseFieldsSchema(ANY_DAY).parse({
      unitName: DEMO_UNIT,
      teamName: DEMO_TEAM,
      round: DEMO_ROUND,
      committee: '县委',
      mandate: '根据县委巡察工作统一部署',
      basisList: Object.values(BASIS),
      type: 'regular',
      status: 'preparing',
      startDate: cal.date(0),
      endDate: cal.date(DAYS_ON_SITE + 7),
      notes: DEMO_NOTES,
    }),
    leader,
    prepared,
  );
  team.forEach((m, i) => {
    const fields = memberFieldsSchema.parse({
      name: m.name,
      role: m.role,
      title: m.title,
      phone: '',
      ...(options.laptopKeys?.[m.id] && { recipient: options.laptopKeys[m.id] }),
    });
    history.create('members', m.id, fields, leader, cal.time(-6, 15 * 60 + 5 + i));
  });
  history.patch(caseId, { status: 'onsite' }, leader, cal.time(0, 8 * 60 + 30));

  seedCast(cast, villages);
  writeInterviews(ctx, counts.interviews);
  await writeDocReviews(ctx, counts.docReviews);
  await writeSiteVisits(ctx, counts.siteVisits);
  writePetitions(ctx, counts.petitions);
  writeFindings(ctx, counts.findings);
  writeClues(ctx, counts.clues);

  return {
    caseId,
    leaderId: leader.id,
    members: team,
    rows: history.allRows(),
    revisions: history.revisions(),
    blobs: [...blobs].map(([sha256, { mime, bytes }]) => ({
      sha256,
      size: bytes.length,
      mime,
      bytes,
    })),
  };
}

/** The people of the township the demo meets, named before anyone is talked to. */
function seedCast(cast: Cast, villages: readonly string[]) {
  const town = [
    'secretary',
    'mayor',
    'deputySecretary',
    'disciplineSecretary',
    'viceMayor',
    'viceMayorBuild',
    'officeDirector',
    'driver',
    'financeHead',
    'accountant',
    'welfareDirector',
    'buildDirector',
    'principal',
    'logistics',
    'canteen',
    'retired',
  ] as const;
  for (const role of town) cast.add(role);
  for (let i = 0; i < 3; i++) cast.add('teacher');
  for (const village of villages.slice(0, 4)) cast.add('villageSecretary', village);
}
