import type { WorkbenchDB } from './database';
import { casesRepository } from './cases.repository';
import { membersRepository } from './members.repository';
import { settingsRepository } from './settings.repository';
import { recordsRepository } from './records.repository';
import { attachmentsRepository } from './attachments.repository';
import { findingsRepository } from './findings.repository';
import { cluesRepository } from './clues.repository';
import { statsRepository } from './stats.repository';

import { NewerDataError } from './settings.repository';
import { CURRENT_VERSION } from './schema';

export { NewerDataError };

/** Every repository over one database: the only door to Dexie. */
export function repositories(db: WorkbenchDB) {
  const settings = settingsRepository(db);
  return {
    cases: casesRepository(db),
    members: membersRepository(db),
    records: recordsRepository(db),
    attachments: attachmentsRepository(db),
    findings: findingsRepository(db),
    clues: cluesRepository(db),
    stats: statsRepository(db),
    settings,
    /**
     * Opens the database now, so a version problem shows at start rather than on first write.
     * Data from a newer app is refused (NewerDataError) and the database closed untouched.
     */
    open: async () => {
      const found = await settings.peekSchemaVersion();
      if (found > CURRENT_VERSION) throw new NewerDataError(found);
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
