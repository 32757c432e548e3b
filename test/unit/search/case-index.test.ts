import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { RECORD_SPECS } from '../../../shared/domain/records';
import { summarize } from '../../../shared/domain/records/summary';
import { SearchIndex, firstMatch, queryTerms } from '../../../shared/search';
import { openReadOnlyRecords } from '../../../renderer/db/readonly';
import { CURRENT_VERSION } from '../../../renderer/db/schema';
import { CaseIndex, type IndexStatus } from '../../../renderer/search/caseIndex';
import { caseWithLeader, snapshot, today } from '../db/helpers';
import { readerOf } from '../../support/storedCase';

/**
 * A case with `count` site visits, every tenth one about 公务用车: one written through the
 * repository, the rest copies of it stored in bulk as an import would (each with the next
 * number of the change sequence), since writing them one by one takes a minute here.
 */
async function caseWithVisits(count: number) {
  const setup = await caseWithLeader();
  const { db, repos, caseId, actor } = setup;
  const { id } = await repos.records.create('siteVisits', caseId, actor, today);
  await repos.records.patch('siteVisits', id, { place: '村0' }, actor, today);
  const model = (await repos.records.get('siteVisits', id))!;
  let seq = Number((await db.settings.get('seq'))!.value);
  const rows = Array.from({ length: count }, (_, i) => ({
    ...model,
    id: i === 0 ? id : `visit-${String(i).padStart(4, '0')}`,
    place: `村${i}`,
    observations: i % 10 === 0 ? `第${i}次走访：发现公务用车停在农家乐` : `第${i}次走访`,
    seq: ++seq,
  }));
  await db.transaction('rw', [db.siteVisits, db.summaries, db.settings], async () => {
    await db.siteVisits.bulkPut(rows);
    await db.summaries.bulkPut(rows.map((r) => summarize(RECORD_SPECS.siteVisits, r)));
    await db.settings.put({ key: 'seq', value: String(seq) });
  });
  return setup;
}

describe('the search worker’s index of a case', () => {
  it('answers the first query at once while it is built, says so, then answers in full', async () => {
    const { db, caseId } = await caseWithVisits(250);
    const reader = await openReadOnlyRecords(readerOf(db, caseId));
    expect(reader).not.toBeNull();
    const said: IndexStatus[] = [];
    const index = new CaseIndex(reader!, caseId, (s) => said.push(s));

    const built = index.build();
    const early = await index.search('公务用车', 50);
    expect(early.status.building).toBe(true);
    expect(early.result.total).toBeLessThan(25);

    await built;
    const full = await index.search('公务用车', 50);
    expect(full.status).toEqual({ indexed: 250, total: 250, building: false, failed: false });
    expect(full.result.total).toBe(25);
    // It told the page how far it was along the way (in batches), and when it was done.
    expect(said.some((s) => s.building && s.indexed > 0 && s.indexed < 250)).toBe(true);
    expect(said.at(-1)).toEqual(full.status);
  });

  it('finds a word typed into a record a moment ago, and forgets a deleted record', async () => {
    const { db, repos, caseId, actor } = await caseWithVisits(30);
    const reader = await openReadOnlyRecords(readerOf(db, caseId));
    const index = new CaseIndex(reader!, caseId);
    await index.build();
    expect((await index.search('违规宴请', 50)).result.total).toBe(0);

    const [first] = await repos.records.summaries(caseId, 'siteVisits');
    await repos.records.patch(
      'siteVisits',
      first!.id,
      { observations: '群众反映有违规宴请' },
      actor,
      today,
    );
    const found = await index.search('违规宴请', 50);
    expect(found.result.hits.map((h) => h.id)).toEqual([first!.id]);

    await repos.records.remove('siteVisits', first!.id, actor);
    expect((await index.search('违规宴请', 50)).result.total).toBe(0);
  });

  it('reads without writing, and steps aside for a newer version of the app', async () => {
    const { db, caseId } = await caseWithVisits(3);
    const before = await snapshot(db);
    let closed = false;
    const reader = await openReadOnlyRecords({
      ...readerOf(db, caseId),
      onClosed: () => (closed = true),
    });
    await new CaseIndex(reader!, caseId).build();
    expect(await snapshot(db)).toEqual(before);

    // Another window opens the database with a newer schema: neither this reader nor the page
    // (repositories.ts) may block it.
    db.close();
    const newer = new Dexie(db.name);
    newer.version(CURRENT_VERSION + 1).stores({ extra: 'id' });
    await newer.open();
    expect(closed).toBe(true);
    newer.close();
    // A query after that answers from what was indexed, saying it may be stale.
    const index = new CaseIndex(reader!, caseId);
    await index.build();
    expect(index.status().failed).toBe(true);
  });

  it('never creates a database that is not there, nor opens one of another version', async () => {
    expect(await openReadOnlyRecords({ name: 'no-such-database' })).toBeNull();
    expect(await Dexie.exists('no-such-database')).toBe(false);

    const old = new Dexie('an-older-version');
    old.version(1).stores({ cases: 'id' });
    await old.open();
    old.close();
    expect(await openReadOnlyRecords({ name: 'an-older-version' })).toBeNull();
    const still = new Dexie('an-older-version');
    await still.open();
    expect(still.verno).toBe(1); // not upgraded
    still.close();
  });
});

describe('the first match of a query in a field', () => {
  it('is found as the index finds it, and given in the original text', () => {
    expect(firstMatch('经查，公务用车私用', queryTerms('公务用车'))).toEqual({ start: 3, end: 7 });
    // Full-width letters and zero-width characters normalise away, as in the index.
    expect(firstMatch('Ａ县公务\u200b用车', queryTerms('a县 公务用车'))).toEqual({
      start: 0,
      end: 2,
    });
    expect(firstMatch('说明：公务\u200b用车', queryTerms('公务用车'))).toEqual({
      start: 3,
      end: 8,
    });
    expect(firstMatch('没有这个词', queryTerms('公务用车'))).toBeNull();
  });
});

describe('a bulk load in steps', () => {
  it('answers between steps from what is placed, and ends as one upsertMany would', () => {
    const docs = Array.from({ length: 60 }, (_, i) => ({
      id: `d${String(i).padStart(2, '0')}`,
      kind: 'siteVisits',
      title: `村${i}`,
      text: i % 3 === 0 ? `发现公务用车${i}` : `走访${i}`,
    }));
    const stepped = new SearchIndex();
    const loader = stepped.loader();
    loader.add(docs.slice(0, 30));
    loader.add(docs.slice(30));
    loader.drop('d03');
    expect(stepped.search('公务用车').total).toBe(0);
    const seen: number[] = [];
    while (loader.place(7)) seen.push(stepped.search('公务用车').total);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen.at(-1)).toBeLessThan(19);
    const whole = new SearchIndex();
    whole.upsertMany(docs.filter((d) => d.id !== 'd03'));
    expect(stepped.search('公务用车')).toEqual(whole.search('公务用车'));
    expect(stepped.search('走访', { limit: 100 })).toEqual(whole.search('走访', { limit: 100 }));
  });
});
