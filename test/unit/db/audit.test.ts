/**
 * The audit log (issue 16): entries appended, sealed with the case key, read by the 组长 whole
 * and by others for their own laptop; carried to the 组长 only, merged there once, a bad entry
 * refusing the whole package; clue views and edits noted where they happen; wrong passphrases
 * kept by the keyring until the next unlock writes them into every case's log.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, parseAuditEntry } from '../../../shared/domain/audit.schema';
import { ValidationError } from '../../../shared/domain/validation';
import { keyring } from '../../../renderer/db/keyring';
import { SESSION_MS } from '../../../renderer/db/write';
import { logUnlock } from '../../../renderer/app/unlockLog';
import { caseWithLeader, freshRepos, handClock, newCase, snapshot, today } from './helpers';

import type { CaseContents } from '../../../shared/package/contents';
import { importInto, joinByPassphrase, refusedWithoutChange, seal } from './packageHelpers';

/** The 组长's laptop with a case and 李四, and 李四's laptop joined by passphrase. */
async function teamOfTwo() {
  const clock = handClock('2026-11-23T02:00:00.000Z');
  const leader = await caseWithLeader({ clock });
  const { caseId } = leader;
  const lead = (await leader.repos.members.get(leader.actor.memberId))!;
  const li = await leader.repos.members.add(
    caseId,
    { name: '李四', role: 'member', title: '', phone: '' },
    leader.actor,
  );
  const { laptop: member, join } = await joinByPassphrase(leader, caseId, lead, li, { clock });
  const liActor = { deviceId: member.deviceId, memberId: li.id };
  const leadThere = (await member.repos.members.get(lead.id))!;
  /** 李四's package to the 组长, everything or what changed since `since`. */
  const toLeader = (since = 0, tamper?: (c: CaseContents) => CaseContents) =>
    seal(
      member,
      caseId,
      'member',
      li,
      leadThere,
      { recipients: [leadThere.recipient!] },
      since,
      tamper,
    );
  return { clock, leader, member, caseId, lead, li, liActor, join, toLeader };
}

const actionsOf = (entries: readonly { action: string }[]) => entries.map((e) => e.action);

