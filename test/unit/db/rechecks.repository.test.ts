import { describe, expect, it } from 'vitest';
import { zh } from '../../../shared/i18n/zh-CN';
import { checkRecordRow } from '../../../shared/domain/tables';
import { earlierRoundAndLookback, freshRepos, newCase, snapshot, today } from './helpers';

const t = zh.recheck;

describe('a 回头看 started from an earlier case', () => {
  it('copies each earlier 问题 with its tasks and each handed-over clue, and links the case', async () => {
    const { repos, db, priorId, caseId, actor, clueId } = await earlierRoundAndLookback();
    const priorRows = async () => {
      const all = await snapshot(db);
      return Object.fromEntries(
        Object.entries(all).map(([table, rows]) => [
          table,
          (rows as { caseId?: string }[]).filter((r) => r.caseId === priorId),
        ]),
      );
    };
    const before = await priorRows();
    expect(await repos.rechecks.start(caseId, priorId, actor)).toEqual({ added: 3, updated: 0 });
    expect((await repos.cases.get(caseId))?.priorCaseId).toBe(priorId);
    const rows = await repos.rechecks.list(caseId, actor);
    expect(rows.map((r) => [r.source, r.problem?.title ?? r.clue?.subjectName])).toEqual([
      ['problem', '公务用车私用'],
      ['problem', '超标准接待'],
      ['clue', '王某某'],
    ]);
    expect(rows[0]!.problem).toMatchObject({
      draftNo: '[2026]3巡-2组-01号',
      description: '2025年3月至6月，公车私用12次。',
      tasks: [{ no: '1-1', measure: '制定公车管理办法', status: 'closed', closedOn: '2026-03-01' }],
    });
    expect(rows[1]!.problem!.tasks.map((x) => x.status)).toEqual(['inProgress']);
    expect(rows[2]!.clue).toMatchObject({ receiver: 'discipline', handoverDate: '2025-12-10' });
    expect(rows[2]!.priorId).toBe(clueId);
    for (const row of rows) expect(() => checkRecordRow('rechecks', row)).not.toThrow();
    // The earlier case is read, never written.
    expect(await priorRows()).toEqual(before);
    // Starting again adds only what the earlier ledger gained since.
    expect(await repos.rechecks.start(caseId, priorId, actor)).toEqual({ added: 0, updated: 0 });
  });

  it('brings its copies up to date when the earlier ledger moved on, keeping the 复核', async () => {
    const { repos, priorId, priorActor, caseId, actor } = await earlierRoundAndLookback();
    await repos.rechecks.start(caseId, priorId, actor);
    const [, meal] = await repos.rechecks.list(caseId, actor);
    await repos.rechecks.patch(meal!.id, { conclusion: 'notFixed', note: '仍有超标接待' }, actor);
    const [, mealItem] = await repos.ledger.items(priorId);
    const later = await repos.ledger.addTask(mealItem!.id, priorActor);
    await repos.ledger.patchTask(
      later.id,
      { measure: '修订公务接待办法', status: 'done' },
      priorActor,
    );
    expect(await repos.rechecks.start(caseId, priorId, actor)).toEqual({ added: 0, updated: 1 });
    const again = await repos.rechecks.get(meal!.id, actor);
    expect(again.problem!.tasks.map((x) => [x.no, x.status])).toEqual([
      ['2-1', 'inProgress'],
      ['2-2', 'done'],
    ]);
    expect(again).toMatchObject({ conclusion: 'notFixed', note: '仍有超标接待' });
  });

  it('is refused with the reason, writing nothing, for every wrong start', async () => {
    const { repos, db, priorId, priorActor, caseId, actor } = await earlierRoundAndLookback();
    const before = await snapshot(db);
    const refused = async (p: Promise<unknown>, errors: object) =>
      expect(p).rejects.toMatchObject({ fieldErrors: errors });
    // Not a 回头看 case.
    await refused(repos.rechecks.start(priorId, caseId, priorActor), { type: t.onlyLookback });
    // Not this case's 组长.
    const member = await repos.members.add(caseId, { name: '钱七', role: 'member' }, actor);
    const asMember = { deviceId: actor.deviceId, memberId: member.id };
    const afterMember = await snapshot(db);
    await refused(repos.rechecks.start(caseId, priorId, asMember), { _: t.leaderStarts });
    await refused(repos.rechecks.start(caseId, caseId, actor), { priorCaseId: t.notItself });
    await refused(repos.rechecks.start(caseId, 'NO-SUCH-CASE', actor), { priorCaseId: t.noPrior });
    // An earlier case with neither a ledger nor a handed-over clue.
    const bare = await repos.cases.create(newCase, actor.deviceId, today);
    const afterBare = await snapshot(db);
    await refused(repos.rechecks.start(caseId, bare.caseRecord.id, actor), {
      priorCaseId: t.emptyPrior,
    });
    expect(await snapshot(db)).toEqual(afterBare);
    expect(before.rechecks).toEqual([]);
    expect(afterMember.rechecks).toEqual([]);
    // Once linked, a 回头看 checks that earlier case only.
    await repos.rechecks.start(caseId, priorId, actor);
    const linked = await snapshot(db);
    await repos.findings.create(bare.caseRecord.id, actor); // (any row: the case now exists)
    await refused(repos.rechecks.start(caseId, bare.caseRecord.id, actor), {
      priorCaseId: t.otherPrior(newCase.unitName),
    });
    expect((await snapshot(db)).rechecks).toEqual(linked.rechecks);
  });
});

