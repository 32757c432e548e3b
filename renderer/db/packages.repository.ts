/**
 * Case packages on this laptop's side (DESIGN §4): what goes into a package for a member, what
 * one would change here (the preview), and applying it as one merge, all or nothing.
 *
 * - Clues travel only to whom may read them: a package for the 组长 carries every clue, one for
 *   a member only the clues that member registered (and their writes).
 * - "Only what changed" is measured on this laptop's change sequence, per member the packages
 *   went to (a watermark each), never by clock; merging is idempotent, so overlap is harmless.
 * - A join package binds this laptop to the member it was made for: from then on that member
 *   is who writes here, not a choice in a menu.
 * - The audit log travels only to the 组长: a package for the 组长 carries this laptop's entries
 *   (what changed since, like everything else); no other package carries any. Applying a
 *   package that brought something notes it in the log, in the same transaction.
 */
import Dexie from 'dexie';
import { filesNamedBy, type CaseContents, type PackedFile } from '../../shared/package/contents';
import type { Manifest } from '../../shared/package/manifest';
import { PackageError } from '../../shared/package/problems';
import type { MemberRecord } from '../../shared/domain/member.schema';
import type { Revision } from '../../shared/domain/revision';
import type { AuditEntry } from '../../shared/domain/audit.schema';
import type { Stored } from '../../shared/domain/record';
import { RECORD_TABLES, type RecordTable } from '../../shared/domain/tables';
import type { WorkbenchDB } from './database';
import { storedFile } from './atRest';
import type { SettingsRepository } from './settings.repository';
import type { AuditRepository } from './audit.repository';
import {
  FOREIGN_SCOPE,
  type Actor,
  type ForeignPreview,
  type ForeignResult,
  type WritePath,
} from './write';

const sentKey = (memberId: string, caseId: string) => `sentTo:${memberId}:${caseId}`;

export type PackageKind = Manifest['kind'];

export interface Outgoing {
  readonly contents: CaseContents;
  /** The change sequence the contents reach: the watermark once the file is written. */
  readonly upTo: number;
}

export interface Incoming extends ForeignPreview {
  /** The case is not on this laptop yet: applying adds it. */
  readonly newCase: boolean;
  /** A join package for another member than the one this laptop joined as: it will be refused. */
  readonly boundElsewhere: boolean;
}

