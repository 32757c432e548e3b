/**
 * 巡后清退 (issue 16, DESIGN §12): once the 组长 holds a member's work, the member's laptop
 * gives the case up. What makes that safe is an acknowledgement that travels back:
 *
 * - the 组长's laptop notes every 交组长的数据包 it applies (which laptop, made when);
 * - a 汇总包 for a member names the last of that member's packages the 组长 applied;
 * - the member's laptop notes each package it makes for the 组长, and when a 汇总包 names the
 *   last of them, the case is acknowledged: every write made here until then is with the 组长.
 *
 * Writes made here after that package are what 清退 would lose, and are counted for the user.
 * Removing the case deletes every row of it, in one transaction; the case key is destroyed by
 * the keyring (crypto-erase: what the disk may still hold of it cannot be opened any more).
 */
import Dexie from 'dexie';
import type { Manifest } from '../../shared/package/manifest';
import { TABLES, type TableName } from '../../shared/domain/tables';
import type { WorkbenchDB } from './database';
import type { SettingsRepository } from './settings.repository';

/** Packages from members this laptop applied, per case: by laptop, the member and when made. */
const receivedKey = (caseId: string) => `received:${caseId}`;
/** The last package this laptop made for the 组长, per case: when, and the change it reached. */
const ownExportKey = (caseId: string) => `ownExport:${caseId}`;
/** The 汇总包 that acknowledged that package. */
const acknowledgedKey = (caseId: string) => `acknowledged:${caseId}`;
/** Certificates of cases given up on this laptop, kept to be exported again. */
const CERTIFICATES = 'clearanceCertificates';

type Received = Record<string, { memberId: string; createdAt: string }>;
interface OwnExport {
  readonly createdAt: string;
  readonly upTo: number;
}
export interface Acknowledgement {
  /** When the acknowledged package was made here. */
  readonly exportCreatedAt: string;
  /** The 汇总包 that said so: when it was made, and the SHA-256 of its file. */
  readonly summaryCreatedAt: string;
  readonly summarySha256: string;
}

export interface ClearanceState {
  /** The 组长 acknowledged this laptop's last package; null while not. */
  readonly acknowledgement: Acknowledgement | null;
  /** Writes made on this laptop that no acknowledged package carried: what 清退 would lose. */
  readonly unacknowledgedWrites: number;
  /** Records with typing not saved yet (the journal): lost too. */
  readonly unsavedEdits: number;
}

export interface ClearanceCertificate {
  readonly caseId: string;
  readonly unitName: string;
  readonly memberName: string;
  readonly deviceId: string;
  readonly clearedAt: string;
  /** Rows removed, per table. */
  readonly counts: Readonly<Record<string, number>>;
  readonly acknowledgement: Acknowledgement | null;
  /** Writes that no acknowledged package carried, removed all the same (asked twice). */
  readonly unacknowledgedWrites: number;
}

const parse = <T>(row: { value: string } | undefined): T | undefined =>
  row ? (JSON.parse(row.value) as T) : undefined;

