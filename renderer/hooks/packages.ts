/**
 * The package flows as the UI runs them: make a package for a member and save it through the
 * host, read one from a file, preview it and apply it. Sealing and opening run in a Worker
 * (renderer/package); everything that touches the database goes through repos.packages.
 */
import type { Actor, PackageKind, Repositories } from '../db';
import { useRepos } from '../app/session';
import type { ReplyOf } from '../../shared/ipc/contract';
import { localIsoDate } from '../../shared/domain/dates';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { zh } from '../../shared/i18n/zh-CN';
import type { CaseRecord } from '../../shared/domain/case.schema';
import type { MemberRecord } from '../../shared/domain/member.schema';
import type { Manifest } from '../../shared/package/manifest';
import type { CaseContents } from '../../shared/package/contents';
import type { OpeningKey, Seal } from '../../shared/package/seal';
import { PACKAGE_EXTENSION, packageFileName } from '../../shared/package/fileName';
import { SNAPSHOT_EXTENSION } from '../../shared/rest/snapshotPlan';
import { PackageError } from '../../shared/package/problems';
import { snapshotIdentity } from '../../shared/rest/caseKeys';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  openInWorker,
  sealInWorker,
  type OnProgress,
  type Running,
} from '../package/packageClient';
import { chooseSaveTarget, pickFile, type PickedFile } from '../host/fileStreams';
import { privateFileName, removePrivateFile } from '../host/privateFiles';
import { useLive } from './live';

/** Packages, and snapshots (a member's, say, from the second folder of a laptop that was lost). */
const FILTERS = [{ name: zh.exchange.title, extensions: [PACKAGE_EXTENSION, SNAPSHOT_EXTENSION] }];
/** age and the ZIP format hold up to 4 GiB in this version (no ZIP64 yet). */
const MAX_PACKAGE_BYTES = 2 ** 32 - 1;

export function useBoundMember(caseId: string) {
  const repos = useRepos();
  return useLive(async () => (await repos.packages.boundMember(caseId)) ?? null, [caseId]);
}

export function useConflicts(caseId: string, actor: Actor | undefined) {
  const repos = useRepos();
  return useLive(
    async () => (actor ? repos.conflicts.list(caseId, actor) : []),
    [caseId, actor?.memberId, actor?.deviceId],
  );
}