export function packagesRepository(
  db: WorkbenchDB,
  w: WritePath,
  settings: SettingsRepository,
  audit: AuditRepository,
) {
  /** Rows of `table` in the case with a change number above `since`. */
  function changed(table: string, caseId: string, since: number) {
    return db
      .table(table)
      .where('[caseId+seq]')
      .between([caseId, since + 1], [caseId, Dexie.maxKey])
      .toArray();
  }

  async function files(rows: readonly { table: RecordTable; row: Stored<object> }[]) {
    const wanted = filesNamedBy(rows);
    const blobs = await db.blobs.bulkGet([...wanted.keys()]);
    const out: PackedFile[] = [];
    for (const blob of blobs) {
      if (!blob) continue; // a file whose bytes never reached this laptop: the record still goes
      // Still sealed: opened chunk by chunk as the package is written, in its worker.
      const stored = storedFile(db.keys, blob);
      out.push({ sha256: blob.sha256, mime: wanted.get(blob.sha256) ?? '', ...stored });
    }
    return out;
  }

  return {
    /**
     * What a package for `forMember` carries: the whole case (`since` 0) or what changed here
     * after change `since`. A join package carries the case and its team only.
     */
    async outgoing(
      caseId: string,
      kind: PackageKind,
      forMember: MemberRecord,
      since = 0,
    ): Promise<Outgoing> {
      const tables: readonly RecordTable[] = kind === 'join' ? ['cases', 'members'] : RECORD_TABLES;
      const after = kind === 'join' ? 0 : since;
      const scope = [...tables, 'clues', 'rechecks', 'revisions', 'settings', 'auditLog'];
      // The log goes to the 组长 alone: whoever else a package is for reads only their own.
      const withLog = kind !== 'join' && forMember.role === 'leader';
      const { rows, revisions, log, upTo } = await db.transaction('r', scope, async () => {
        // Clues go to the 组长 and to their author only, and their writes with them; so do a
        // 回头看's copies of the earlier round's clues.
        const clueRows = [
          ...(await db.clues.where('caseId').equals(caseId).toArray()),
          ...(await db.rechecks.where('caseId').equals(caseId).toArray()).filter(
            (r) => r.source === 'clue',
          ),
        ];
        const hidden = new Set(
          clueRows
            .filter((c) => forMember.role !== 'leader' && c.createdBy !== forMember.id)
            .map((c) => c.id),
        );
        const rows: { table: RecordTable; row: Stored<object> }[] = [];
        for (const table of tables) {
          for (const row of (await changed(table, caseId, after)) as Stored<object>[]) {
            if (!hidden.has(row.id)) rows.push({ table, row });
          }
        }
        const teamOnly = new Set(rows.map((r) => r.row.id));
        const revisions = ((await changed('revisions', caseId, after)) as Revision[]).filter(
          (r) => !hidden.has(r.recordId) && (kind !== 'join' || teamOnly.has(r.recordId)),
        );
        const log = withLog ? ((await changed('auditLog', caseId, after)) as AuditEntry[]) : [];
        return { rows, revisions, log, upTo: await w.currentSeq() };
      });
      // From now on these revisions may leave the laptop (the save dialog is next): never fold
      // a later edit into them, even if this package is never saved.
      await w.markExported(upTo);
      return { contents: { rows, revisions, files: await files(rows), audit: log }, upTo };
    },

    /** The change number a package to `memberId` last reached (0: none sent yet). */
    async sentUpTo(caseId: string, memberId: string): Promise<number> {
      return Number((await db.settings.get(sentKey(memberId, caseId)))?.value ?? 0);
    },

    /** Notes that a package to `memberId` reaching change `upTo` was written to a file. */
    async markSent(caseId: string, memberId: string, upTo: number): Promise<void> {
      await db.transaction('rw', db.settings, async () => {
        const key = sentKey(memberId, caseId);
        if (upTo > Number((await db.settings.get(key))?.value ?? 0)) {
          await db.settings.put({ key, value: String(upTo) });
        }
      });
      await w.markExported(upTo);
    },

    /** What applying a package would do here, read without writing anything. */
    async preview(manifest: Manifest, contents: CaseContents): Promise<Incoming> {
      const preview = await w.previewForeign(batchOf(contents));
      const newCase = !(await db.cases.get(manifest.caseId));
      const bound = await settings.boundMember(manifest.caseId);
      const boundElsewhere =
        manifest.kind === 'join' && bound !== undefined && bound !== manifest.forMember;
      return { ...preview, newCase, boundElsewhere };
    },

    /**
     * Applies a package: one merge, all or nothing. A join package also binds this laptop to
     * the member it was made for, and records this laptop's public key on that member, so the
     * 组长 learns it from the member's first package.
     */
    async apply(
      manifest: Manifest,
      contents: CaseContents,
      onProgress?: (done: number, total: number) => void,
    ): Promise<ForeignResult> {
      const here = await settings.deviceId();
      const recipient = manifest.kind === 'join' ? (await settings.laptopKey()).recipient : '';
      const batch = await w.prepareForeign(batchOf(contents)); // outside: see prepareForeign
      await db.keys?.ensure(manifest.caseId); // the log's entry, whatever the rows
      return db.transaction('rw', [...FOREIGN_SCOPE], async () => {
        const before = await w.currentSeq();
        const bound = await settings.boundMember(manifest.caseId);
        if (manifest.kind === 'join' && bound !== undefined && bound !== manifest.forMember) {
          throw new PackageError('notThisMember', `bound to ${bound}`);
        }
        const result = await w.storeForeign(batch, onProgress);
        if (manifest.kind === 'join') {
          const member = await db.members.get(manifest.forMember);
          if (!member || member.deleted)
            throw new PackageError('badRecord', 'join: no such member');
          await settings.bindTo(manifest.caseId, member.id);
          if (member.recipient !== recipient) {
            await w.update(
              'members',
              member.id,
              { recipient },
              { deviceId: here, memberId: member.id },
            );
          }
        }
        // Something came (the change sequence moved): noted, by whoever uses this laptop now.
        if ((await w.currentSeq()) > before) {
          const from = await db.members.get(manifest.exportedBy.memberId);
          await audit.write(manifest.caseId, 'import', {
            kind: manifest.kind,
            fromMember: manifest.exportedBy.memberId,
            fromName: from?.name ?? '',
            fromDevice: manifest.exportedBy.deviceId,
            createdAt: manifest.createdAt,
            stored: result.stored,
            conflicts: result.conflicts.length,
          });
        }
        return result;
      });
    },

    /**
     * Writes this laptop's public key on the member using it (before their first package), so
     * the packages that carry the team tell the others what to encrypt to.
     */
    async claimRecipient(caseId: string, actor: Actor): Promise<void> {
      const { recipient } = await settings.laptopKey();
      await db.transaction('rw', w.scope('members'), async () => {
        const me = await db.members.get(actor.memberId);
        if (!me || me.deleted || me.caseId !== caseId || me.recipient === recipient) return;
        await w.update('members', me.id, { recipient }, actor);
      });
    },

    /**
     * Binds the 组长's own laptop to the 组长 once a join package has left it: from then on
     * the members write on their own laptops, and nobody signs here as one of them.
     */
    async bindExporter(caseId: string, memberId: string): Promise<void> {
      if ((await settings.boundMember(caseId)) === undefined) {
        await settings.bindTo(caseId, memberId);
      }
    },

    /** The member this laptop belongs to for this case (none yet: anyone may be chosen). */
    boundMember: (caseId: string) => settings.boundMember(caseId),
  };
}

function batchOf(contents: CaseContents) {
  return {
    rows: contents.rows,
    revisions: contents.revisions,
    blobs: contents.files.map((f) => ({ sha256: f.sha256, size: f.blob.size, blob: f.blob })),
    audit: contents.audit ?? [],
  };
}

export type PackagesRepository = ReturnType<typeof packagesRepository>;