export function clearanceRepository(db: WorkbenchDB, settings: SettingsRepository) {
  /** Tables whose rows carry the case's id: every one but settings, journal and blobs. */
  const caseTables = (Object.keys(TABLES) as TableName[]).filter(
    (t) => !['settings', 'journal', 'blobs'].includes(t) && db.tables.some((x) => x.name === t),
  );

  /** The case's rows of a table, by whichever index the table has for its case. */
  const ofCase = (table: string, caseId: string) => {
    const t = db.table(table);
    return t.schema.idxByName['[caseId+seq]']
      ? t.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      : t.where('caseId').equals(caseId);
  };

  return {
    /** The 组长's laptop applied a package: a member's is noted, to acknowledge it later. */
    async noteReceived(manifest: Manifest): Promise<void> {
      if (manifest.kind !== 'member') return;
      await db.transaction('rw', db.settings, async () => {
        const key = receivedKey(manifest.caseId);
        const received = parse<Received>(await db.settings.get(key)) ?? {};
        const { deviceId, memberId } = manifest.exportedBy;
        const known = received[deviceId];
        if (known && known.createdAt >= manifest.createdAt) return; // an older one, again
        received[deviceId] = { memberId, createdAt: manifest.createdAt };
        await db.settings.put({ key, value: JSON.stringify(received) });
      });
    },

    /** What a 汇总包 for `memberId` acknowledges: the last package of theirs from each laptop. */
    async acknowledgements(caseId: string, memberId: string) {
      const received = parse<Received>(await db.settings.get(receivedKey(caseId))) ?? {};
      return Object.entries(received)
        .filter(([, r]) => r.memberId === memberId)
        .map(([deviceId, r]) => ({ deviceId, createdAt: r.createdAt }));
    },

    /** A package for the 组长 was written to its file. */
    async noteOwnExport(caseId: string, createdAt: string, upTo: number): Promise<void> {
      const value: OwnExport = { createdAt, upTo };
      await db.settings.put({ key: ownExportKey(caseId), value: JSON.stringify(value) });
    },

    /**
     * A 汇总包 was applied here: when it names this laptop's last package to the 组长, the case
     * is acknowledged up to that package. Returns whether it did.
     */
    async noteSummary(manifest: Manifest, summarySha256: string): Promise<boolean> {
      const deviceId = await settings.deviceId();
      const own = parse<OwnExport>(await db.settings.get(ownExportKey(manifest.caseId)));
      const named = (manifest.acknowledges ?? []).find((a) => a.deviceId === deviceId);
      if (manifest.kind !== 'summary' || !own || named?.createdAt !== own.createdAt) return false;
      const ack: Acknowledgement = {
        exportCreatedAt: own.createdAt,
        summaryCreatedAt: manifest.createdAt,
        summarySha256,
      };
      await db.settings.put({ key: acknowledgedKey(manifest.caseId), value: JSON.stringify(ack) });
      return true;
    },

    /**
     * Whether the case may go from this laptop (`deviceId`) without loss, and what would be
     * lost. Only reads: a live query may run it.
     */
    async state(caseId: string, deviceId: string): Promise<ClearanceState> {
      const ack = parse<Acknowledgement>(await db.settings.get(acknowledgedKey(caseId))) ?? null;
      const own = parse<OwnExport>(await db.settings.get(ownExportKey(caseId)));
      // Acknowledged: what this laptop wrote after the package the 组长 applied. Not: all of it.
      const after = ack && own && own.createdAt === ack.exportCreatedAt ? own.upTo : 0;
      const revisions = await db.revisions
        .where('[caseId+seq]')
        .between([caseId, after + 1], [caseId, Dexie.maxKey])
        .toArray();
      const ids = new Set<string>();
      for (const table of caseTables) {
        for (const id of await keysOf(ofCase(table, caseId))) ids.add(id);
      }
      const journal = (await keysOf(db.table('journal').toCollection())).filter((k) =>
        ids.has(k.split(':').pop()!),
      );
      return {
        acknowledgement: ack && own?.createdAt === ack.exportCreatedAt ? ack : null,
        unacknowledgedWrites: revisions.filter((r) => r.dot[0] === deviceId).length,
        unsavedEdits: journal.length,
      };
    },

    /**
     * Deletes every row of the case from this laptop, its settings and its journal, in one
     * transaction, and the files no other case names. Returns the rows removed per table and
     * the ids of the records (whose fast journal notes the page removes).
     */
    async remove(caseId: string): Promise<{ counts: Record<string, number>; ids: string[] }> {
      const scope = [...caseTables, 'settings', 'journal', 'blobs'];
      return db.transaction('rw', scope, async () => {
        const counts: Record<string, number> = {};
        const ids: string[] = [];
        const files = new Set<string>();
        for (const table of caseTables) {
          const rows = ofCase(table, caseId);
          if (table === 'attachments' || table === 'compareLists') {
            for (const row of (await rows.toArray()) as FileNaming[]) filesOf(row, files);
          }
          const keys = await keysOf(rows);
          if (keys.length === 0) continue;
          ids.push(...keys);
          counts[table] = keys.length;
          await db.table(table).bulkDelete(keys);
        }
        // A file another case also holds stays (files are kept once, by hash).
        const stillNamed = new Set<string>();
        for (const table of ['attachments', 'compareLists'] as const) {
          for (const row of (await db.table(table).toArray()) as FileNaming[]) {
            filesOf(row, stillNamed);
          }
        }
        const gone = [...files].filter((sha) => !stillNamed.has(sha));
        await db.blobs.bulkDelete(gone);
        counts.blobs = gone.length;
        const idSet = new Set(ids);
        const journal = (await keysOf(db.table('journal').toCollection())).filter((k) =>
          idSet.has(k.split(':').pop()!),
        );
        await db.table('journal').bulkDelete(journal);
        const mine = (await keysOf(db.settings.toCollection())).filter((k) => k.includes(caseId));
        await db.settings.bulkDelete(mine);
        return { counts, ids };
      });
    },

    /** Keeps a certificate to be exported again later (sealed like every setting). */
    async keepCertificate(certificate: ClearanceCertificate): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const kept = parse<ClearanceCertificate[]>(await db.settings.get(CERTIFICATES)) ?? [];
        const value = JSON.stringify([...kept, certificate]);
        await db.settings.put({ key: CERTIFICATES, value });
      });
    },

    async certificates(): Promise<ClearanceCertificate[]> {
      return parse<ClearanceCertificate[]>(await db.settings.get(CERTIFICATES)) ?? [];
    },
  };
}

/** The primary keys of rows: every table here is keyed by a string. */
const keysOf = async (rows: { primaryKeys(): Promise<unknown[]> }) =>
  (await rows.primaryKeys()) as string[];

type FileNaming = {
  sha256?: string;
  thumbSha256?: string;
  parts?: { sha256: string }[];
};

function filesOf(row: FileNaming, into: Set<string>) {
  if (row.sha256) into.add(row.sha256);
  if (row.thumbSha256) into.add(row.thumbSha256);
  for (const p of row.parts ?? []) into.add(p.sha256);
}

export type ClearanceRepository = ReturnType<typeof clearanceRepository>;
