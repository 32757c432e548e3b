/**
 * Case packages between laptops, each laptop a real database with its own key: the 组长 makes
 * the case and the team, gives a member a join package under a passphrase, the member writes
 * and sends back, both edit one field, the 组长 merges and settles, and the summary goes back.
 * Packages are really sealed and opened (age, ZIP, hashes); bad ones must change nothing.
 */
import { describe, expect, it } from 'vitest';
import { packContents, type CaseContents } from '../../../shared/package/contents';
import { sealPackage } from '../../../shared/package/seal';
import type { Manifest } from '../../../shared/package/manifest';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import {
  caseWithLeader,
  earlierRoundAndLookback,
  freshRepos,
  newCase,
  snapshot,
  today,
} from './helpers';
import { zh } from '../../../shared/i18n/zh-CN';
import { snapshotIdentity } from '../../../shared/rest/caseKeys';
import { identityToRecipient } from 'age-encryption';

import {
  importInto,
  joinByPassphrase,
  openSealed,
  refusedWithoutChange,
  seal,
  sealContents,
} from './packageHelpers';

/** The 组长's laptop with a case and one member, 李四, and 李四's laptop joined by passphrase. */
async function teamOfTwo() {
  const leader = await caseWithLeader();
  const { caseId } = leader;
  const lead = (await leader.repos.members.get(leader.actor.memberId))!;
  const li = await leader.repos.members.add(
    caseId,
    { name: '李四', role: 'member', title: '', phone: '' },
    leader.actor,
  );
  const wang = await leader.repos.members.add(
    caseId,
    { name: '王五', role: 'member', title: '', phone: '' },
    leader.actor,
  );
  const { laptop: member, joined } = await joinByPassphrase(leader, caseId, lead, li);
  return { leader, member, caseId, lead, li, wang, joined };
}

