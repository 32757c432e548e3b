// 巡后清退 (issue 16): the acknowledgement that travels back, what would be lost, and removing
// a case so that nothing of it is left to open.
import { describe, expect, it } from 'vitest';
import { WorkbenchDB } from '../../../renderer/db/database';
import { NoCaseKey } from '../../../renderer/db/atRest';
import { keyring } from '../../../renderer/db/keyring';
import { repositories } from '../../../renderer/db/repositories';
import type { Manifest } from '../../../shared/package/manifest';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import { freshRepos, newCase, snapshot, today } from './helpers';

const manifest = (kind: Manifest['kind'], over: Partial<Manifest>): Manifest => ({
  format: 1,
  schemaVersion: SCHEMA_VERSION,
  kind,
  caseId: 'case',
  exportedBy: { memberId: 'm', deviceId: 'd' },
  forMember: 'f',
  createdAt: '2026-12-07T08:00:00.000Z',
  counts: {},
  entries: {},
  ...over,
});

async function caseWithInterview(
  repos: Awaited<ReturnType<typeof freshRepos>>['repos'],
  deviceId: string,
  unitName = newCase.unitName,
) {
  const { caseRecord, creator } = await repos.cases.create(
    { ...newCase, unitName },
    deviceId,
    today,
  );
  const actor = { deviceId, memberId: creator.id };
  const talk = await repos.records.create('interviews', caseRecord.id, actor, today);
  await repos.records.patch('interviews', talk.id, { place: '县教育局财务室' }, actor, today);
  return { caseId: caseRecord.id, actor, talk };
}

