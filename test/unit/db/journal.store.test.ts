import { describe, expect, it } from 'vitest';
import { classifyWriteFailure } from '../../../renderer/app/storageLevel';
import { freshRepos } from './helpers';

describe("the journal's durable store", () => {
  it('keeps the latest note per key and reads it back', async () => {
    const { repos } = await freshRepos();
    await Promise.all([repos.journal.put('k', { n: 1 }), repos.journal.put('k', { n: 2 })]);
    expect(await repos.journal.get('k')).toEqual({ n: 2 });
    await repos.journal.put('k', null);
    expect(await repos.journal.get('k')).toBeUndefined();
  });

  it('says the database went away when Chromium closed it, not that something unknown failed', async () => {
    // After a failed write on a full disk Chromium closes the connection; the next note must be
    // read by the storage watcher as that, or the user is told of an unexplained failure and
    // the database never gets its fresh log once space returns (see full-disk.test.ts).
    const { db, repos } = await freshRepos();
    db.close();
    const error = await repos.journal.put('k', { n: 1 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(classifyWriteFailure(error)).toBe('closed');
  });
});
