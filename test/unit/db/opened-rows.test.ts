// The bodies a sealed database keeps opened (renderer/db/atRest.ts OpenedRows): what a read
// gets is what is stored now, every read gets objects of its own, and the cache stays bounded.
import { describe, expect, it } from 'vitest';
import { WorkbenchDB } from '../../../renderer/db/database';
import { OpenedRows } from '../../../renderer/db/atRest';
import { sealString } from '../../../shared/rest/seal';
import { caseWithLeader, today } from './helpers';

describe('rows kept opened', () => {
  it('reads back what was just written, each read with objects of its own', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('interviews', caseId, actor, today);
    const turn = { id: 't1', pos: 'a', speaker: 'a' as const, text: '食堂采购未公示' };
    await repos.records.patch('interviews', id, { 'turns/t1': turn }, actor, today);
    const first = (await repos.records.get('interviews', id))!;
    expect(first.turns).toEqual([turn]);
    // A reader that changes what it read changes nothing for the next reader.
    (first.turns as { text: string }[])[0]!.text = '改过';
    (first as Record<string, unknown>).place = '别处';
    const second = (await repos.records.get('interviews', id))!;
    expect(second.turns).toEqual([turn]);
    expect(second.place).not.toBe('别处');
  });

  it('reads what another connection wrote since, not what it opened before', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const { id } = await repos.records.create('interviews', caseId, actor, today);
    expect((await repos.records.get('interviews', id))!.place).toBe('');
    // Another window: the same database and keys, its own connection and its own cache.
    const other = new WorkbenchDB(db.name, {}, db.keys);
    const row = (await other.table('interviews').get(id)) as Record<string, unknown>;
    await other.table('interviews').put({ ...row, place: '县教育局三楼谈话室' });
    other.close();
    expect((await repos.records.get('interviews', id))!.place).toBe('县教育局三楼谈话室');
  });

  it('keeps a bounded amount, dropping the oldest first', () => {
    const rows = new OpenedRows();
    const key = crypto.getRandomValues(new Uint8Array(32));
    const big = 'x'.repeat(200 * 1024); // sealed bytes count, whatever the text kept
    const sealed = Array.from({ length: 200 }, (_, i) => sealString(key, big, `t/${i}`));
    sealed.forEach((s, i) => rows.set('t', `r${i}`, s, `{"n":${i}}`));
    // 200 × 200 KiB is more than the 32 MiB kept: the first are gone, the last are there.
    expect(rows.get('t', 'r0', sealed[0]!)).toBeUndefined();
    expect(rows.get('t', 'r199', sealed[199]!)).toBe('{"n":199}');
    // Another seal of the same row is another body.
    expect(rows.get('t', 'r199', sealed[198]!)).toBeUndefined();
  });
});
