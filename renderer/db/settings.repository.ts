/** Settings of this laptop only. They never travel in a package. */
import { ulid } from 'ulid';
import type { WorkbenchDB } from './database';

const DEVICE_ID = 'deviceId';
const currentMemberKey = (caseId: string) => `currentMember:${caseId}`;

export function settingsRepository(db: WorkbenchDB) {
  return {
    /** This laptop's id, made once on first start: the key of its counters in version vectors. */
    async deviceId(): Promise<string> {
      return db.transaction('rw', db.settings, async () => {
        const existing = await db.settings.get(DEVICE_ID);
        if (existing) return existing.value;
        const id = ulid();
        await db.settings.add({ key: DEVICE_ID, value: id });
        return id;
      });
    },

    /** Who is using this laptop for this case (the member whose name goes on new records). */
    async currentMember(caseId: string): Promise<string | undefined> {
      return (await db.settings.get(currentMemberKey(caseId)))?.value;
    },

    async setCurrentMember(caseId: string, memberId: string): Promise<void> {
      await db.settings.put({ key: currentMemberKey(caseId), value: memberId });
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