describe('case packages between laptops', () => {
  it('join by passphrase: the member laptop gets the case and team, and is bound to 李四', async () => {
    const { member, caseId, li, lead, joined } = await teamOfTwo();
    expect(joined.preview.newCase).toBe(true);
    expect(joined.preview.tables.members).toMatchObject({ added: 3 });
    expect(await member.repos.packages.boundMember(caseId)).toBe(li.id);
    expect(await member.repos.settings.currentMember(caseId)).toBe(li.id);
    // The 组长's key came with the team; 李四's own key is now on 李四's member row here.
    const team = await member.repos.members.list(caseId);
    const mine = (await member.repos.settings.laptopKey()).recipient;
    expect(team.find((m) => m.id === lead.id)?.recipient).toMatch(/^age1/);
    expect(team.find((m) => m.id === li.id)?.recipient).toBe(mine);
  });

  it('a member package merges on the leader laptop; twice changes nothing', async () => {
    const { leader, member, caseId, li, lead } = await teamOfTwo();
    const liActor = { deviceId: member.deviceId, memberId: li.id };
    const talk = await member.repos.records.create('interviews', caseId, liActor, today);
    await member.repos.records.patch('interviews', talk.id, { place: '镇政府' }, liActor, today);
    const clue = await member.repos.clues.create(caseId, liActor, { allegation: '食堂采购' });
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const sent = await seal(member, caseId, 'member', li, leadOnMember, {
      recipients: [leadOnMember.recipient!, (await member.repos.settings.laptopKey()).recipient],
    });
    const first = await importInto(leader, sent.file);
    expect(first.preview.tables.interviews).toMatchObject({ added: 1 });
    expect(first.preview.tables.clues).toMatchObject({ added: 1 });
    expect(await leader.repos.records.get('interviews', talk.id)).toMatchObject({
      place: '镇政府',
    });
    expect(await leader.repos.clues.get(clue.id, leader.actor)).toMatchObject({
      allegation: '食堂采购',
    });
    // 李四's key reached the 组长 with the package.
    expect((await leader.repos.members.get(li.id))?.recipient).toMatch(/^age1/);

    const before = await snapshot(leader.db);
    const again = await importInto(leader, sent.file);
    expect(again.preview.nothingNew).toBe(true);
    expect(again.result.stored).toBe(0);
    expect(await snapshot(leader.db)).toEqual(before);
  });

  it('a member laptop’s snapshot (say, from its second folder after the laptop was lost) merges on the 组长’s', async () => {
    const { leader, member, caseId, li, lead } = await teamOfTwo();
    const liActor = { deviceId: member.deviceId, memberId: li.id };
    const talk = await member.repos.records.create('interviews', caseId, liActor, today);
    await member.repos.records.patch('interviews', talk.id, { place: '村委会' }, liActor, today);
    // As renderer/snapshots seals one: the whole case, to this laptop's snapshot key and the 组长.
    const { contents } = await member.repos.snapshots.contents(caseId);
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const snapshotKey = snapshotIdentity(member.repos.laptopDataKey()!);
    const file = await sealContents(
      contents,
      { kind: 'snapshot', caseId, by: li.id, deviceId: member.deviceId, forMember: li.id },
      { recipients: [await identityToRecipient(snapshotKey), leadOnMember.recipient!] },
    );

    const merged = await importInto(leader, file);
    expect(merged.manifest.kind).toBe('snapshot');
    expect(merged.preview.tables.interviews).toMatchObject({ added: 1 });
    expect(await leader.repos.records.get('interviews', talk.id)).toMatchObject({
      place: '村委会',
    });
  });

  it('the same field edited on both laptops is a conflict both keep; settling it travels', async () => {
    const { leader, member, caseId, li, lead } = await teamOfTwo();
    const liActor = { deviceId: member.deviceId, memberId: li.id };
    const talk = await member.repos.records.create('interviews', caseId, liActor, today);
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const toLeader = async () =>
      seal(member, caseId, 'member', li, leadOnMember, { recipients: [leadOnMember.recipient!] });
    await importInto(leader, (await toLeader()).file);
    // Both write the place, neither having seen the other's write.
    await member.repos.records.patch('interviews', talk.id, { place: '村委会' }, liActor, today);
    await leader.repos.records.patch(
      'interviews',
      talk.id,
      { place: '镇政府' },
      leader.actor,
      today,
    );
    const { result } = await importInto(leader, (await toLeader()).file);
    expect(result.conflicts.map((c) => c.path)).toEqual(['place']);
    const [conflict] = await leader.repos.conflicts.list(caseId, leader.actor);
    expect(conflict!.sides.map((s) => s.value).sort()).toEqual(['村委会', '镇政府']);
    expect(conflict!.sides.every((s) => s.by && s.at)).toBe(true);

    await leader.repos.conflicts.settle(
      'interviews',
      talk.id,
      'place',
      '村委会（镇政府旁）',
      leader.actor,
    );
    expect(await leader.repos.conflicts.list(caseId, leader.actor)).toEqual([]);
    const liOnLeader = (await leader.repos.members.get(li.id))!;
    const back = await seal(leader, caseId, 'summary', lead, liOnLeader, {
      recipients: [liOnLeader.recipient!],
    });
    await importInto(member, back.file);
    expect(await member.repos.records.get('interviews', talk.id)).toMatchObject({
      place: '村委会（镇政府旁）',
    });
    expect(await member.repos.conflicts.list(caseId, liActor)).toEqual([]);
  });

  it('a summary for 李四 carries 王五’s records but not 王五’s clues', async () => {
    const { leader, caseId, li, lead, wang } = await teamOfTwo();
    const wangActor = { deviceId: 'WANG-LAPTOP', memberId: wang.id };
    // 王五's work, as if it had arrived on the leader laptop already.
    await leader.repos.records.create('interviews', caseId, wangActor, today);
    const secret = await leader.repos.clues.create(caseId, wangActor, { allegation: '王五的线索' });
    const liOnLeader = (await leader.repos.members.get(li.id))!;
    const { contents } = await leader.repos.packages.outgoing(caseId, 'summary', liOnLeader);
    expect(contents.rows.filter((r) => r.table === 'interviews')).toHaveLength(1);
    expect(contents.rows.some((r) => r.row.id === secret.id)).toBe(false);
    expect(contents.revisions.some((r) => r.recordId === secret.id)).toBe(false);
    expect(JSON.stringify(contents)).not.toContain('王五的线索');
    const forLeader = await leader.repos.packages.outgoing(caseId, 'member', lead);
    expect(forLeader.contents.rows.some((r) => r.row.id === secret.id)).toBe(true);
  });

  it('only what changed since the last package to that member, by change number', async () => {
    const { member, caseId, li, lead } = await teamOfTwo();
    const liActor = { deviceId: member.deviceId, memberId: li.id };
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    await member.repos.records.create('interviews', caseId, liActor, today);
    const first = await member.repos.packages.outgoing(caseId, 'member', leadOnMember);
    await member.repos.packages.markSent(caseId, lead.id, first.upTo);
    const later = await member.repos.records.create('docReviews', caseId, liActor, today);
    const since = await member.repos.packages.sentUpTo(caseId, lead.id);
    expect(since).toBe(first.upTo);
    const next = await member.repos.packages.outgoing(caseId, 'member', leadOnMember, since);
    expect(next.contents.rows.map((r) => r.row.id)).toEqual([later.id]);
  });

  it('refuses, changing nothing: wrong key, wrong passphrase, a flipped byte, a cut file', async () => {
    const { leader, member, caseId, li, lead } = await teamOfTwo();
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const { file } = await seal(member, caseId, 'member', li, leadOnMember, {
      recipients: [leadOnMember.recipient!],
    });
    const stranger = await freshRepos();
    await stranger.repos.settings.laptopKey(); // made at its first start, as in the app
    await refusedWithoutChange(stranger, () => importInto(stranger, file), 'notForThisLaptop');
    const flipped = file.slice();
    flipped[file.length - 100]! ^= 1;
    await refusedWithoutChange(leader, () => importInto(leader, flipped), 'damaged');
    await refusedWithoutChange(leader, () => importInto(leader, file.slice(0, 500)), 'damaged');
    const join = await seal(leader, caseId, 'join', lead, li, { passphrase: 'RIGHT-ONE' });
    await refusedWithoutChange(
      stranger,
      () => importInto(stranger, join.file, { passphrase: 'WRONG-ONE' }),
      'wrongPassphrase',
    );
  });

  it('refuses a package that makes a member 组长 or confirms a finding without a 组长', async () => {
    const { leader, member, caseId, li, lead } = await teamOfTwo();
    const liActor = { deviceId: member.deviceId, memberId: li.id };
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const { contents } = await member.repos.packages.outgoing(caseId, 'member', leadOnMember);
    // A forged package: 李四's member row says 组长, with a write "by" 李四 to back it.
    const forged: CaseContents = {
      ...contents,
      rows: contents.rows.map((r) =>
        r.row.id === li.id
          ? {
              ...r,
              row: {
                ...r.row,
                role: 'leader',
                vv: { ...r.row.vv, [member.deviceId]: 9 },
                clocks: { ...r.row.clocks, role: [member.deviceId, 9] },
              },
            }
          : r,
      ),
      revisions: [
        ...contents.revisions,
        {
          id: '01JFORGED00000000000000000',
          caseId,
          table: 'members',
          recordId: li.id,
          kind: 'update',
          at: '2026-11-29T09:00:00.000Z',
          by: liActor.memberId,
          dot: [member.deviceId, 9],
          vv: { [member.deviceId]: 9 },
          changes: { role: 'leader' },
          seq: 0,
        },
      ],
    };
    const manifest = { caseId, kind: 'member', forMember: lead.id } as Manifest;
    await refusedWithoutChange(
      leader,
      () => leader.repos.packages.apply(manifest, forged),
      'notEntitled',
    );
  });

  it('refuses a join package for another member on a laptop already joined', async () => {
    const { leader, member, caseId, lead, wang } = await teamOfTwo();
    const join = await seal(leader, caseId, 'join', lead, wang, { passphrase: 'P' });
    await refusedWithoutChange(
      member,
      () => importInto(member, join.file, { passphrase: 'P' }),
      'notThisMember',
    );
  });

  it('refuses a row that fails its schema or belongs to another case, changing nothing', async () => {
    const { leader, member, caseId, li, lead } = await teamOfTwo();
    const liActor = { deviceId: member.deviceId, memberId: li.id };
    await member.repos.records.create('interviews', caseId, liActor, today);
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const { contents } = await member.repos.packages.outgoing(caseId, 'member', leadOnMember);
    const tampered = async (change: (row: Record<string, unknown>) => Record<string, unknown>) => {
      const rows = contents.rows.map((r) =>
        r.table === 'interviews' ? { ...r, row: change(r.row as never) as never } : r,
      );
      return sealContents(
        { ...contents, rows },
        { kind: 'member', caseId, by: li.id, deviceId: member.deviceId, forMember: lead.id },
        { recipients: [leadOnMember.recipient!] },
      );
    };
    const badDate = await tampered((row) => ({ ...row, date: '2026-13-45' }));
    await refusedWithoutChange(leader, () => importInto(leader, badDate), 'badRecord');
    const stray = await tampered((row) => ({ ...row, secretField: 1 }));
    await refusedWithoutChange(leader, () => importInto(leader, stray), 'badRecord');
    const otherCase = await tampered((row) => ({ ...row, caseId: '01JOTHERCASE00000000000000' }));
    await refusedWithoutChange(leader, () => importInto(leader, otherCase), 'badRecord');
  });

  it('refuses a forged row change no allowed write backs: demoting the 组长, another member’s key', async () => {
    const { leader, member, caseId, li, lead, wang } = await teamOfTwo();
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const { contents } = await member.repos.packages.outgoing(caseId, 'member', leadOnMember);
    const forge = (id: string, fields: Record<string, unknown>): CaseContents => ({
      ...contents,
      rows: contents.rows.map((r) => {
        if (r.row.id !== id) return r;
        const clocks = { ...r.row.clocks };
        for (const f of Object.keys(fields)) clocks[f] = [member.deviceId, 50];
        const vv = { ...r.row.vv, [member.deviceId]: 50 };
        return { ...r, row: { ...r.row, ...fields, clocks, vv } };
      }),
    });
    const manifest = { caseId, kind: 'member', forMember: lead.id } as Manifest;
    // No revision at all for the forged value: nothing entitles it.
    await refusedWithoutChange(
      leader,
      () => leader.repos.packages.apply(manifest, forge(lead.id, { role: 'member' })),
      'notEntitled',
    );
    const someoneElse = (await freshRepos()).repos.settings.laptopKey();
    await refusedWithoutChange(
      leader,
      async () =>
        leader.repos.packages.apply(
          manifest,
          forge(wang.id, { recipient: (await someoneElse).recipient }),
        ),
      'notEntitled',
    );
    expect(li.id).not.toBe(wang.id);
  });

  it('a joined laptop writes only as its member: choosing another is refused', async () => {
    const { member, caseId, lead, li } = await teamOfTwo();
    await expect(member.repos.settings.setCurrentMember(caseId, lead.id)).rejects.toThrow(
      '固定为这位成员',
    );
    expect(await member.repos.settings.currentMember(caseId)).toBe(li.id);
  });

  it('the 组长’s laptop is the 组长’s once a join package has left it', async () => {
    const { leader, caseId, lead, li } = await teamOfTwo();
    // Before: anyone may be chosen (one laptop shared before the members have their own).
    await leader.repos.settings.setCurrentMember(caseId, li.id);
    await leader.repos.settings.setCurrentMember(caseId, lead.id);
    await leader.repos.packages.bindExporter(caseId, lead.id);
    await expect(leader.repos.settings.setCurrentMember(caseId, li.id)).rejects.toThrow(
      '固定为这位成员',
    );
    expect(await leader.repos.settings.currentMember(caseId)).toBe(lead.id);
    // A second join package changes nothing.
    await leader.repos.packages.bindExporter(caseId, li.id);
    expect(await leader.repos.packages.boundMember(caseId)).toBe(lead.id);
  });

  it('asks before adding another case: the preview says so and writes nothing', async () => {
    const { member, caseId, li, lead } = await teamOfTwo();
    const leadOnMember = (await member.repos.members.get(lead.id))!;
    const { file } = await seal(member, caseId, 'member', li, leadOnMember, {
      recipients: [(await member.repos.settings.laptopKey()).recipient],
    });
    // Another laptop of the same member's key would open it; a fresh database stands in for a
    // laptop that has never seen this case.
    const elsewhere = await freshRepos();
    const opened = await openSealed(file, {
      identity: (await member.repos.settings.laptopKey()).identity,
    });
    const before = await snapshot(elsewhere.db);
    const preview = await elsewhere.repos.packages.preview(opened.manifest, opened.contents);
    expect(preview.newCase).toBe(true);
    expect(preview.tables.cases).toMatchObject({ added: 1 });
    expect(await snapshot(elsewhere.db)).toEqual(before);
  });
});

