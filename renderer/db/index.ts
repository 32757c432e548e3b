/**
 * The app's repositories over its one database. UI code imports from here, never Dexie.
 */
import { WorkbenchDB } from './database';
import { casesRepository } from './cases.repository';
import { membersRepository } from './members.repository';
import { settingsRepository } from './settings.repository';

export function repositories(db: WorkbenchDB) {
  return {
    cases: casesRepository(db),
    members: membersRepository(db),
    settings: settingsRepository(db),
    /** Opens the database now, so a version problem shows at start rather than on first write. */
    open: async () => {
      await db.open();
    },
  };
}

export type Repositories = ReturnType<typeof repositories>;

export const repos: Repositories = repositories(new WorkbenchDB());
export type { Actor } from './write';
