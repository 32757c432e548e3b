import { describe, expect, it } from 'vitest';
import { zh } from '../../../shared/i18n/zh-CN';
import {
  A,
  B,
  caseWithComparison as setup,
  listInput as list,
  listRowsOf as rows,
  snapshot,
  validId as valid,
} from './helpers';

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
    expect(await run()).toEqual({ added: 2, gone: 0, kept: 0, exempted: 0 });
    // 张三 is in the 低保 list twice, row for row the same: one 疑点 (the list reports the repeat).
    const hits = await repos.compare.hits(caseId);
    expect(hits.map((h) => [h.no, h.name, h.way, h.sourceRow, h.targetRow])).toEqual([
      [1, '张三', 'id', 2, 2],
      [2, '李四', 'id', 3, 3],
    ]);
    expect(hits[0]!.description).toBe('享受低保对象待遇但名下登记有车辆');
    await repos.compare.patchHit(hits[1]!.id, { status: 'false', verifyNote: '车辆已过户' }, actor);
    expect(await run()).toEqual({ added: 0, gone: 0, kept: 2, exempted: 0 });
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
    expect(await run()).toEqual({ added: 0, gone: 1, kept: 1, exempted: 0 });
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

  it('sets an exempted 疑点 apart with its reason, and the figures leave it out', async () => {
    const { repos, caseId, actor, rule, run } = await setup();
    const exemption = {
      id: 'e1',
      pos: 'a0',
      column: '姓名',
      contains: '李',
      reason: '经民政认定的特殊情形',
    };
    const { refused } = await repos.compare.patchRule(
      rule.id,
      { 'exemptions/e1': exemption },
      actor,
    );
    expect(refused).toEqual({});
    await run();
    const hits = await repos.compare.hits(caseId);
    expect(hits.map((h) => [h.name, h.exempted])).toEqual([
      ['张三', ''],
      ['李四', '经民政认定的特殊情形'],
    ]);
    expect((await repos.stats.ofCase(caseId, actor)).compare).toEqual({
      hits: 1,
      verified: 0,
      findings: 0,
      clues: 0,
    });
  });

  it('keeps a 疑点 and its 核实 when the matched row changes elsewhere, the person the same', async () => {
    const { repos, caseId, actor, cars, run } = await setup();
    await run();
    const [first] = await repos.compare.hits(caseId);
    await repos.compare.patchHit(first!.id, { status: 'true' }, actor);
    await repos.compare.addList(
      caseId,
      list('vehicle', '车辆登记'),
      rows([['张三（车主名登记有误）', A]]),
      actor,
      cars.id,
    );
    expect(await run()).toEqual({ added: 0, gone: 1, kept: 1, exempted: 0 });
    expect((await repos.compare.hits(caseId))[0]).toMatchObject({
      no: 1,
      status: 'true',
      gone: false,
    });
  });
});