describe('a 复核', () => {
  it('records the conclusion, the checks and the score; refuses bad values and the copy by name', async () => {
    const { repos, priorId, caseId, actor } = await earlierRoundAndLookback();
    await repos.rechecks.start(caseId, priorId, actor);
    const [row] = await repos.rechecks.list(caseId, actor);
    const { record, refused } = await repos.rechecks.patch(
      row!.id,
      {
        conclusion: 'relapsed',
        'checks/site': 'site',
        'checks/survey': 'survey',
        satisfaction: 62.5,
        note: '2026年8月起又有公车私用5次',
        problem: null,
        findingId: 'X',
      },
      actor,
    );
    expect(refused).toEqual({ problem: t.readOnly, findingId: t.readOnly });
    expect(record).toMatchObject({
      conclusion: 'relapsed',
      checks: ['site', 'survey'],
      satisfaction: 62.5,
      findingId: '',
    });
    expect(record.problem?.title).toBe('公务用车私用');
    for (const bad of [101, -1, 62.55, Number.NaN]) {
      const out = await repos.rechecks.patch(row!.id, { satisfaction: bad }, actor);
      expect(out.refused).toEqual({ satisfaction: t.badScore });
      expect(out.record.satisfaction).toBe(62.5);
    }
    const wrong = await repos.rechecks.patch(row!.id, { conclusion: '差不多' }, actor);
    expect(wrong.refused.conclusion).toBe(zh.validation.choose(t.fields.conclusion));
    expect(wrong.record.conclusion).toBe('relapsed');
  });

  it('that failed becomes one draft finding citing the earlier 问题; one that passed does not', async () => {
    const { repos, db, priorId, caseId, actor } = await earlierRoundAndLookback();
    await repos.rechecks.start(caseId, priorId, actor);
    const [car, meal] = await repos.rechecks.list(caseId, actor);
    await repos.rechecks.patch(meal!.id, { conclusion: 'fixed' }, actor);
    const before = await snapshot(db);
    for (const id of [meal!.id, car!.id]) {
      await expect(repos.rechecks.toFinding(id, actor)).rejects.toMatchObject({
        fieldErrors: { conclusion: t.notFailed },
      });
    }
    expect(await snapshot(db)).toEqual(before);
    await repos.rechecks.patch(car!.id, { conclusion: 'relapsed', note: '又有公车私用' }, actor);
    const { finding, recheck } = await repos.rechecks.toFinding(car!.id, actor);
    expect(recheck.findingId).toBe(finding.id);
    expect(finding).toMatchObject({
      caseId,
      status: 'draft',
      category: 'rectify.lastRound',
      title: '上轮反馈问题反弹回潮：公务用车私用',
      description: '又有公车私用',
      evidence: [{ kind: 'rechecks', recordId: car!.id }],
    });
    expect(finding.evidence[0]!.excerpt).toContain('[2026]3巡-2组-01号');
    expect((await repos.rechecks.get(car!.id, actor)).findingId).toBe(finding.id);
    expect((await repos.rechecks.toFinding(car!.id, actor)).finding.id).toBe(finding.id);
    expect(await repos.findings.list(caseId)).toHaveLength(1);
  });
});

describe('the earlier round’s clues in a 回头看', () => {
  it('are read by the 组长 only, and travel only in packages for the 组长', async () => {
    const { repos, priorId, caseId, actor } = await earlierRoundAndLookback();
    await repos.rechecks.start(caseId, priorId, actor);
    const member = await repos.members.add(caseId, { name: '钱七', role: 'member' }, actor);
    const asMember = { deviceId: actor.deviceId, memberId: member.id };
    expect((await repos.rechecks.list(caseId, asMember)).map((r) => r.source)).toEqual([
      'problem',
      'problem',
    ]);
    const clueRow = (await repos.rechecks.list(caseId, actor)).find((r) => r.source === 'clue')!;
    await expect(repos.rechecks.get(clueRow.id, asMember)).rejects.toMatchObject({
      fieldErrors: { _: zh.clue.forbidden },
    });
    const leader = (await repos.members.list(caseId)).find((m) => m.role === 'leader')!;
    const packed = async (forMember: typeof member) =>
      (await repos.packages.outgoing(caseId, 'summary', forMember)).contents.rows
        .filter((r) => r.table === 'rechecks')
        .map((r) => (r.row as unknown as { source: string }).source)
        .sort();
    expect(await packed(member)).toEqual(['problem', 'problem']);
    expect(await packed(leader)).toEqual(['clue', 'problem', 'problem']);
  });
});

describe('a 复核 on two laptops', () => {
  it('merges the checks each ticked, and keeps both 结论 written at once as a conflict', async () => {
    const a = await earlierRoundAndLookback();
    await a.repos.rechecks.start(a.caseId, a.priorId, a.actor);
    const leader = (await a.repos.members.get(a.actor.memberId))!;
    const b = await freshRepos();
    const send = async (from: { repos: typeof a.repos }, to: { repos: typeof a.repos }) => {
      const { contents } = await from.repos.packages.outgoing(a.caseId, 'summary', leader);
      return to.repos.sync.storeForeign({ rows: contents.rows, revisions: contents.revisions });
    };
    await send(a, b);
    const onB = { deviceId: b.deviceId, memberId: leader.id };
    const [row] = await b.repos.rechecks.list(a.caseId, onB);
    await a.repos.rechecks.patch(
      row!.id,
      { conclusion: 'relapsed', 'checks/site': 'site' },
      a.actor,
    );
    await b.repos.rechecks.patch(row!.id, { conclusion: 'partly', 'checks/survey': 'survey' }, onB);
    const result = await send(b, a);
    expect(result.conflicts.map((c) => [c.table, c.path])).toEqual([['rechecks', 'conclusion']]);
    const merged = await a.repos.rechecks.get(row!.id, a.actor);
    expect(merged.checks).toEqual(['site', 'survey']);
    expect(merged.siblings?.conclusion?.map((s) => s.value)).toEqual(['partly']);
  });
});
