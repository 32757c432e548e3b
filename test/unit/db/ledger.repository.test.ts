import { describe, expect, it } from 'vitest';
import { zh } from '../../../shared/i18n/zh-CN';
import { caseWithLeader, findingMaker, snapshot, today } from './helpers';

/** A case with a 反馈日期 (unless `feedbackDate` is blank) and two confirmed findings. */
async function caseWithFindings(feedbackDate = '2026-12-01') {
  const setup = await caseWithLeader();
  const { repos, caseId, actor } = setup;
  await repos.cases.update(caseId, { feedbackDate }, actor, today);
  const make = await findingMaker(setup);
  const finding = async (title: string) => {
    const id = await make(title);
    await repos.findings.review(id, 'confirm', actor);
    return id;
  };
  const first = await finding('公务用车私用');
  const second = await finding('超标准接待');
  return { ...setup, first, second, finding };
}

describe('the 整改台账', () => {
  it('opens with one 问题 per confirmed finding, in 底稿编号 order, and adds only new ones later', async () => {
    const { repos, caseId, actor, finding } = await caseWithFindings();
    expect(await repos.ledger.open(caseId, actor)).toEqual({ added: 2 });
    const items = await repos.ledger.items(caseId);
    expect(items.map((i) => [i.draftNo, i.title])).toEqual([
      ['[2026]3巡-2组-01号', '公务用车私用'],
      ['[2026]3巡-2组-02号', '超标准接待'],
    ]);
    expect(await repos.ledger.open(caseId, actor)).toEqual({ added: 0 });
    await finding('违规发放津补贴');
    expect(await repos.ledger.open(caseId, actor)).toEqual({ added: 1 });
    expect((await repos.ledger.items(caseId)).map((i) => i.draftNo).at(-1)).toBe(
      '[2026]3巡-2组-03号',
    );
  });

  it('is opened by the 组长 only, and only once the 反馈日期 is set; a refusal writes nothing', async () => {
    const { repos, db, caseId, actor } = await caseWithFindings('');
    const before = await snapshot(db);
    await expect(repos.ledger.open(caseId, actor)).rejects.toMatchObject({
      fieldErrors: { feedbackDate: zh.ledger.needFeedbackDate },
    });
    const member = await repos.members.add(caseId, { name: '李四', role: 'member' }, actor);
    await repos.cases.update(caseId, { feedbackDate: '2026-12-01' }, actor, today);
    await expect(
      repos.ledger.open(caseId, { deviceId: actor.deviceId, memberId: member.id }),
    ).rejects.toMatchObject({ fieldErrors: { _: zh.ledger.leaderOpens } });
    expect((await snapshot(db)).ledgerItems).toEqual(before.ledgerItems);
  });
});

