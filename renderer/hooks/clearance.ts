/**
 * 巡后清退 as the UI runs it (renderer/db/clearance.repository.ts): whether the case may go
 * without loss, removing it (rows, fast journal notes, snapshots, then the key), and the
 * certificate for the 巡察办's files.
 */
import dayjs from 'dayjs';
import type { ClearanceCertificate, Repositories } from '../db';
import { useRepos } from '../app/session';
import { zh } from '../../shared/i18n/zh-CN';
import { localIsoDate } from '../../shared/domain/dates';
import { fileNameOf } from '../../shared/package/fileName';
import { removeSnapshotsOf } from '../snapshots/snapshots';
import { chooseSaveTarget, saveBytes, type SavedFile } from '../host/fileStreams';
import { useLive } from './live';
import { useDeviceId } from './device';

export type { ClearanceCertificate };

export function useClearanceState(caseId: string) {
  const repos = useRepos();
  const deviceId = useDeviceId();
  return useLive(() => repos.clearance.state(caseId, deviceId), [caseId, deviceId]);
}

/** The certificates of cases given up on this laptop, to export again. */
export function useCertificates() {
  const repos = useRepos();
  return useLive(() => repos.clearance.certificates(), []);
}

/** Typing noted in localStorage for these records (the journal's fast half). */
function removeFastNotes(ids: readonly string[]) {
  const gone = new Set(ids);
  for (const key of Object.keys(localStorage)) {
    if (/^xuncha:(pending|aside):/.test(key) && gone.has(key.split(':').pop()!)) {
      localStorage.removeItem(key);
    }
  }
}

/**
 * Removes the case from this laptop: its rows and files, its typing not yet saved, its
 * snapshots, and last its key. Returns the certificate, also kept to be exported again.
 */
export async function clearCase(
  repos: Repositories,
  eraseKey: (caseId: string) => Promise<void>,
  caseId: string,
  memberName: string,
): Promise<ClearanceCertificate> {
  const deviceId = await repos.settings.deviceId();
  const state = await repos.clearance.state(caseId, deviceId);
  const unitName = (await repos.cases.get(caseId))?.unitName ?? '';
  const { counts, ids } = await repos.clearance.remove(caseId);
  removeFastNotes(ids);
  await removeSnapshotsOf(caseId);
  await eraseKey(caseId);
  const certificate: ClearanceCertificate = {
    caseId,
    unitName,
    memberName,
    deviceId,
    clearedAt: new Date().toISOString(),
    counts,
    acknowledgement: state.acknowledgement,
    unacknowledgedWrites: state.acknowledgement ? 0 : state.unacknowledgedWrites,
  };
  await repos.clearance.keepCertificate(certificate);
  return certificate;
}

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** The certificate as the text file handed to the 巡察办. */
export function certificateText(c: ClearanceCertificate): string {
  const t = zh.clearance.certificate;
  const removed = Object.entries(c.counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) =>
      table === 'blobs'
        ? zh.exchange.files(n)
        : `${zh.exchange.tables[table] ?? (table === 'revisions' ? '修改历史' : table)} ${n}`,
    )
    .join('，');
  const ack = c.acknowledgement
    ? t.ackText(
        when(c.acknowledgement.summaryCreatedAt),
        when(c.acknowledgement.exportCreatedAt),
        c.acknowledgement.summarySha256,
      )
    : t.noAck(c.unacknowledgedWrites);
  return [
    t.title,
    '',
    `${t.unit}：${c.unitName}`,
    `${t.caseId}：${c.caseId}`,
    `${t.member}：${c.memberName}`,
    `${t.laptop}：${c.deviceId}`,
    `${t.at}：${when(c.clearedAt)}`,
    `${t.ack}：${ack}`,
    `${t.removed}：${removed}`,
    '',
    t.keyDestroyed,
    '',
  ].join('\r\n');
}

/** Asks where to save the certificate and writes it there (null: the user cancelled). */
export async function saveCertificate(c: ClearanceCertificate): Promise<SavedFile | null> {
  const target = await chooseSaveTarget({
    suggestedName: fileNameOf(
      [zh.clearance.certificate.title, c.unitName, c.memberName],
      localIsoDate(new Date(c.clearedAt)),
      'txt',
    ),
    filters: [{ name: zh.clearance.certificates, extensions: ['txt'] }],
  });
  if (!target) return null;
  return saveBytes(target, new TextEncoder().encode(certificateText(c)));
}