export function useSentUpTo(caseId: string, memberId: string | undefined) {
  const repos = useRepos();
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
async function sealFor(repos: Repositories, request: PackageRequest): Promise<Seal> {
  if (request.passphrase) return { passphrase: request.passphrase };
  const own = (await repos.settings.laptopKey()).recipient;
  const theirs = request.forMember.recipient;
  if (!theirs) throw new Error(zh.exchange.noLeaderKey);
  return { recipients: theirs === own ? [own] : [theirs, own] };
}

/** How a long package step reports: where it is, and how to stop it. */
export interface TransferHooks {
  readonly onCancel: (cancel: () => void) => void;
  readonly onProgress: OnProgress;
}

/**
 * Asks where to save the package, then makes it straight into that file. Resolves to the
 * saved file's name (and whether the watermark for "only what changed" was noted), or null
 * when the user cancelled the save dialog. Any failure or a cancel leaves no file behind and
 * marks nothing as sent.
 */
export async function makePackage(
  repos: Repositories,
  request: PackageRequest,
  hooks: TransferHooks,
): Promise<{ saved: ReplyOf<'saveCommit'>; noted: boolean } | null> {
  const { caseRecord, me, actor, kind, forMember } = request;
  const label = kind === 'member' ? [me.name] : [zh.exchange.kinds[kind], forMember.name];
  // The dialog first, while the click that asked for it still counts as the user's gesture.
  const target = await chooseSaveTarget({
    suggestedName: packageFileName([caseRecord.unitName, ...label], localIsoDate(new Date())),
    filters: FILTERS,
  });
  if (!target) return null;
  const stop = new AbortController();
  let running: Running<ReadableStream<Uint8Array>> | null = null;
  hooks.onCancel(() => {
    stop.abort();
    running?.cancel();
  });
  let upTo: number;
  let createdAt: string;
  try {
    await repos.packages.claimRecipient(caseRecord.id, actor);
    const since = request.onlyChanges
      ? await repos.packages.sentUpTo(caseRecord.id, forMember.id)
      : 0;
    const outgoing = await repos.packages.outgoing(caseRecord.id, kind, forMember, since);
    upTo = outgoing.upTo;
    createdAt = new Date().toISOString();
    const header = {
      schemaVersion: SCHEMA_VERSION,
      kind,
      caseId: caseRecord.id,
      exportedBy: { memberId: me.id, deviceId: actor.deviceId },
      forMember: forMember.id,
      createdAt,
      // A 汇总包 tells the member which of their packages the 组长 holds (巡后清退).
      ...(kind === 'summary'
        ? { acknowledges: await repos.clearance.acknowledgements(caseRecord.id, forMember.id) }
        : {}),
    };
    running = sealInWorker(
      header,
      outgoing.contents,
      await sealFor(repos, request),
      hooks.onProgress,
    );
    if (stop.signal.aborted) running.cancel();
    const stream = await running.done;
    await stream.pipeTo(target.writable, { signal: stop.signal });
  } catch (error) {
    await target.abort();
    throw stop.signal.aborted ? new PackageError('cancelled') : error;
  } finally {
    running?.end();
  }
  const saved = await target.commit();
  // The audit log notes what left and for whom; a failure to note it never fails the export.
  const exported = { kind, forMember: forMember.id, forName: forMember.name, file: saved.name };
  await repos.audit
    .append(caseRecord.id, 'export', { ...exported, onlyChanges: request.onlyChanges }, actor)
    .catch(() => {});
  if (kind === 'join') {
    // Not binding now only delays it to the next join package: nothing to tell.
    await repos.packages.bindExporter(caseRecord.id, me.id).catch(() => {});
    return { saved, noted: true };
  }
  try {
    await repos.packages.markSent(caseRecord.id, forMember.id, upTo);
    if (kind === 'member') await repos.clearance.noteOwnExport(caseRecord.id, createdAt, upTo);
    return { saved, noted: true };
  } catch {
    return { saved, noted: false }; // saved all the same: say so, and what it means
  }
}

/** Asks for a package file; it is read only when it is opened. */
export function pickPackageFile(): Promise<PickedFile> {
  return pickFile({ filters: FILTERS, maxBytes: MAX_PACKAGE_BYTES });
}

export interface ReadPackage {
  readonly manifest: Manifest;
  readonly contents: CaseContents;
  /** Removes the decrypted copy on disk: call once the package is applied or set aside. */
  readonly discard: () => Promise<void>;
}

/**
 * Opens a package with this laptop's key, or with a passphrase: decrypted into a private file
 * on disk and checked there. On failure or cancel that file is removed again.
 */
export async function readPackage(
  repos: Repositories,
  file: Extract<PickedFile, { status: 'picked' }>,
  passphrase: string | null,
  hooks: TransferHooks,
): Promise<ReadPackage> {
  // This laptop's key opens packages made for it; its snapshot key, its own snapshots.
  const own = repos.laptopDataKey();
  const identities = [(await repos.settings.laptopKey()).identity];
  if (own) identities.push(snapshotIdentity(own));
  const key: OpeningKey = passphrase === null ? { identity: identities } : { passphrase };
  const staging = privateFileName('open');
  const discard = () => removePrivateFile(staging);
  const input = file.file ?? file.stream(); // the browser's File is read by the Worker itself
  const running = openInWorker(input, file.size, key, staging, hooks.onProgress);
  hooks.onCancel(running.cancel);
  try {
    return { ...(await running.done), discard };
  } catch (error) {
    void discard(); // in the background: a worker just stopped may hold the file a moment
    throw error;
  }
}

/** The SHA-256 of a picked file, read in pieces: what a 清退 certificate names it by. */
export async function fileSha256(file: Extract<PickedFile, { status: 'picked' }>) {
  const hash = sha256.create();
  const reader = (file.file ? file.file.stream() : file.stream()).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    hash.update(next.value);
  }
  return bytesToHex(hash.digest());
}