describe('巡后清退', () => {
  it('the 组长 acknowledges the last package applied from each of a member’s laptops', async () => {
    const { repos } = await freshRepos();
    const from = (deviceId: string, memberId: string, createdAt: string) =>
      manifest('member', { exportedBy: { memberId, deviceId }, createdAt });
    await repos.clearance.noteReceived(from('laptop-li', 'li', '2026-12-07T08:00:00.000Z'));
    await repos.clearance.noteReceived(from('laptop-li', 'li', '2026-12-07T10:00:00.000Z'));
    await repos.clearance.noteReceived(from('laptop-li', 'li', '2026-12-07T09:00:00.000Z')); // again, older
    await repos.clearance.noteReceived(from('laptop-wang', 'wang', '2026-12-07T11:00:00.000Z'));
    await repos.clearance.noteReceived(manifest('summary', {})); // not a member's: not noted
    expect(await repos.clearance.acknowledgements('case', 'li')).toEqual([
      { deviceId: 'laptop-li', createdAt: '2026-12-07T10:00:00.000Z' },
    ]);
    expect(await repos.clearance.acknowledgements('case', 'zhao')).toEqual([]);
  });

  it('a member’s case is safe to give up once a 汇总包 names its last package, until it writes again', async () => {
    const { repos, deviceId } = await freshRepos();
    const { caseId, actor, talk } = await caseWithInterview(repos, deviceId);
    const written = (await repos.clearance.state(caseId, deviceId)).unacknowledgedWrites;
    expect(written).toBeGreaterThan(0);
    expect((await repos.clearance.state(caseId, deviceId)).acknowledgement).toBeNull();

    const exportedAt = '2026-12-07T08:00:00.000Z';
    await repos.clearance.noteOwnExport(caseId, exportedAt, await repos.sync.currentSeq());
    // A 汇总包 naming an older package of this laptop acknowledges nothing.
    const older = [{ deviceId, createdAt: '2026-12-06T08:00:00.000Z' }];
    const summary = (acknowledges: Manifest['acknowledges']) =>
      manifest('summary', { caseId, acknowledges, createdAt: '2026-12-07T12:00:00.000Z' });
    expect(await repos.clearance.noteSummary(summary(older), 'ab'.repeat(32))).toBe(false);
    expect((await repos.clearance.state(caseId, deviceId)).acknowledgement).toBeNull();

    const named = [{ deviceId, createdAt: exportedAt }];
    expect(await repos.clearance.noteSummary(summary(named), 'ab'.repeat(32))).toBe(true);
    expect(await repos.clearance.state(caseId, deviceId)).toEqual({
      acknowledgement: {
        exportCreatedAt: exportedAt,
        summaryCreatedAt: '2026-12-07T12:00:00.000Z',
        summarySha256: 'ab'.repeat(32),
      },
      unacknowledgedWrites: 0,
      unsavedEdits: 0,
    });

    // A write after the acknowledged package, and typing not saved yet: both would be lost.
    await repos.records.patch('interviews', talk.id, { place: '县教育局会议室' }, actor, today);
    await repos.journal.put(`pending:interviews:${talk.id}`, { patch: {} });
    const late = await repos.clearance.state(caseId, deviceId);
    expect(late.unacknowledgedWrites).toBe(1);
    expect(late.unsavedEdits).toBe(1);
  });

  it('removes every row of the case, its settings and journal and its own files; another case stays whole', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const keep = await caseWithInterview(repos, deviceId, '某县水利局党组');
    const before = await snapshot(db);
    const gone = await caseWithInterview(repos, deviceId);
    const photo = (text: string) => new Blob([text], { type: 'image/png' });
    const attach = (caseId: string, recordId: string, actor: typeof gone.actor, text: string) =>
      repos.attachments.add(
        caseId,
        'interviews',
        recordId,
        [{ name: `${text}.png`, mime: 'image/png', blob: photo(text), thumbnail: null }],
        actor,
      );
    await attach(gone.caseId, gone.talk.id, gone.actor, '只属于此任务的照片');
    await attach(gone.caseId, gone.talk.id, gone.actor, '两个任务都有的照片');
    await attach(keep.caseId, keep.talk.id, keep.actor, '两个任务都有的照片');
    await repos.journal.put(`pending:interviews:${gone.talk.id}`, { patch: {} });
    await repos.clearance.noteOwnExport(gone.caseId, '2026-12-07T08:00:00.000Z', 1);

    const { counts, ids } = await repos.clearance.remove(gone.caseId);
    expect(counts).toMatchObject({ cases: 1, members: 1, interviews: 1, attachments: 2, blobs: 1 });
    expect(ids).toContain(gone.talk.id);
    for (const table of db.tables) {
      if (table.name === 'settings' || table.name === 'journal' || table.name === 'blobs') continue;
      const left = (await table.toArray()) as { caseId?: string; id?: string }[];
      expect(
        left.filter((r) => r.caseId === gone.caseId || r.id === gone.caseId),
        table.name,
      ).toEqual([]);
    }
    const settings = (await db.settings.toArray()).map((s) => s.key);
    expect(settings.filter((k) => k.includes(gone.caseId))).toEqual([]);
    expect(await db.table('journal').get(`pending:interviews:${gone.talk.id}`)).toBeUndefined();
    // The case kept is as it was, its photo (also the removed case's) with it.
    const after = await snapshot(db);
    expect(after.interviews).toEqual(before.interviews);
    expect(after.cases).toEqual(before.cases);
    expect(await repos.attachments.list(keep.talk.id)).toHaveLength(1);
    expect(after.blobs).toHaveLength(1);
  });

  it('destroys the case key: the rows left on disk open for nobody, after any unlock', async () => {
    const name = `clearance-keys-${Date.now()}`;
    const ring = keyring(name, { iterations: 1000 });
    const keys = await ring.create('第三巡察组 2026 春');
    const db = new WorkbenchDB(`clearance-${Date.now()}`, {}, keys);
    const repos = repositories(db);
    await repos.open();
    const deviceId = await repos.settings.deviceId();
    const { caseId, talk } = await caseWithInterview(repos, deviceId);
    expect((await repos.records.get('interviews', talk.id))?.place).toBe('县教育局财务室');
    await ring.destroyCaseKey(keys, caseId);
    expect(keys.forCase(caseId)).toBeUndefined();
    await expect(repos.records.get('interviews', talk.id)).rejects.toBeInstanceOf(NoCaseKey);
    repos.close();
    const again = await keyring(name, { iterations: 1000 }).unlock('第三巡察组 2026 春');
    expect(again.forCase(caseId)).toBeUndefined();
    const reopened = repositories(new WorkbenchDB(db.name, {}, again));
    await expect(reopened.records.get('interviews', talk.id)).rejects.toBeInstanceOf(NoCaseKey);
  });
});
