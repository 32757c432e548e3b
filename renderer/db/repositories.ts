import type { WorkbenchDB } from './database';
import { casesRepository } from './cases.repository';
import { membersRepository } from './members.repository';
import { settingsRepository } from './settings.repository';

export { NewerDataError } from './settings.repository';

/** Every repository over one database: the only door to Dexie. */
export function repositories(db: WorkbenchDB) {
  const settings = settingsRepository(db);
  return {
    cases: casesRepository(db),
    members: membersRepository(db),
    settings,
    /**
     * Opens the database now, so a version problem shows at start rather than on first write.
     * Data from a newer app is refused (NewerDataError) and the database closed untouched.
     */
    open: async () => {
      await db.open();
      try {
        await settings.claimSchemaVersion();
      } catch (error) {
        db.close();
        throw error;
      }
    },
  };
}

export type Repositories = ReturnType<typeof repositories>;
