import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/validation';
import { freshRepos, newCase, snapshot } from './helpers';

const today = '2026-11-23';

/** A case with its 组长 (张三) and a 组员 (李四), and one interview with an answer. */
async function team() {
  const setup = await freshRepos();
  const { repos, deviceId } = setup;
  const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
  const leader = { deviceId, memberId: creator.id };
  const li = await repos.members.add(caseRecord.id, { name: '李四', role: 'member' }, leader);
  const member = { deviceId, memberId: li.id };
  const interview = await repos.records.create('interviews', caseRecord.id, member, today);
  await repos.records.patch(
    'interviews',
    interview.id,
    {
      interviewees: [{ name: '王某' }, { name: '赵某' }],
      turns: [{ id: 't1', speaker: 'a', text: '存在私车公养问题。' }],
    },
    member,
    today,
  );
  const review = await repos.records.create('docReviews', caseRecord.id, member, today);
  return { ...setup, caseId: caseRecord.id, leader, member, interview, review };
}

const cite = (recordId: string, turnId = '', excerpt = '') => ({
  kind: 'interviews' as const,
  recordId,
  turnId,
  excerpt,
});

describe('findings', () => {
  it('go from a passage to a confirmed finding, and the dashboard counts follow', async () => {
    const { repos, caseId, leader, member, interview, review } = await team();
    const before = await repos.stats.ofCase(caseId);
    expect(before).toMatchObject({
      interviewPeople: 2,
      interviews: 1,
      docReviews: 1,
      confirmedFindings: 0,
    });

    const f = await repos.findings.create(caseId, member, {
      title: '私车公养',
      evidence: [cite(interview.id, 't1', '存在私车公养问题。')],
    });
    await repos.findings.addEvidence(
      f.id,
      [{ kind: 'docReviews', recordId: review.id, turnId: '', excerpt: '' }],
      member,
    );
    await repos.findings.patch(
      f.id,
      { category: 'people.eightRules', amountFen: 120_000_00 },
      member,
    );
    await repos.findings.review(f.id, 'submit', member);
    const confirmed = await repos.findings.review(f.id, 'confirm', leader);
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      evidence: [{ recordId: interview.id }, { recordId: review.id }],
    });
    expect(await repos.findings.citing(caseId, review.id)).toHaveLength(1);

    const after = await repos.stats.ofCase(caseId);
    expect(after).toMatchObject({ confirmedFindings: 1, amountFen: 120_000_00 });
    expect(after.byArea.find((a) => a.code === 'people')?.count).toBe(1);
  });

  it('refuse confirmation by a 组员, or without category or evidence, writing nothing', async () => {
    const { db, repos, caseId, leader, member } = await team();
    const bare = await repos.findings.create(caseId, member, { title: '问题' });
    const before = await snapshot(db);
    await expect(repos.findings.review(bare.id, 'confirm', member)).rejects.toMatchObject({
      fieldErrors: { status: '只有组长可以确认、退回或合并问题' },
    });
    await expect(repos.findings.review(bare.id, 'confirm', leader)).rejects.toMatchObject({
      fieldErrors: { category: '请选择问题类别后再确认', evidence: '至少关联一条证据后才能确认' },
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuse a money amount that is not a number, and never let an edit change the status', async () => {
    const { repos, caseId, member } = await team();
    const f = await repos.findings.create(caseId, member);
    const result = await repos.findings.patch(
      f.id,
      { amountFen: '十二万', status: 'confirmed', title: '标题' },
      member,
    );
    expect(Object.keys(result.refused)).toEqual(['amountFen']);
    expect(result.record).toMatchObject({ amountFen: null, status: 'draft', title: '标题' });
  });

  it('merge two into one keeping the evidence of both; the other stays, marked merged', async () => {
    const { repos, caseId, leader, member, interview, review } = await team();
    const a = await repos.findings.create(caseId, member, {
      title: 'A',
      evidence: [cite(interview.id)],
    });
    const b = await repos.findings.create(caseId, member, {
      title: 'B',
      evidence: [{ kind: 'docReviews', recordId: review.id, turnId: '', excerpt: '' }],
    });
    await expect(repos.findings.merge(a.id, b.id, member)).rejects.toBeInstanceOf(ValidationError);
    const kept = await repos.findings.merge(a.id, b.id, leader);
    expect(kept.evidence.map((e) => e.recordId)).toEqual([interview.id, review.id]);
    expect((await repos.findings.list(caseId)).map((f) => f.title)).toEqual(['A']);
    expect(await repos.findings.get(b.id)).toMatchObject({
      status: 'merged',
      mergedInto: a.id,
      deleted: false,
    });
  });

  it('keep the leader’s order within a category, for the report', async () => {
    const { repos, caseId, leader, member } = await team();
    const ids = [];
    for (const title of ['一', '二', '三']) {
      const f = await repos.findings.create(caseId, member, { title });
      await repos.findings.patch(f.id, { category: 'party.cadres' }, member);
      ids.push(f.id);
    }
    await expect(
      repos.findings.reorder([ids[2]!, ids[0]!, ids[1]!], member),
    ).rejects.toBeInstanceOf(ValidationError);
    await repos.findings.reorder([ids[2]!, ids[0]!, ids[1]!], leader);
    expect((await repos.findings.list(caseId)).map((f) => f.title)).toEqual(['三', '一', '二']);
  });
});

describe('clues', () => {
  it('are seen only by the 组长 and the member who registered them, checked in the repository', async () => {
    const { repos, caseId, leader, member } = await team();
    const wang = await repos.members.add(caseId, { name: '王五', role: 'deputy' }, leader);
    const deputy = { deviceId: leader.deviceId, memberId: wang.id };
    const clue = await repos.clues.create(caseId, member, {
      subjectName: '某村主任',
      allegation: '虚报冒领种粮补贴',
    });

    expect((await repos.clues.list(caseId, member)).map((c) => c.id)).toEqual([clue.id]);
    expect((await repos.clues.list(caseId, leader)).map((c) => c.id)).toEqual([clue.id]);
    expect(await repos.clues.list(caseId, deputy)).toEqual([]);
    await expect(repos.clues.get(clue.id, deputy)).rejects.toMatchObject({
      fieldErrors: { _: '问题线索只有组长和登记人可以查看' },
    });
    await expect(repos.clues.patch(clue.id, { handling: 'closed' }, deputy)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await repos.clues.get(clue.id, leader)).handling).toBe('pending');

    // Taken off the team: no longer sees even their own clue.
    await repos.members.remove(member.memberId, leader);
    expect(await repos.clues.list(caseId, member)).toEqual([]);
    expect((await repos.stats.ofCase(caseId)).clues).toBe(1);
  });
});
