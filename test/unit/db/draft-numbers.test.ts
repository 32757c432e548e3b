import { describe, expect, it } from 'vitest';
import { zh } from '../../../shared/i18n/zh-CN';
import { caseWithLeader, findingMaker, snapshot, today } from './helpers';

/**
 * A case named as cases are (第四轮, 第三巡察组) unless `round` says otherwise, and a finding
 * that has all a confirmation needs: title, category and a piece of evidence.
 */
async function caseNamed(round = '十五届县委第四轮') {
  const setup = await caseWithLeader();
  const { repos, caseId, actor } = setup;
  await repos.cases.update(caseId, { round, teamName: '县委第三巡察组' }, actor, today);
  const finding = await findingMaker(setup);
  return { ...setup, finding };
}

describe('底稿编号', () => {
  it('numbers findings in the order the 组长 confirms them, from the case’s year, round and team', async () => {
    const { repos, actor, finding } = await caseNamed();
    const first = await finding('私车公养');
    const second = await finding('超标准接待');
    expect((await repos.findings.get(first))?.draftNo).toBe('');

    await repos.findings.review(second, 'confirm', actor);
    await repos.findings.review(first, 'confirm', actor);
    expect((await repos.findings.get(second))?.draftNo).toBe('[2026]4巡-3组-01号');
    expect((await repos.findings.get(first))?.draftNo).toBe('[2026]4巡-3组-02号');
  });

  it('is kept when a confirmed finding is sent back and confirmed again, and never reused', async () => {
    const { repos, actor, finding } = await caseNamed();
    const first = await finding('私车公养');
    await repos.findings.review(first, 'confirm', actor);
    await repos.findings.review(first, 'sendBack', actor, '补充证据');
    expect(await repos.findings.get(first)).toMatchObject({
      status: 'returned',
      draftNo: '[2026]4巡-3组-01号',
    });
    await repos.findings.review(first, 'confirm', actor);
    expect((await repos.findings.get(first))?.draftNo).toBe('[2026]4巡-3组-01号');

    const second = await finding('超标准接待');
    await repos.findings.review(second, 'confirm', actor);
    expect((await repos.findings.get(second))?.draftNo).toBe('[2026]4巡-3组-02号');
  });

  it('is never written by an edit (the rest of the edit is)', async () => {
    const { repos, actor, finding } = await caseNamed();
    const id = await finding('私车公养');
    const result = await repos.findings.patch(
      id,
      { draftNo: '[2026]4巡-3组-99号', title: '公车私用' },
      actor,
    );
    expect(result.record).toMatchObject({ draftNo: '', title: '公车私用' });
  });

  it('refuses a confirmation while the round names no number, writing nothing', async () => {
    const { db, repos, actor, finding } = await caseNamed('十五届县委巡察');
    const id = await finding('私车公养');
    const before = await snapshot(db);
    await expect(repos.findings.review(id, 'confirm', actor)).rejects.toMatchObject({
      fieldErrors: { status: zh.finding.needDraftPrefix },
    });
    expect(await snapshot(db)).toEqual(before);
    expect(await repos.findings.get(id)).toMatchObject({ status: 'draft', draftNo: '' });
  });
});
