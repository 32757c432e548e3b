// A record opened with 新建 and left empty is not evidence: the dashboard does not count it, and
// leaving it untouched removes it — but never a record that holds anything, or that may have left.
import { describe, expect, it } from 'vitest';
import { Autosaver, type AutosaveStore } from '../../../renderer/autosave/autosaver';
import { createJournal } from '../../../renderer/autosave/journal';
import { describeFailure } from '../../../renderer/autosave/failure';
import { COLLECTIONS } from '../../../shared/domain/tables';
import { caseWithLeader, today } from './helpers';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('blank drafts', () => {
  it('are not counted on the dashboard until something is typed into them', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const visit = await repos.records.create('siteVisits', caseId, actor, today);
    const review = await repos.records.create('docReviews', caseId, actor, today);
    expect(await repos.stats.ofCase(caseId, actor)).toMatchObject({ siteVisits: 0, docReviews: 0 });

    await repos.records.patch(
      'siteVisits',
      visit.id,
      { observations: '食堂账目未公示' },
      actor,
      today,
    );
    await repos.records.patch('docReviews', review.id, { title: '   ' }, actor, today);
    expect(await repos.stats.ofCase(caseId, actor)).toMatchObject({ siteVisits: 1, docReviews: 0 });
  });

  it('go away when left untouched; a record with content, or one already exported, stays', async () => {
    const { db, repos, caseId, actor } = await caseWithLeader();
    const untouched = await repos.records.create('petitions', caseId, actor, today);
    expect(await repos.records.discardIfUntouched('petitions', untouched.id)).toBe(true);
    expect(await db.petitions.get(untouched.id)).toBeUndefined();
    expect(await db.summaries.get(untouched.id)).toBeUndefined();
    expect(await db.revisions.where('recordId').equals(untouched.id).count()).toBe(0);

    const filled = await repos.records.create('petitions', caseId, actor, today);
    await repos.records.patch(
      'petitions',
      filled.id,
      { summary: '反映食堂采购问题' },
      actor,
      today,
    );
    expect(await repos.records.discardIfUntouched('petitions', filled.id)).toBe(false);
    expect(await db.petitions.get(filled.id)).toMatchObject({ summary: '反映食堂采购问题' });

    // Typed, then rubbed out: it was written, so it is kept (as a blank, uncounted draft).
    const rubbed = await repos.records.create('petitions', caseId, actor, today);
    await repos.records.patch('petitions', rubbed.id, { summary: '草' }, actor, today);
    await repos.records.patch('petitions', rubbed.id, { summary: '' }, actor, today);
    expect(await repos.records.discardIfUntouched('petitions', rubbed.id)).toBe(false);

    // Once a package may have carried it, other laptops know it: only a tombstone may remove it.
    const exported = await repos.records.create('petitions', caseId, actor, today);
    await repos.sync.markExported(exported.seq);
    expect(await repos.records.discardIfUntouched('petitions', exported.id)).toBe(false);
    expect(await db.petitions.get(exported.id)).toBeDefined();
  });

  it('are removed only after the last keystrokes are written, never before (leaving at once)', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const visit = await repos.records.create('siteVisits', caseId, actor, today);
    const store: AutosaveStore = {
      table: 'siteVisits',
      collections: COLLECTIONS.siteVisits,
      get: (id) => repos.records.get('siteVisits', id),
      patch: (id, patch, who) => repos.records.patch('siteVisits', id, patch, who, today),
      missing: (r) => repos.records.missing('siteVisits', r, today),
      left: (id) => repos.records.discardIfUntouched('siteVisits', id),
    };
    const journal = createJournal({ fast: () => memoryStorage(), durable: () => repos.journal });
    const open = async (id: string) => {
      const saver = new Autosaver(store, id, {
        journal,
        deviceId: actor.deviceId,
        delayMs: 10_000, // nothing is written by the timer: only leaving writes
        describeFailure: (error) =>
          describeFailure(error, { lackOfRoom: false, newerVersion: false }),
      });
      saver.setActor(actor);
      await saver.load();
      return saver;
    };

    const typed = await open(visit.id);
    typed.change({ place: '城关镇中心小学食堂' });
    await typed.leave();
    expect(await repos.records.get('siteVisits', visit.id)).toMatchObject({
      place: '城关镇中心小学食堂',
    });

    const other = await repos.records.create('siteVisits', caseId, actor, today);
    await (await open(other.id)).leave();
    expect(await repos.records.get('siteVisits', other.id)).toBeUndefined();
  });
});