describe('a 回头看 from the earlier round’s package', () => {
  it('starts on a laptop that never held the earlier case; a newer package is refused, writing nothing', async () => {
    const earlier = await earlierRoundAndLookback();
    const earlierLeader = (await earlier.repos.members.get(earlier.priorActor.memberId))!;
    const passphrase = 'TEST-PASS-WORD-2026';
    const { file } = await seal(
      { db: earlier.db, repos: earlier.repos, deviceId: earlier.actor.deviceId },
      earlier.priorId,
      'summary',
      earlierLeader,
      earlierLeader,
      { passphrase },
    );

    const laptop = await freshRepos();
    const made = await laptop.repos.cases.create(
      { ...newCase, type: 'lookback' },
      laptop.deviceId,
      today,
    );
    const caseId = made.caseRecord.id;
    const actor = { deviceId: laptop.deviceId, memberId: made.creator.id };

    // The same package from a newer app: refused like any package, and the 回头看 cannot start.
    const { manifest, contents } = await openSealed(file, { passphrase });
    const { entries, counts } = await packContents(contents);
    const newer = await sealPackage(
      { ...manifest, schemaVersion: SCHEMA_VERSION + 1, counts },
      entries,
      { passphrase },
      { scryptWorkFactor: 10 },
    );
    await refusedWithoutChange(laptop, () => importInto(laptop, newer, { passphrase }), 'newer');
    const before = await snapshot(laptop.db);
    await expect(laptop.repos.rechecks.start(caseId, earlier.priorId, actor)).rejects.toMatchObject(
      { fieldErrors: { priorCaseId: zh.recheck.noPrior } },
    );
    expect(await snapshot(laptop.db)).toEqual(before);

    const { preview } = await importInto(laptop, file, { passphrase });
    expect(preview.newCase).toBe(true);
    expect(await laptop.repos.rechecks.start(caseId, earlier.priorId, actor)).toEqual({
      added: 3,
      updated: 0,
    });
    const rows = await laptop.repos.rechecks.list(caseId, actor);
    expect(rows.map((r) => r.problem?.title ?? r.clue?.subjectName)).toEqual([
      '公务用车私用',
      '超标准接待',
      '王某某',
    ]);
  });
});
