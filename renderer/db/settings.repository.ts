/** Settings of this laptop only. They never travel in a package. */
import { ulid } from 'ulid';
import type { WorkbenchDB } from './database';
import { CURRENT_VERSION } from './schema';
import type { LaptopKey } from '../../shared/package/keys';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';

const DEVICE_ID = 'deviceId';
/** This laptop's age identity (secret). The protection-at-rest issue encrypts it. */
const LAPTOP_IDENTITY = 'laptopIdentity';
/** The newest schema version that has written this database. Never rename this key. */
const SCHEMA_VERSION = 'schemaVersion';

/**
 * This database was written by a newer version of the app. Dexie 4 opens such a database
 * without complaint (it only needs the tables it knows), so the app records its schema version
 * and an older app refuses to touch data it may not understand.
 */
export class NewerDataError extends Error {
  constructor(readonly found: number) {
    super(`database schema ${found} is newer than this app's ${CURRENT_VERSION}`);
    this.name = 'NewerDataError';
  }
}
const currentMemberKey = (caseId: string) => `currentMember:${caseId}`;
/** The member a join package made this laptop belong to, for one case. */
const boundMemberKey = (caseId: string) => `boundMember:${caseId}`;

export function settingsRepository(db: WorkbenchDB) {
  return {
    /** Marks the database as written by this schema version; refuses newer data. */
    async claimSchemaVersion(): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const found = Number((await db.settings.get(SCHEMA_VERSION))?.value ?? 0);
        if (found > CURRENT_VERSION) throw new NewerDataError(found);
        if (found < CURRENT_VERSION) {
          await db.settings.put({ key: SCHEMA_VERSION, value: String(CURRENT_VERSION) });
        }
      });
    },

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

    /**
     * This laptop's key pair for case packages, made on first use and kept from then on. Made
     * before the transaction (key generation is not an IndexedDB request and would end it);
     * when two windows make one at once, the first stored wins and both return it.
     */
    async laptopKey(): Promise<LaptopKey> {
      // The age library (90 kB) is loaded when a key is needed, not with the first page.
      const { newLaptopKey, recipientOf } = await import('../../shared/package/keys');
      const stored = await db.settings.get(LAPTOP_IDENTITY);
      if (stored) return { identity: stored.value, recipient: await recipientOf(stored.value) };
      const made = await newLaptopKey();
      const identity = await db.transaction('rw', db.settings, async () => {
        const first = await db.settings.get(LAPTOP_IDENTITY);
        if (first) return first.value;
        await db.settings.add({ key: LAPTOP_IDENTITY, value: made.identity });
        return made.identity;
      });
      return { identity, recipient: await recipientOf(identity) };
    },

    /** Who is using this laptop for this case (the member whose name goes on new records). */
    async currentMember(caseId: string): Promise<string | undefined> {
      return (await db.settings.get(currentMemberKey(caseId)))?.value;
    },

    /** Refused on a laptop joined as another member: it writes only as that member. */
    async setCurrentMember(caseId: string, memberId: string): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const bound = (await db.settings.get(boundMemberKey(caseId)))?.value;
        if (bound !== undefined && bound !== memberId) {
          throw new ValidationError({ _: zh.exchange.boundHint });
        }
        await db.settings.put({ key: currentMemberKey(caseId), value: memberId });
      });
    },

    /** The member this laptop belongs to for this case: joined as, or the 组长 who sent joins. */
    async boundMember(caseId: string): Promise<string | undefined> {
      return (await db.settings.get(boundMemberKey(caseId)))?.value;
    },

    /** Binds this laptop to `memberId` for the case (a join package), as its current member. */
    async bindTo(caseId: string, memberId: string): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: boundMemberKey(caseId), value: memberId });
        await db.settings.put({ key: currentMemberKey(caseId), value: memberId });
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
