import { WorkbenchDB } from '../../../renderer/db/database';
import { memoryKeys } from '../../../renderer/db/keyring';
import { checkCharacter } from '../../../shared/domain/compare/idNumber';
import { matchRule, sideOf } from '../../../shared/domain/compare/match';
import { listRow, type ColumnMapping } from '../../../shared/domain/compare/rows';
import { repositories, type RepositoryOptions } from '../../../renderer/db/repositories';
import type { Clock } from '../../../renderer/db/write';

let n = 0;

/** A new, empty database, encrypted as the app's is, with the app's repositories over it. */
export async function freshRepos(options: RepositoryOptions = {}) {
  const db = new WorkbenchDB(`test-${Date.now()}-${n++}`, {}, memoryKeys());
  const repos = repositories(db, options);
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  return { db, repos, deviceId };
}

/** Every row of every table: to prove that a refused write changed nothing at all. */
export async function snapshot(db: WorkbenchDB) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}

/** A laptop clock the test moves by hand, forwards or (as real clocks do) backwards. */
export function handClock(start = '2026-11-23T02:00:00.000Z') {
  let now = Date.parse(start);
  const clock: Clock & { set(iso: string): void; advance(ms: number): void } = {
    now: () => new Date(now).toISOString(),
    set: (iso) => void (now = Date.parse(iso)),
    advance: (ms) => void (now += ms),
  };
  return clock;
}

export const newCase = {
  unitName: '某县教育局党组',
  teamName: '县委第二巡察组',
  round: '十五届县委第三轮',
  type: 'regular' as const,
  startDate: '2026-11-01',
  endDate: '2026-12-31',
  creatorName: '张三',
};

export const today = '2026-11-23';

/** A case with its 组长 as the current member, on a fresh database. */
export async function caseWithLeader(options: RepositoryOptions = {}) {
  const setup = await freshRepos(options);
  const { caseRecord, creator } = await setup.repos.cases.create(newCase, setup.deviceId, today);
  return {
    ...setup,
    caseId: caseRecord.id,
    actor: { deviceId: setup.deviceId, memberId: creator.id },
  };
}

/**
 * Makes findings that have all a confirmation needs (a title, a category, one piece of
 * evidence: an interview of the case); returns a function making one, which gives its id.
 */
export async function findingMaker(setup: Awaited<ReturnType<typeof caseWithLeader>>) {
  const { repos, caseId, actor } = setup;
  const interview = await repos.records.create('interviews', caseId, actor, today);
  const evidence = {
    kind: 'interviews' as const,
    recordId: interview.id,
    field: '',
    turnId: '',
    start: 0,
    end: 0,
    excerpt: '',
  };
  return async (title: string) => {
    const f = await repos.findings.create(caseId, actor, { title, evidence: [evidence] });
    await repos.findings.patch(f.id, { category: 'people.eightRules' }, actor);
    return f.id;
  };
}

/**
 * An earlier round with a ledger (two 问题: one task 销号, one still 整改中) and a clue handed
 * over, and a 回头看 case on the same laptop with its own 组长.
 */
export async function earlierRoundAndLookback() {
  const setup = await caseWithLeader();
  const { repos, db, caseId: priorId, actor: priorActor } = setup;
  await repos.cases.update(priorId, { feedbackDate: '2025-12-01' }, priorActor, today);
  const make = await findingMaker(setup);
  for (const title of ['公务用车私用', '超标准接待']) {
    const id = await make(title);
    await repos.findings.patch(id, { description: '2025年3月至6月，公车私用12次。' }, priorActor);
    await repos.findings.review(id, 'confirm', priorActor);
  }
  await repos.ledger.open(priorId, priorActor);
  const [carItem, mealItem] = await repos.ledger.items(priorId);
  const carTask = await repos.ledger.addTask(carItem!.id, priorActor);
  await repos.ledger.patchTask(carTask.id, { measure: '制定公车管理办法' }, priorActor);
  const scan = {
    name: '管理办法.pdf',
    mime: 'application/pdf',
    blob: new Blob(['扫描件']),
    thumbnail: null,
  };
  await repos.attachments.add(priorId, 'tasks', carTask.id, [scan], priorActor);
  await repos.ledger.close(
    carTask.id,
    { checkedBy: priorActor.memberId, date: '2026-03-01' },
    priorActor,
  );
  const mealTask = await repos.ledger.addTask(mealItem!.id, priorActor);
  await repos.ledger.patchTask(mealTask.id, { status: 'inProgress' }, priorActor);
  const clue = await repos.clues.create(priorId, priorActor, {
    subjectName: '王某某',
    allegation: '涉嫌违规发放补贴',
    receiver: 'discipline',
    handoverDate: '2025-12-10',
  });
  await repos.clues.create(priorId, priorActor, { subjectName: '未移交', allegation: '待查' });
  const made = await repos.cases.create(
    { ...newCase, type: 'lookback', round: '十五届县委第五轮', creatorName: '赵六' },
    setup.deviceId,
    today,
  );
  const caseId = made.caseRecord.id;
  const actor = { deviceId: setup.deviceId, memberId: made.creator.id };
  return { repos, db, priorId, priorActor, caseId, actor, clueId: clue.id, carItem: carItem! };
}

/** A valid ID number from its first 17 digits. */
export const validId = (first17: string) => first17 + checkCharacter(first17);
const valid = validId;
export const A = valid('32010619800101123');
export const B = valid('32010619751215004');
const MAP: ColumnMapping = {
  name: 0,
  id: 1,
  householder: -1,
  householderId: -1,
  relation: -1,
  address: -1,
  amount: -1,
  date: -1,
  birth: -1,
};
export const listRowsOf = (people: [string, string][], first = 2) =>
  people.map(([name, id], i) => listRow(first + i, [name, id], MAP));
export const listInput = (kind: 'dibao' | 'vehicle', name: string) => ({
  kind,
  name,
  fileName: `${name}.xlsx`,
  sheet: 'Sheet1',
  encoding: '',
  columns: ['姓名', '身份证号'],
  headerRow: 1,
  mapping: MAP,
});

/** A case with a 低保 list, a vehicle list and the preset rule; `run` runs it. */
export async function caseWithComparison() {
  const s = await caseWithLeader();
  const { repos, caseId, actor } = s;
  const dibao = await repos.compare.addList(
    caseId,
    listInput('dibao', '低保名单'),
    listRowsOf([
      ['张三', A],
      ['李四', B],
      ['王五', '1.10105E+17'],
      ['张三', A],
    ]),
    actor,
  );
  const cars = await repos.compare.addList(
    caseId,
    listInput('vehicle', '车辆登记'),
    listRowsOf([
      ['张三', A.slice(0, 6) + A.slice(8, 17)],
      ['李四', B],
    ]),
    actor,
  );
  const rule = await repos.compare.addRule(caseId, { preset: 'preset:dibao:vehicle' }, actor);
  const run = async () => {
    const side = async (id: string) => {
      const l = (await repos.compare.lists(caseId)).find((x) => x.id === id)!;
      return sideOf(l.id, l.columns, await repos.compare.rowsOf(l));
    };
    const ls = await repos.compare.lists(caseId);
    const of = async (kind: string) =>
      Promise.all(ls.filter((l) => l.kind === kind).map((l) => side(l.id)));
    const stored = (await repos.compare.getRule(rule.id))!;
    const matches = matchRule(
      { id: stored.id, household: stored.household, exemptions: stored.exemptions },
      await of('dibao'),
      await of('vehicle'),
    );
    return repos.compare.saveRun(caseId, rule.id, matches, actor);
  };
  return { ...s, dibao, cars, rule, run };
}
