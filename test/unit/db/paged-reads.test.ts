// Long reads of a sealed database go in pages, each opened while IndexedDB reads the next
// (renderer/db/atRest.ts inPages): what a read returns must not change because of it.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { atRest } from '../../../renderer/db/atRest';
import { memoryKeys } from '../../../renderer/db/keyring';

let n = 0;

interface Row {
  id: string;
  caseId: string;
  kind: string;
  seq: number;
  title: string;
}

/** A sealed table read in pages of 3, and how many reads reached IndexedDB. */
async function sealedTable() {
  const keys = memoryKeys();
  const db = new Dexie(`paged-reads-${n++}`);
  db.version(1).stores({ rows: 'id, [caseId+kind+id], [caseId+seq]' });
  db.use(atRest(keys, 3));
  const reads = { count: 0 };
  db.use({
    stack: 'dbcore',
    name: 'countReads',
    level: -20, // below atRest: the reads it makes
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return { ...table, query: (req) => (reads.count++, table.query(req)) };
      },
    }),
  });
  await keys.ensure('c1');
  await keys.ensure('c2');
  const rows: Row[] = Array.from({ length: 20 }, (_, i) => ({
    id: `r${String(i).padStart(2, '0')}`,
    caseId: i % 5 === 4 ? 'c2' : 'c1',
    kind: i % 2 ? '谈话记录' : '查阅资料',
    seq: 100 - i,
    title: `第${i}条：食堂采购`,
  }));
  await db.table('rows').bulkPut(rows);
  return { db, rows, reads, table: db.table<Row, string>('rows') };
}

describe('long reads in pages', () => {
  it('give the rows one read gives, across page ends, with limits and ranges', async () => {
    const { rows, reads, table } = await sealedTable();
    const ofKind = (caseId: string, kind: string) =>
      rows.filter((r) => r.caseId === caseId && r.kind === kind);

    reads.count = 0;
    const docs = await table.where('[caseId+kind]').equals(['c1', '查阅资料']).toArray();
    expect(docs).toEqual(ofKind('c1', '查阅资料')); // 8 rows
    expect(reads.count).toBe(3); // 3 + 3 + 2

    reads.count = 0;
    expect(await table.toArray()).toEqual(rows);
    expect(reads.count).toBe(7); // 20 rows: six full pages and the rest

    for (const limit of [0, 1, 3, 4, 6, 7, 30]) {
      const some = await table
        .where('[caseId+kind]')
        .equals(['c1', '谈话记录'])
        .limit(limit)
        .toArray();
      expect(some, `limit ${limit}`).toEqual(ofKind('c1', '谈话记录').slice(0, limit));
    }
    expect(await table.where('id').between('r04', 'r12').toArray()).toEqual(rows.slice(4, 12));
    expect(await table.where('id').between('r04', 'r12', true, true).toArray()).toEqual(
      rows.slice(4, 13),
    );
    expect(await table.where('id').above('r13').toArray()).toEqual(rows.slice(14));
    // Exactly a page's worth: the last page read finds nothing more.
    reads.count = 0;
    expect(await table.where('id').between('r00', 'r06').toArray()).toEqual(rows.slice(0, 6));
    expect(reads.count).toBe(3);
  });

  it('reads backwards, by an index not ending with the key, and in a write, as one read', async () => {
    const { db, rows, reads, table } = await sealedTable();
    reads.count = 0;
    expect(await table.reverse().toArray()).toEqual([...rows].reverse());
    const bySeq = await table.where('[caseId+seq]').between(['c2', 0], ['c2', 999]).toArray();
    expect(bySeq).toEqual(rows.filter((r) => r.caseId === 'c2').sort((a, b) => a.seq - b.seq));
    expect(reads.count).toBe(2);

    // In a write: a page cannot see the write made between it and the one before.
    await db.transaction('rw', table, async () => {
      reads.count = 0;
      const [all] = await Promise.all([table.toArray(), table.put({ ...rows[0]!, title: '改' })]);
      expect(all).toEqual(rows);
      expect(reads.count).toBe(1);
    });
    expect((await table.get('r00'))!.title).toBe('改');
  });

  it('keeps a readonly transaction going after a paged read', async () => {
    const { db, rows, table } = await sealedTable();
    const [all, one, count] = await db.transaction('r', table, async () => {
      const all = await table.toArray();
      return [all, await table.get('r07'), await table.count()] as const;
    });
    expect(all).toEqual(rows);
    expect(one).toEqual(rows[7]);
    expect(count).toBe(20);
  });
});
