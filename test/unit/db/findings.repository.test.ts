import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/domain/validation';
import type { EvidenceRef } from '../../../shared/domain/findings/finding.schema';
import { freshRepos, newCase, snapshot, today } from './helpers';

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
      'turns/t1': { id: 't1', pos: 'a0', speaker: 'a', text: '存在私车公养问题。' },
    },
    member,
    today,
  );
  const review = await repos.records.create('docReviews', caseRecord.id, member, today);
  await repos.records.patch('docReviews', review.id, { title: '公务用车台账' }, member, today);
  return { ...setup, caseId: caseRecord.id, leader, member, interview, review };
}

const cite = (recordId: string, turnId = '', excerpt = '', start = 0): EvidenceRef => ({
  kind: 'interviews',
  recordId,
  field: turnId ? 'turns' : '',
  turnId,
  start,
  end: start + excerpt.length,
  excerpt,
});
const whole = (kind: EvidenceRef['kind'], recordId: string): EvidenceRef => ({
  kind,
  recordId,
  field: '',
  turnId: '',
  start: 0,
  end: 0,
  excerpt: '',
});

describe('findings', () => {
  it('go from a passage to a confirmed finding, and the dashboard counts follow', async () => {
    const { repos, caseId, leader, member, interview, review } = await team();
    const before = await repos.stats.ofCase(caseId, leader);
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
    await repos.findings.addEvidence(f.id, [whole('docReviews', review.id)], member);
    await repos.findings.patch(
      f.id,
      { category: 'people.eightRules', amountFen: 120_000_00 },
      member,
    );
    await repos.findings.review(f.id, 'submit', member);
    const confirmed = await repos.findings.review(f.id, 'confirm', leader);
    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.evidence.map((e) => e.recordId).sort()).toEqual(
      [interview.id, review.id].sort(),
    );
    expect(await repos.findings.citing(caseId, review.id)).toHaveLength(1);

    const after = await repos.stats.ofCase(caseId, leader);
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
      evidence: [whole('docReviews', review.id)],
    });
    await expect(repos.findings.merge(a.id, b.id, member)).rejects.toBeInstanceOf(ValidationError);
    const kept = await repos.findings.merge(a.id, b.id, leader);
    expect(kept.evidence.map((e) => e.recordId).sort()).toEqual([interview.id, review.id].sort());
    expect((await repos.findings.list(caseId)).map((f) => f.title)).toEqual(['A']);
    expect(await repos.findings.get(b.id)).toMatchObject({
      status: 'merged',
      mergedInto: a.id,
      deleted: false,
    });
    // Shown, marked, with the finding that absorbed it; counted apart on the overview.
    const merged = await repos.findings.merged(caseId);
    expect(merged.map((m) => [m.finding.title, m.into?.title])).toEqual([['B', 'A']]);
    expect(await repos.stats.ofCase(caseId, leader)).toMatchObject({
      mergedFindings: 1,
      draftFindings: 1,
      pendingFindings: 0,
    });
  });

  it('keep the leader’s order within a heading, and a move writes only the moved finding', async () => {
    const { db, repos, caseId, leader, member } = await team();
    const ids = [];
    // Two sub-categories of one heading: the report lists them together, in the 组长's order.
    for (const [title, category] of [
      ['一', 'party.cadres'],
      ['二', 'party.orgLife'],
      ['三', 'party.cadres'],
    ] as const) {
      const f = await repos.findings.create(caseId, member, { title });
      await repos.findings.patch(f.id, { category }, member);
      ids.push(f.id);
    }
    await expect(repos.findings.move(ids[2]!, ids, 0, member)).rejects.toBeInstanceOf(
      ValidationError,
    );
    const before = await db.findings.toArray();
    await repos.findings.move(ids[2]!, ids, 0, leader);
    expect((await repos.findings.list(caseId)).map((f) => f.title)).toEqual(['三', '一', '二']);
    const written = (await db.findings.toArray()).filter(
      (f) => f.seq !== before.find((b) => b.id === f.id)!.seq,
    );
    expect(written.map((f) => f.title)).toEqual(['三']);
    await repos.findings.move(ids[0]!, [ids[2]!, ids[0]!, ids[1]!], 2, leader);
    expect((await repos.findings.list(caseId)).map((f) => f.title)).toEqual(['三', '二', '一']);
  });

  it('hold two passages of one interview as two pieces of evidence, the same passage once', async () => {
    const { repos, caseId, member, interview } = await team();
    const f = await repos.findings.create(caseId, member, {
      evidence: [cite(interview.id, 't1', '存在', 0)],
    });
    const first = await repos.findings.addEvidence(
      f.id,
      [cite(interview.id, 't1', '私车公养', 2)],
      member,
    );
    expect(first.added).toBe(1);
    const again = await repos.findings.addEvidence(
      f.id,
      [cite(interview.id, 't1', '私车公养', 2)],
      member,
    );
    expect(again.added).toBe(0);
    expect(again.record.evidence.map((e) => e.excerpt).sort()).toEqual(['存在', '私车公养'].sort());
    const removed = await repos.findings.removeEvidence(
      f.id,
      cite(interview.id, 't1', '存在', 0),
      member,
    );
    expect(removed.evidence.map((e) => e.excerpt)).toEqual(['私车公养']);
  });
});

