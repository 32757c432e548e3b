import { describe, expect, it } from 'vitest';
import { zh } from '../../../shared/i18n/zh-CN';
import { caseWithLeader, today } from './helpers';

const answer = { id: 't1', pos: 'a0', speaker: 'a' as const, text: '存在私车公养问题。' };

/** An interview with one answer and a place, signed by everyone. */
async function signedInterview() {
  const setup = await caseWithLeader();
  const { repos, caseId, actor } = setup;
  const { id } = await repos.records.create('interviews', caseId, actor, today);
  const patch = (p: Record<string, unknown>) =>
    repos.records.patch('interviews', id, p, actor, today);
  await patch({ place: '局机关会议室', 'turns/t1': answer });
  const signed = await patch({ signed: true });
  expect(signed.refused).toEqual({});
  return { ...setup, id, patch };
}

describe('a signed 笔录', () => {
  it('refuses a change to its turns or place, keeping what was signed', async () => {
    const { repos, id, patch } = await signedInterview();
    const result = await patch({
      place: '办公室',
      'turns/t1': { ...answer, text: '不存在私车公养问题。' },
      'turns/t2': { id: 't2', pos: 'a1', speaker: 'q', text: '还有吗？' },
      signed: false,
    });
    expect(result.refused).toEqual({
      place: zh.interview.signedReadOnly,
      turns: zh.interview.signedReadOnly,
      signed: zh.interview.signedReadOnly,
    });
    expect(await repos.records.get('interviews', id)).toMatchObject({
      place: '局机关会议室',
      turns: [answer],
      signed: true,
    });
  });

  it('takes supplements, in order, and its labels', async () => {
    const { repos, id, patch } = await signedInterview();
    const first = { id: 's1', pos: 'a0', date: '2026-11-23', text: '第3页“三台”应为“四台”。' };
    const second = { id: 's2', pos: 'a1', date: '2026-11-24', text: '补充：另有一台租赁车辆。' };
    const result = await patch({
      'supplements/s2': second,
      'supplements/s1': first,
      'tags/公车': '公车',
    });
    expect(result.refused).toEqual({});
    expect(await repos.records.get('interviews', id)).toMatchObject({
      supplements: [first, second],
      tags: ['公车'],
      turns: [answer],
    });
  });
});

describe('a signed 笔录 as evidence', () => {
  it('is not deleted: the refusal says why and the record stays', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const talk = await repos.records.create('interviews', caseId, actor, today);
    await repos.records.patch(
      'interviews',
      talk.id,
      { place: '县教育局', signed: true },
      actor,
      today,
    );
    await expect(repos.records.remove('interviews', talk.id, actor)).rejects.toMatchObject({
      fieldErrors: { _: zh.interview.signedNoDelete },
    });
    expect((await repos.records.get('interviews', talk.id))?.deleted).toBe(false);
  });
});

describe('text written over several lines', () => {
  it('keeps the line just started with Enter when it is saved', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { record } = await repos.cases.patchSettings(
      caseId,
      { reportBasics: '一是……。\n' },
      actor,
    );
    expect(record.reportBasics).toBe('一是……。\n');
  });
});