describe('the audit log', () => {
  it('appends entries sealed with the case key, and lists them newest first', async () => {
    const clock = handClock('2026-11-23T02:00:00.000Z');
    const { db, repos, caseId, actor, deviceId } = await caseWithLeader({ clock });
    await repos.audit.append(caseId, 'document', { kind: 'report', file: '巡察报告.docx' }, actor);
    clock.advance(60_000);
    await repos.audit.append(caseId, 'lock', { reason: 'idle' });
    const log = await repos.audit.list(caseId, actor);
    expect(actionsOf(log)).toEqual(['lock', 'document']);
    expect(log[1]).toMatchObject({
      caseId,
      deviceId,
      memberId: actor.memberId, // no actor given: the member using this laptop for the case
      at: '2026-11-23T02:00:00.000Z',
      detail: { kind: 'report', file: '巡察报告.docx' },
    });
    expect(log[0]!.seq).toBeGreaterThan(log[1]!.seq);

    // On disk: the id, the case and the change number; what happened is sealed.
    const raw = new Dexie(db.name);
    await raw.open();
    const stored = (await raw.table('auditLog').toArray()) as Record<string, unknown>[];
    raw.close();
    expect(stored.map((r) => Object.keys(r).sort())).toEqual([
      ['$', 'caseId', 'id', 'seq'],
      ['$', 'caseId', 'id', 'seq'],
    ]);
    const bytes = Buffer.concat(stored.map((r) => Buffer.from(r.$ as Uint8Array)));
    for (const text of ['巡察报告.docx', 'document', 'idle']) {
      expect(bytes.includes(Buffer.from(text, 'utf8')), text).toBe(false);
    }
    // Nothing in the app changes or removes an entry: the door has no such handle.
    expect(Object.keys(repos.audit).sort()).toEqual(['append', 'appendAll', 'list']);
  });

  it('checks every entry against its schema: a bad one is refused and nothing is written', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const before = await snapshot(db);
    await expect(
      repos.audit.append(caseId, 'lock', { reason: 'sleep' } as never, actor),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      repos.audit.append(caseId, 'unlock', { how: 'passphrase', extra: 1 } as never, actor),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(db)).toEqual(before);
    // Every action has its schema.
    for (const action of AUDIT_ACTIONS) {
      expect(() =>
        parseAuditEntry({ id: 'x', caseId, at: today, deviceId: 'd', memberId: '', action }),
      ).toThrow(ValidationError);
    }
  });

  it('appends to every case of this laptop at once, each with the member using it there', async () => {
    const { repos, caseId, actor, deviceId } = await caseWithLeader();
    const other = await repos.cases.create(
      { ...newCase, unitName: '某县卫健委党组', creatorName: '李四' },
      deviceId,
      today,
    );
    expect(await repos.audit.appendAll('unlock', { how: 'passphrase' })).toBe(2);
    const [mine] = await repos.audit.list(caseId, actor);
    const theirs = await repos.audit.list(other.caseRecord.id, {
      deviceId,
      memberId: other.creator.id,
    });
    expect(mine).toMatchObject({ action: 'unlock', memberId: actor.memberId });
    expect(theirs).toMatchObject([{ action: 'unlock', memberId: other.creator.id }]);
  });

  it('travels to the 组长 only, and shows the 组长 every entry, a member those of their laptop', async () => {
    const { clock, leader, member, caseId, lead, li, liActor, join, toLeader } = await teamOfTwo();
    // Join packages carry no log: not the 组长's export entry, not anything.
    expect(join.contents.audit).toEqual([]);
    clock.advance(60_000);
    await member.repos.audit.append(caseId, 'lock', { reason: 'shortcut' }, liActor);
    clock.advance(60_000);
    const sent = await toLeader();
    // 李四's laptop: the join package's import, and the lock.
    expect(actionsOf(sent.contents.audit ?? [])).toEqual(['import', 'lock']);
    expect(sent.contents.audit!.every((e) => e.deviceId === member.deviceId)).toBe(true);

    const { preview } = await importInto(leader, sent.file);
    expect(preview.newAudit).toBe(2);
    const all = await leader.repos.audit.list(caseId, leader.actor);
    // Newest first: the 组长's own entry for this import, then 李四's two.
    expect(actionsOf(all)).toEqual(['import', 'lock', 'import']);
    expect(all[0]).toMatchObject({
      deviceId: leader.deviceId,
      memberId: lead.id,
      detail: { kind: 'member', fromMember: li.id, fromName: '李四', conflicts: 0 },
    });
    expect(all[1]).toMatchObject({ deviceId: member.deviceId, memberId: li.id });
    // Someone else reading on the 组长's laptop sees that laptop's entries only.
    const asLi = await leader.repos.audit.list(caseId, {
      deviceId: leader.deviceId,
      memberId: li.id,
    });
    expect(asLi.map((e) => e.deviceId)).toEqual([leader.deviceId]);
    // On 李四's laptop, 李四 reads 李四's laptop's log.
    expect(actionsOf(await member.repos.audit.list(caseId, liActor))).toEqual(['lock', 'import']);

    // The summary back to 李四 carries none of it.
    const liOnLeader = (await leader.repos.members.get(li.id))!;
    const summary = await seal(leader, caseId, 'summary', lead, liOnLeader, {
      recipients: [liOnLeader.recipient!],
    });
    expect(summary.contents.audit).toEqual([]);
    await importInto(member, summary.file);
    const onMember = await member.db.auditLog.toArray();
    expect(onMember.every((e) => e.deviceId === member.deviceId)).toBe(true);
  });

  it('merges once: applying a package again changes nothing, an entry here is never replaced', async () => {
    const { leader, caseId, liActor, member, toLeader } = await teamOfTwo();
    await member.repos.audit.append(caseId, 'lock', { reason: 'button' }, liActor);
    const sent = await toLeader();
    await importInto(leader, sent.file);
    const before = await snapshot(leader.db);
    const again = await importInto(leader, sent.file);
    expect(again.preview.nothingNew).toBe(true);
    expect(again.preview.newAudit).toBe(0);
    expect(await snapshot(leader.db)).toEqual(before);

    // A copy of an entry with the same id but other words: the one here stays as it is.
    const forged = await toLeader(0, (c) => ({
      ...c,
      audit: c.audit!.map((e) =>
        e.action === 'lock' ? { ...e, detail: { reason: 'idle' as const } } : e,
      ),
    }));
    await importInto(leader, forged.file);
    const lock = (await leader.repos.audit.list(caseId, leader.actor)).find(
      (e) => e.action === 'lock',
    );
    expect(lock?.detail).toEqual({ reason: 'button' });
  });

  it('carries only the entries made since the last package to the 组长', async () => {
    const { member, caseId, liActor, toLeader, lead } = await teamOfTwo();
    const first = await toLeader();
    await member.repos.packages.markSent(caseId, lead.id, first.upTo);
    await member.repos.audit.append(caseId, 'unlock', { how: 'passphrase' }, liActor);
    const since = await member.repos.packages.sentUpTo(caseId, lead.id);
    const next = await toLeader(since);
    expect(actionsOf(next.contents.audit ?? [])).toEqual(['unlock']);
  });

  it('refuses a package with a malformed entry, or another case’s, writing nothing', async () => {
    const { leader, member, caseId, liActor, toLeader } = await teamOfTwo();
    await member.repos.audit.append(caseId, 'lock', { reason: 'button' }, liActor);
    const bent = (change: (e: Record<string, unknown>) => Record<string, unknown>) =>
      toLeader(0, (c) => ({ ...c, audit: c.audit!.map((e) => change(e) as never) }));
    for (const file of [
      (await bent((e) => ({ ...e, action: 'erase' }))).file,
      (await bent((e) => ({ ...e, detail: { ...(e.detail as object), note: '改过' } }))).file,
      (await bent((e) => ({ ...e, at: '昨天' }))).file,
      (await bent((e) => ({ ...e, caseId: '01JOTHERCASE00000000000000' }))).file,
    ]) {
      await refusedWithoutChange(leader, () => importInto(leader, file), 'badRecord');
    }
    // The write path checks them too, whoever hands it a batch.
    const before = await snapshot(leader.db);
    const [good] = (await toLeader()).contents.audit!;
    await expect(
      leader.repos.sync.storeForeign({
        rows: [],
        audit: [good, { ...good, id: 'y', action: 'x' }],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await snapshot(leader.db)).toEqual(before);
  });

  it('notes clue views once per opening and edits once per opening, with the writes', async () => {
    const { clock, leader, member, caseId, liActor } = await teamOfTwo();
    const { repos } = member;
    const clue = await repos.clues.create(caseId, liActor, { subjectName: '王某某' });
    await repos.clues.opened(clue.id, liActor);
    for (const allegation of ['食', '食堂', '食堂采购']) {
      clock.advance(1_000);
      await repos.clues.patch(clue.id, { allegation }, liActor);
    }
    await repos.clues.patch(clue.id, { allegation: '食堂采购' }, liActor); // nothing changes
    const log = () => repos.audit.list(caseId, liActor);
    const clueEntries = async () =>
      (await log()).filter((e) => e.action.startsWith('clue')).reverse();
    expect(
      (await clueEntries()).map((e) => [e.action, (e.detail as { change?: string }).change]),
    ).toEqual([
      ['clueChange', 'create'],
      ['clueView', undefined],
      ['clueChange', 'edit'],
    ]);
    expect((await clueEntries())[1]!.detail).toEqual({ clueId: clue.id, title: '王某某' });
    // Long typing in one opening is noted again; so is an edit in the next opening.
    clock.advance(SESSION_MS + 1);
    await repos.clues.patch(clue.id, { allegation: '食堂采购回扣' }, liActor);
    await repos.clues.opened(clue.id, liActor);
    clock.advance(1_000);
    await repos.clues.patch(clue.id, { allegation: '食堂采购回扣三万元' }, liActor);
    await repos.clues.remove(clue.id, liActor);
    expect(actionsOf((await clueEntries()).slice(3))).toEqual([
      'clueChange',
      'clueView',
      'clueChange',
      'clueChange',
    ]);
    expect((await clueEntries()).at(-1)!.detail).toMatchObject({ change: 'delete' });

    // Someone who may not read a clue does not open it, and leaves no entry.
    const secret = await leader.repos.clues.create(caseId, leader.actor, { subjectName: '赵某' });
    const asLi = { deviceId: leader.deviceId, memberId: liActor.memberId };
    const before = await snapshot(leader.db);
    await expect(leader.repos.clues.opened(secret.id, asLi)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await snapshot(leader.db)).toEqual(before);
  });
});

describe('wrong passphrases in the audit log', () => {
  let n = 0;
  function ringWithClock() {
    let now = Date.parse('2026-12-07T09:00:00Z');
    const ring = keyring(`audit-keyring-${Date.now()}-${n++}`, {
      iterations: 1000,
      now: () => now,
    });
    return { ring, advance: (ms: number) => void (now += ms) };
  }

  it('are kept by the keyring, written into every case at the next unlock, then forgotten', async () => {
    const { ring, advance } = ringWithClock();
    await ring.create('正确的口令 right');
    await expect(ring.unlock('错的')).rejects.toThrow();
    advance(30_000);
    await expect(ring.unlock('也错了')).rejects.toThrow();
    advance(30_000);
    await ring.unlock('正确的口令 right');
    // The wait after wrong passphrases starts over; the log has not taken them yet.
    expect(await ring.failures()).toMatchObject({ count: 0 });
    const times = ['2026-12-07T09:00:00.000Z', '2026-12-07T09:00:30.000Z'];
    expect(await ring.unloggedFailures()).toEqual({ count: 2, times });

    const { repos, caseId, actor, deviceId } = await caseWithLeader();
    const other = await repos.cases.create(
      { ...newCase, unitName: '某县卫健委党组' },
      deviceId,
      today,
    );
    await logUnlock(ring, repos.audit, 'passphrase');
    for (const id of [caseId, other.caseRecord.id]) {
      const log = await repos.audit.list(id, { ...actor, memberId: '' });
      expect(log.map((e) => [e.action, e.detail]).reverse()).toEqual([
        ['unlockFailed', { count: 2, times }],
        ['unlock', { how: 'passphrase' }],
      ]);
    }
    expect(await ring.unloggedFailures()).toEqual({ count: 0, times: [] });
    // The next unlock has nothing to add.
    await logUnlock(ring, repos.audit, 'passphrase');
    expect(actionsOf(await repos.audit.list(caseId, actor))).toEqual([
      'unlock',
      'unlock',
      'unlockFailed',
    ]);
  });

  it('wait in the keyring while no case can take them, or the log cannot be written', async () => {
    const { ring } = ringWithClock();
    await ring.create('正确的口令 right');
    await expect(ring.unlock('错的')).rejects.toThrow();
    const empty = await freshRepos(); // a laptop with no case yet
    await logUnlock(ring, empty.repos.audit, 'passphrase');
    expect((await ring.unloggedFailures()).count).toBe(1);
    const failing = {
      appendAll: () => Promise.reject(new Error('QuotaExceededError')),
    };
    await expect(logUnlock(ring, failing, 'passphrase')).resolves.toBeUndefined();
    expect((await ring.unloggedFailures()).count).toBe(1);
  });
});
