// 恢复为副本 (issue 16): a snapshot's case brought back beside the case, never over it.
import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { asNewCopy } from '../../../shared/package/copy';
import type { EvidenceRef } from '../../../shared/domain/findings/finding.schema';
import type { Manifest } from '../../../shared/package/manifest';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import { freshRepos, newCase, today } from './helpers';

const cite = (recordId: string, excerpt: string): EvidenceRef => ({
  kind: 'interviews',
  recordId,
  field: 'turns',
  turnId: 't1',
  start: 0,
  end: excerpt.length,
  excerpt,
});

describe('a snapshot restored as a new copy', () => {
  it('is a second case with every reference following it; the case itself is untouched', async () => {
    const { repos, deviceId } = await freshRepos();
    const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
    const caseId = caseRecord.id;
    const leader = { deviceId, memberId: creator.id };
    const talks = [];
    for (const text of ['存在私车公养问题。', '工程款被挪用八十万元。']) {
      const interview = await repos.records.create('interviews', caseId, leader, today);
      await repos.records.patch(
        'interviews',
        interview.id,
        { 'turns/t1': { id: 't1', pos: 'a0', speaker: 'a', text } },
        leader,
        today,
      );
      talks.push({ id: interview.id, text });
    }
    // Two pieces of evidence, whose set is ordered by keys that hold the interviews' ids.
    const finding = await repos.findings.create(caseId, leader, {
      title: '私车公养',
      evidence: talks.map((t) => cite(t.id, t.text)),
    });
    const before = await repos.snapshots.contents(caseId);

    const copy = asNewCopy(before.contents, caseId, ulid, (unit) => `${unit}（副本）`);
    const manifest: Manifest = {
      format: 1,
      schemaVersion: SCHEMA_VERSION,
      kind: 'snapshot',
      caseId: copy.caseId,
      exportedBy: { memberId: creator.id, deviceId },
      forMember: creator.id,
      createdAt: '2026-12-07T08:00:00.000Z',
      counts: {},
      entries: {},
    };
    expect((await repos.packages.preview(manifest, copy.contents)).newCase).toBe(true);
    await repos.packages.apply(manifest, copy.contents);

    const cases = await repos.cases.list();
    expect(cases.map((c) => c.unitName).sort()).toEqual(
      [newCase.unitName, `${newCase.unitName}（副本）`].sort(),
    );
    // The case itself: as it was, row for row.
    const after = await repos.snapshots.contents(caseId);
    expect(after.contents.rows.map((r) => r.row)).toEqual(before.contents.rows.map((r) => r.row));

    // The copy: new ids everywhere, its finding citing its own interviews.
    const copied = await repos.snapshots.contents(copy.caseId);
    const oldIds = new Set(before.contents.rows.map((r) => r.row.id));
    expect(copied.contents.rows).toHaveLength(before.contents.rows.length);
    expect(copied.contents.rows.every((r) => !oldIds.has(r.row.id))).toBe(true);
    const copiedFinding = copied.contents.rows.find((r) => r.table === 'findings')!
      .row as never as {
      id: string;
      evidence: EvidenceRef[];
    };
    const copiedTalks = copied.contents.rows.filter((r) => r.table === 'interviews');
    expect(copiedFinding.evidence.map((e) => e.recordId).sort()).toEqual(
      copiedTalks.map((r) => r.row.id).sort(),
    );
    expect(copiedFinding.evidence.map((e) => e.excerpt).sort()).toEqual(
      talks.map((t) => t.text).sort(),
    );
    expect(copied.contents.revisions.every((r) => r.caseId === copy.caseId)).toBe(true);
    expect(copiedFinding.id).not.toBe(finding.id);
    // Writing to the copy leaves the case alone.
    await repos.findings.patch(copiedFinding.id, { title: '副本中改的标题' }, leader);
    expect((await repos.findings.get(finding.id))?.title).toBe('私车公养');
  });
});
