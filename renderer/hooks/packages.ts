/**
 * The package flows as the UI runs them: make a package for a member and save it through the
 * host, read one from a file, preview it and apply it. Sealing and opening run in a Worker
 * (renderer/package); everything that touches the database goes through repos.packages.
 */
import { host } from '../host/host';
import { repos, type Actor, type PackageKind } from '../db';
import { localIsoDate } from '../../shared/domain/dates';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { zh } from '../../shared/i18n/zh-CN';
import type { CaseRecord } from '../../shared/domain/case.schema';
import type { MemberRecord } from '../../shared/domain/member.schema';
import type { Manifest } from '../../shared/package/manifest';
import type { CaseContents } from '../../shared/package/contents';
import type { OpeningKey, Seal } from '../../shared/package/seal';
import { PACKAGE_EXTENSION, packageFileName } from '../../shared/package/fileName';
import { openInWorker, sealInWorker } from '../package/packageClient';
import { useLive } from './live';

const FILTERS = [{ name: zh.exchange.title, extensions: [PACKAGE_EXTENSION] }];
/** age and the ZIP format hold up to 4 GiB in this version (no ZIP64 yet). */
const MAX_PACKAGE_BYTES = 2 ** 32 - 1;

export function useBoundMember(caseId: string) {
  return useLive(async () => (await repos.packages.boundMember(caseId)) ?? null, [caseId]);
}

export function useConflicts(caseId: string, actor: Actor | undefined) {
  return useLive(
    async () => (actor ? repos.conflicts.list(caseId, actor) : []),
    [caseId, actor?.memberId, actor?.deviceId],
  );
}

export function useSentUpTo(caseId: string, memberId: string | undefined) {
  return useLive(
    async () => (memberId ? repos.packages.sentUpTo(caseId, memberId) : 0),
    [caseId, memberId],
  );
}

export interface PackageRequest {
  readonly caseRecord: CaseRecord;
  readonly me: MemberRecord;
  readonly actor: Actor;
  readonly kind: PackageKind;
  readonly forMember: MemberRecord;
  /** Only what changed since the last package to `forMember`. */
  readonly onlyChanges: boolean;
  /** For a join package to a laptop whose key is not known yet. */
  readonly passphrase?: string;
}

/** The seal of a package: the passphrase, or the keys of whom it is for and of this laptop. */
async function sealFor(request: PackageRequest): Promise<Seal> {
  if (request.passphrase) return { passphrase: request.passphrase };
  const own = (await repos.settings.laptopKey()).recipient;
  const theirs = request.forMember.recipient;
  if (!theirs) throw new Error(zh.exchange.noLeaderKey);
  return { recipients: theirs === own ? [own] : [theirs, own] };
}

/**
 * Makes the package and offers to save it. Resolves to the saved file's name (and whether the
 * watermark for "only what changed" was noted), or null when the user cancelled the save dialog
 * (then nothing is marked as sent).
 */
export async function makePackage(
  request: PackageRequest,
  onCancel: (cancel: () => void) => void,
): Promise<{ name: string; status: 'saved' | 'downloading'; noted: boolean } | null> {
  const { caseRecord, me, actor, kind, forMember } = request;
  await repos.packages.claimRecipient(caseRecord.id, actor);
  const since = request.onlyChanges
    ? await repos.packages.sentUpTo(caseRecord.id, forMember.id)
    : 0;
  const { contents, upTo } = await repos.packages.outgoing(caseRecord.id, kind, forMember, since);
  const day = localIsoDate(new Date());
  const running = sealInWorker(
    {
      schemaVersion: SCHEMA_VERSION,
      kind,
      caseId: caseRecord.id,
      exportedBy: { memberId: me.id, deviceId: actor.deviceId },
      forMember: forMember.id,
      createdAt: new Date().toISOString(),
    },
    contents,
    await sealFor(request),
  );
  onCancel(running.cancel);
  const file = await running.done;
  const label = kind === 'member' ? [me.name] : [zh.exchange.kinds[kind], forMember.name];
  const saved = await host.saveFile({
    suggestedName: packageFileName([caseRecord.unitName, ...label], day),
    data: file,
    filters: FILTERS,
  });
  if (saved.status === 'cancelled') return null;
  const { name, status } = saved;
  try {
    if (kind !== 'join') await repos.packages.markSent(caseRecord.id, forMember.id, upTo);
    return { name, status, noted: true };
  } catch {
    return { name, status, noted: false }; // saved all the same: say so, and what it means
  }
}

export type PickedFile =
  | { readonly status: 'picked'; readonly name: string; readonly data: Uint8Array }
  | { readonly status: 'cancelled' }
  | { readonly status: 'tooLarge'; readonly name: string };

export async function pickPackageFile(): Promise<PickedFile> {
  const reply = await host.openFile({ filters: FILTERS, maxBytes: MAX_PACKAGE_BYTES });
  if (reply.status === 'opened') return { status: 'picked', name: reply.name, data: reply.data };
  if (reply.status === 'tooLarge') return { status: 'tooLarge', name: reply.name };
  return { status: 'cancelled' };
}

export interface ReadPackage {
  readonly manifest: Manifest;
  readonly contents: CaseContents;
}

/** Opens a package with this laptop's key, or with a passphrase. */
export async function readPackage(
  data: Uint8Array,
  passphrase: string | null,
  onCancel: (cancel: () => void) => void,
): Promise<ReadPackage> {
  const key: OpeningKey =
    passphrase === null
      ? { identity: (await repos.settings.laptopKey()).identity }
      : { passphrase };
  // The worker takes the bytes: keep ours for a second try with a passphrase.
  const running = openInWorker(data.slice(), key);
  onCancel(running.cancel);
  return running.done;
}
