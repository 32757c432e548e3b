import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../../shared/domain/compare/idNumber';
import { matchRule } from '../../../shared/domain/compare/match';
import { listRow, type ColumnMapping } from '../../../shared/domain/compare/rows';
import { zh } from '../../../shared/i18n/zh-CN';
import { caseWithLeader, snapshot } from './helpers';

const valid = (first17: string) => first17 + checkCharacter(first17);
const A = valid('32010619800101123');
const B = valid('32010619751215004');
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
const rows = (people: [string, string][], first = 2) =>
  people.map(([name, id], i) => listRow(first + i, [name, id], MAP));
const list = (kind: 'dibao' | 'vehicle', name: string) => ({
  kind,
  name,
  fileName: `${name}.xlsx`,
  sheet: 'Sheet1',
  encoding: '',
  columns: ['姓名', '身份证号'],
  headerRow: 1,
  mapping: MAP,
});

async function setup() {
  const s = await caseWithLeader();
  const { repos, caseId, actor } = s;
  const dibao = await repos.compare.addList(
    caseId,
    list('dibao', '低保名单'),
    rows([
      ['张三', A],
      ['李四', B],
      ['王五', '1.10105E+17'],
      ['张三', A],
    ]),
    actor,
  );
  const cars = await repos.compare.addList(
    caseId,
    list('vehicle', '车辆登记'),
    rows([
      ['张三', A.slice(0, 6) + A.slice(8, 17)],
      ['李四', B],
    ]),
    actor,
  );
  const rule = await repos.compare.addRule(caseId, { preset: 'preset:dibao:vehicle' }, actor);
  const run = async () => {
    const side = async (id: string) => {
      const l = (await repos.compare.lists(caseId)).find((x) => x.id === id)!;
      return { listId: l.id, columns: l.columns, rows: await repos.compare.rowsOf(l) };
    };
    const ls = await repos.compare.lists(caseId);
    const of = async (kind: string) =>
      Promise.all(ls.filter((l) => l.kind === kind).map((l) => side(l.id)));
    const matches = matchRule(
      { id: rule.id, household: false, exemptions: [] },
      await of('dibao'),
      await of('vehicle'),
    );
    return repos.compare.saveRun(caseId, rule.id, matches, actor);
  };
  return { ...s, dibao, cars, rule, run };
}

describe('数据比对 lists', () => {
  it('keep their rows as read, with the numbers that could not be read and the repeated ones counted', async () => {
    const { repos, dibao } = await setup();
    expect(dibao).toMatchObject({ rows: 4, problems: 1, duplicates: 1, kind: 'dibao' });
    const back = await repos.compare.rowsOf(dibao);
    expect(back.map((r) => [r.n, r.name, r.id, r.problem])).toEqual([
      [2, '张三', A, ''],
      [3, '李四', B, ''],
      [4, '王五', '', 'mangled'],
      [5, '张三', A, ''],
    ]);
  });

  it('travel in packages with their rows as files', async () => {
    const { repos, caseId, actor, dibao } = await setup();
    const leader = (await repos.members.get(actor.memberId))!;
    const { contents } = await repos.packages.outgoing(caseId, 'summary', leader);
    expect(contents.files.map((f) => f.sha256)).toContain(dibao.parts[0]!.sha256);
  });
});

describe('a run of a rule', () => {
  it('finds the 疑点 (through a 15-digit number too), numbers them, and keeps the 核实 over a rerun', async () => {
    const { repos, caseId, actor, run } = await setup();
    expect(await run()).toEqual({ added: 2, gone: 0, kept: 0 });
    // 张三 is in the 低保 list twice, row for row the same: one 疑点 (the list reports the repeat).
    const hits = await repos.compare.hits(caseId);
    expect(hits.map((h) => [h.no, h.name, h.way, h.sourceRow, h.targetRow])).toEqual([
      [1, '张三', 'id', 2, 2],
      [2, '李四', 'id', 3, 3],
    ]);
    expect(hits[0]!.description).toBe('享受低保对象待遇但名下登记有车辆');
    await repos.compare.patchHit(hits[1]!.id, { status: 'false', verifyNote: '车辆已过户' }, actor);
    expect(await run()).toEqual({ added: 0, gone: 0, kept: 2 });
    const again = await repos.compare.hits(caseId);
    expect(again[1]).toMatchObject({
      status: 'false',
      verifyNote: '车辆已过户',
      verifiedBy: actor.memberId,
    });
  });

  it('follows its rows when a list is replaced, and marks what is no longer found, never dropping it', async () => {
    const { repos, caseId, actor, cars, run } = await setup();
    await run();
    const [first] = await repos.compare.hits(caseId);
    await repos.compare.patchHit(first!.id, { status: 'true' }, actor);
    // The vehicle list again, 张三 now on row 3 and 李四 gone.
    await repos.compare.addList(
      caseId,
      list('vehicle', '车辆登记（更新）'),
      rows([
        ['赵六', valid('32010619900101001')],
        ['张三', A.slice(0, 6) + A.slice(8, 17)],
      ]),
      actor,
      cars.id,
    );
    expect(await run()).toEqual({ added: 0, gone: 1, kept: 1 });
    const hits = await repos.compare.hits(caseId);
    expect(hits.map((h) => [h.no, h.targetRow, h.gone, h.status])).toEqual([
      [1, 3, false, 'true'],
      [2, 3, true, 'pending'],
    ]);
  });

  it('turns 属实 疑点 into a clue with both rows as evidence, numbers masked; others are refused', async () => {
    const { repos, db, caseId, actor, run, dibao, cars } = await setup();
    await run();
    const [first, second] = await repos.compare.hits(caseId);
    const before = await snapshot(db);
    await expect(repos.compare.toClue([first!.id], actor)).rejects.toMatchObject({
      fieldErrors: { status: zh.compare.onlyTrue },
    });
    expect(await snapshot(db)).toEqual(before);
    await repos.compare.patchHit(first!.id, { status: 'true' }, actor);
    const clue = await repos.compare.toClue([first!.id], actor);
    expect(clue).toMatchObject({ subjectName: '张三', source: 'comparison' });
    expect(clue.evidence.map((e) => [e.kind, e.recordId, e.start])).toEqual([
      ['compareLists', dibao.id, 2],
      ['compareLists', cars.id, 2],
    ]);
    expect(clue.evidence[0]!.excerpt).toBe(
      `低保名单 第2行：张三 ${A.slice(0, 6)}********${A.slice(-4)}`,
    );
    expect((await repos.compare.getHit(first!.id))!.clueId).toBe(clue.id);
    // What a run wrote is not for editing.
    const { refused } = await repos.compare.patchHit(
      second!.id,
      { name: '改名', idNumber: 'X' },
      actor,
    );
    expect(refused).toEqual({ name: zh.compare.fixed, idNumber: zh.compare.fixed });
  });
});
