import { describe, expect, it } from 'vitest';
import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';
import { TABLES } from '../../../shared/domain/tables';
import { isRecipient } from '../../../shared/package/keys';
import { freshRepos } from './helpers';

describe("this laptop's package key", () => {
  it('is made once, kept over a restart, and the same for two windows asking at once', async () => {
    const { db, repos } = await freshRepos();
    const [a, b] = await Promise.all([repos.settings.laptopKey(), repos.settings.laptopKey()]);
    expect(a).toEqual(b);
    expect(isRecipient(a.recipient)).toBe(true);
    db.close();

    const again = repositories(new WorkbenchDB(db.name, {}, db.keys));
    await again.open();
    expect(await again.settings.laptopKey()).toEqual(a);
  });

  it('lives in a table that never travels in a package', async () => {
    const { db, repos } = await freshRepos();
    const { identity } = await repos.settings.laptopKey();
    const holding = [];
    for (const table of db.tables) {
      const rows = await table.toArray();
      if (JSON.stringify(rows).includes(identity)) holding.push(table.name);
    }
    expect(holding).toEqual(['settings']);
    expect(TABLES.settings).toBe('local');
  });
});
