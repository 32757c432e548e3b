/**
 * Case packages between test laptops, really sealed and opened (age, ZIP, hashes): what the
 * package and audit tests share.
 */
import { expect } from 'vitest';
import { packContents, unpackContents, type CaseContents } from '../../../shared/package/contents';
import { openPackage, sealPackage, type OpeningKey, type Seal } from '../../../shared/package/seal';
import { PackageError } from '../../../shared/package/problems';
import type { ManifestHeader } from '../../../shared/package/manifest';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import type { MemberRecord } from '../../../shared/domain/member.schema';
import type { PackageKind } from '../../../renderer/db/packages.repository';
import { freshRepos, snapshot } from './helpers';
import type { RepositoryOptions } from '../../../renderer/db/repositories';

export type Laptop = Awaited<ReturnType<typeof freshRepos>>;

/** Who a package is from and for, as its manifest says. */
export interface Sender {
  readonly kind: PackageKind;
  readonly caseId: string;
  readonly by: string;
  readonly deviceId: string;
  readonly forMember: string;
}

/** `contents` packed and sealed to `to`, as the package worker does. */
export async function sealContents(contents: CaseContents, from: Sender, to: Seal) {
  const { entries, counts } = await packContents(contents);
  const header: ManifestHeader = {
    schemaVersion: SCHEMA_VERSION,
    kind: from.kind,
    caseId: from.caseId,
    exportedBy: { memberId: from.by, deviceId: from.deviceId },
    forMember: from.forMember,
    createdAt: '2026-11-29T08:00:00.000Z',
    counts,
  };
  return sealPackage(header, entries, to, { scryptWorkFactor: 10 });
}

/** A package from `from` (everything, or what changed after `since`), sealed to `to`. */
export async function seal(
  from: Laptop,
  caseId: string,
  kind: PackageKind,
  by: MemberRecord,
  forMember: MemberRecord,
  to: Seal,
  since = 0,
  tamper: (c: CaseContents) => CaseContents = (c) => c,
) {
  const out = await from.repos.packages.outgoing(caseId, kind, forMember, since);
  const contents = tamper(out.contents);
  const sender = { kind, caseId, by: by.id, deviceId: from.deviceId, forMember: forMember.id };
  const file = await sealContents(contents, sender, to);
  return { file, contents, upTo: out.upTo };
}

/**
 * A member's laptop joined to the 组长's case, as in the app: the 组长 claims the case's
 * recipient and gives `member` a join package under a passphrase, imported on a new laptop.
 */
export async function joinByPassphrase(
  leader: Laptop & { readonly actor: { readonly deviceId: string; readonly memberId: string } },
  caseId: string,
  lead: MemberRecord,
  member: MemberRecord,
  options: RepositoryOptions = {},
) {
  await leader.repos.packages.claimRecipient(caseId, leader.actor);
  const passphrase = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23';
  const join = await seal(leader, caseId, 'join', lead, member, { passphrase });
  const laptop = await freshRepos(options);
  const joined = await importInto(laptop, join.file, { passphrase });
  return { laptop, join, joined };
}

export async function openSealed(file: Uint8Array, key: OpeningKey) {
  const opened = await openPackage(file, key, SCHEMA_VERSION);
  return { manifest: opened.manifest, contents: await unpackContents(opened) };
}

/** Opens a package with `to`'s key (or `key`), previews it and applies it. */
export async function importInto(to: Laptop, file: Uint8Array, key?: OpeningKey) {
  const { manifest, contents } = await openSealed(
    file,
    key ?? { identity: (await to.repos.settings.laptopKey()).identity },
  );
  const preview = await to.repos.packages.preview(manifest, contents);
  const result = await to.repos.packages.apply(manifest, contents);
  return { manifest, contents, preview, result };
}

/** `attempt` fails with PackageError `problem`, and `to`'s database is as it was. */
export async function refusedWithoutChange(
  to: Laptop,
  attempt: () => Promise<unknown>,
  problem: string,
) {
  const before = await snapshot(to.db);
  const error = await attempt().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect((error as PackageError).problem).toBe(problem);
  expect(await snapshot(to.db)).toEqual(before);
}