describe('a 整改任务', () => {
  async function withTask() {
    const setup = await caseWithFindings();
    const { repos, caseId, actor } = setup;
    await repos.ledger.open(caseId, actor);
    const [item] = await repos.ledger.items(caseId);
    const task = await repos.ledger.addTask(item!.id, actor);
    return { ...setup, item: item!, task };
  }

  it('is numbered after its 问题 and its siblings', async () => {
    const { repos, item, task, actor } = await withTask();
    const next = await repos.ledger.addTask(item.id, actor);
    expect([task.no, next.no]).toEqual(['1-1', '1-2']);
  });

  it('refuses a 完成时限 before the 反馈日期 and keeps the rest of the edit', async () => {
    const { repos, task, actor } = await withTask();
    const { record, refused } = await repos.ledger.patchTask(
      task.id,
      { due: '2026-11-30', measure: '制定公车管理办法', department: '党政办' },
      actor,
    );
    expect(refused).toEqual({ due: zh.ledger.dueBeforeFeedback('2026-12-01') });
    expect(record).toMatchObject({ due: '', measure: '制定公车管理办法', department: '党政办' });
    const ok = await repos.ledger.patchTask(task.id, { due: '2027-03-01' }, actor);
    expect(ok.record.due).toBe('2027-03-01');
    // Money recovered is in 分: 12,000 元 is 1,200,000, well within the field.
    const money = await repos.ledger.patchTask(task.id, { recoveredFen: 1_200_000 }, actor);
    expect([money.refused, money.record.recoveredFen]).toEqual([{}, 1_200_000]);
  });

  it('is 销号 only with evidence and a sign-off, through 对账销号, and reopens only with a reason', async () => {
    const { repos, caseId, task, actor } = await withTask();
    // Not by an edit of its status.
    const edit = await repos.ledger.patchTask(task.id, { status: 'closed' }, actor);
    expect(edit.refused).toEqual({ status: zh.ledger.closeByButton });
    expect(edit.record.status).toBe('notStarted');

    const sign = { checkedBy: actor.memberId, date: '2026-12-20', office: '王五' };
    await expect(repos.ledger.close(task.id, sign, actor)).rejects.toMatchObject({
      fieldErrors: { evidence: zh.ledger.needEvidence },
    });
    await repos.attachments.add(
      caseId,
      'tasks',
      task.id,
      [
        {
          name: '公车管理办法.pdf',
          mime: 'application/pdf',
          blob: new Blob(['%PDF-1.4']),
          thumbnail: null,
        },
      ],
      actor,
    );
    await expect(repos.ledger.close(task.id, { date: '2026-12-20' }, actor)).rejects.toMatchObject({
      fieldErrors: { signOff: zh.ledger.needSignOff },
    });
    const closed = await repos.ledger.close(task.id, sign, actor);
    expect(closed).toMatchObject({
      status: 'closed',
      signOff: { checkedBy: actor.memberId, office: '王五' },
    });

    await expect(repos.ledger.reopen(task.id, ' ', actor)).rejects.toMatchObject({
      fieldErrors: { reopenReason: zh.ledger.needReopenReason },
    });
    const reopened = await repos.ledger.reopen(task.id, '公车又被开回家', actor);
    expect(reopened).toMatchObject({
      status: 'inProgress',
      reopenReason: '公车又被开回家',
      signOff: { checkedBy: actor.memberId, date: '2026-12-20' },
    });
  });

  it('travels in the case package with its 问题', async () => {
    const { repos, caseId, task, actor } = await withTask();
    const leader = (await repos.members.list(caseId)).find((m) => m.id === actor.memberId)!;
    const { contents } = await repos.packages.outgoing(caseId, 'summary', leader);
    const tables = new Set(contents.rows.map((r) => r.table));
    expect(tables.has('ledgerItems')).toBe(true);
    expect(contents.rows.some((r) => r.table === 'tasks' && r.row.id === task.id)).toBe(true);
  });

  it('takes accepted workbook changes through the same checks as an edit', async () => {
    const { repos, item, task, actor } = await withTask();
    const other = await repos.ledger.addTask(item.id, actor);
    const result = await repos.ledger.applyImport(
      [
        { taskId: task.id, field: 'department', to: '党政办' },
        { taskId: task.id, field: 'status', to: 'closed' }, // 销号 is never imported
        { taskId: other.id, field: 'due', to: '2026-11-01' }, // before the 反馈日期
        { taskId: other.id, field: 'rulesMade', to: 2 },
      ],
      actor,
    );
    expect(result.written).toBe(2);
    expect(result.refused).toEqual([
      { taskId: task.id, problems: { status: zh.ledger.closeByButton } },
      { taskId: other.id, problems: { due: zh.ledger.dueBeforeFeedback('2026-12-01') } },
    ]);
    expect(await repos.ledger.getTask(task.id)).toMatchObject({
      department: '党政办',
      status: 'notStarted',
    });
    expect(await repos.ledger.getTask(other.id)).toMatchObject({ due: '', rulesMade: 2 });
  });
});