describe('confirmed findings', () => {
  it('are the 组长’s alone: a 组员 changes nothing, the 组长’s change is recorded', async () => {
    const { db, repos, caseId, leader, member, interview } = await team();
    const f = await repos.findings.create(caseId, member, {
      title: '私车公养',
      evidence: [cite(interview.id, 't1', '存在', 0)],
    });
    await repos.findings.patch(f.id, { category: 'people.eightRules' }, member);
    await repos.findings.review(f.id, 'confirm', leader);
    const before = await snapshot(db);
    const readOnly =
      '该问题已由组长确认，只有组长可以修改。如需补充或更正，请告知组长，或请组长先退回。';
    for (const attempt of [
      () => repos.findings.patch(f.id, { title: '改了标题', amountFen: 100 }, member),
      () => repos.findings.addEvidence(f.id, [cite(interview.id, 't1', '私车', 2)], member),
      () => repos.findings.removeEvidence(f.id, cite(interview.id, 't1', '存在', 0), member),
      () => repos.findings.remove(f.id, member),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ fieldErrors: { status: readOnly } });
    }
    expect(await snapshot(db)).toEqual(before);

    const edited = await repos.findings.patch(f.id, { title: '公车私用' }, leader);
    expect(edited.record).toMatchObject({ title: '公车私用', status: 'confirmed' });
    const last = (await repos.history.of('findings', f.id, leader))
      .sort((a, b) => a.seq - b.seq)
      .at(-1)!;
    expect(last).toMatchObject({ by: leader.memberId, changes: { title: '公车私用' } });
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
    await expect(repos.clues.patch(clue.id, { proposal: 'close' }, deputy)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await repos.clues.get(clue.id, leader)).proposal).toBe('');

    // Every read path asks the same rule: history and the overview's count too.
    expect((await repos.history.of('clues', clue.id, member)).length).toBe(1);
    expect((await repos.history.of('clues', clue.id, leader)).length).toBe(1);
    await expect(repos.history.of('clues', clue.id, deputy)).rejects.toMatchObject({
      fieldErrors: { _: '问题线索只有组长和登记人可以查看' },
    });
    expect((await repos.stats.ofCase(caseId, leader)).clues).toBe(1);
    expect((await repos.stats.ofCase(caseId, member)).clues).toBe(1);
    expect((await repos.stats.ofCase(caseId, deputy)).clues).toBe(0);
    expect(await repos.clues.count(caseId, deputy)).toBe(0);
    // Search indexes field records only: no list row, and so no search document, for a clue.
    expect((await repos.records.changedSince(caseId, 0)).map((s) => s.id)).not.toContain(clue.id);

    // Taken off the team: no longer sees even their own clue.
    await repos.members.remove(member.memberId, leader);
    expect(await repos.clues.list(caseId, member)).toEqual([]);
    await expect(repos.history.of('clues', clue.id, member)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await repos.stats.ofCase(caseId, leader)).clues).toBe(1);
  });
});
