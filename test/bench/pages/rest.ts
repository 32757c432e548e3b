/**
 * The page of `npm run bench -- rest` (issue 16): the same work on a sealed database and on a
 * plain one, side by side in one page of Chromium with real IndexedDB, through the app's own
 * repositories.
 *
 * - an autosave put: one field of a 40-turn interview (about 6,000 characters) patched, as the
 *   autosaver does after typing, timed one by one;
 * - the list of a case of 10,000 record summaries, read as the records page reads it;
 * - an unlock: the product's PBKDF2 rounds, the laptop key and 10 case keys unwrapped;
 * - sealing and opening file bytes (64 MiB), against age encrypting the same bytes.
 */
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { WorkbenchDB } from '../../../renderer/db/database';
import { repositories } from '../../../renderer/db/repositories';
import { keyring, memoryKeys } from '../../../renderer/db/keyring';
import { openBlob, sealBlob } from '../../../renderer/db/atRest';
import { RECORD_SPECS } from '../../../shared/domain/records';
import { summarize } from '../../../shared/domain/records/summary';
import { newCase, today } from '../../unit/db/helpers';

export interface RestResult {
  readonly put: { sealed: number[]; plain: number[] };
  readonly list: { sealed: number[]; plain: number[] };
  readonly unlockMs: number[];
  readonly seal: { sealMibS: number; openMibS: number; ageMibS: number; mib: number };
}

declare global {
  interface Window {
    benchRest(request: { puts: number; summaries: number; mib: number }): Promise<RestResult>;
  }
}

const SENTENCE = '经查，该局二〇二五年公务用车加油记录与行车记录不符，存在私车公养问题。';

async function opened(sealed: boolean) {
  const db = new WorkbenchDB(
    `bench-rest-${sealed}-${Date.now()}`,
    {},
    sealed ? memoryKeys() : undefined,
  );
  const repos = repositories(db);
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
  return { db, repos, caseId: caseRecord.id, actor: { deviceId, memberId: creator.id } };
}

async function putTimes(sealed: boolean, puts: number): Promise<number[]> {
  const { repos, caseId, actor } = await opened(sealed);
  const { id } = await repos.records.create('interviews', caseId, actor, today);
  const turns: Record<string, unknown> = {};
  for (let i = 0; i < 40; i++) {
    const n = String(i).padStart(3, '0');
    turns[`turns/t${n}`] = {
      id: `t${n}`,
      pos: `a${n}`,
      speaker: i % 2 ? 'a' : 'q',
      text: SENTENCE.repeat(4),
    };
  }
  await repos.records.patch('interviews', id, turns, actor, today);
  const times: number[] = [];
  for (let i = 0; i < puts; i++) {
    const text = `${SENTENCE.repeat(4)}${i}`;
    const start = performance.now();
    await repos.records.patch(
      'interviews',
      id,
      { 'turns/t020': { id: 't020', pos: 'a020', speaker: 'q', text } },
      actor,
      today,
    );
    times.push(performance.now() - start);
  }
  return times;
}

async function listTimes(sealed: boolean, count: number): Promise<number[]> {
  const { db, repos, caseId } = await opened(sealed);
  const rows = Array.from({ length: count }, (_, i) => {
    const id = `r${String(i).padStart(6, '0')}`;
    return {
      id,
      caseId,
      seq: i + 10,
      vv: {},
      dots: {},
      createdAt: '2026-11-20T01:00:00.000Z',
      updatedAt: '2026-11-20T01:00:00.000Z',
      createdBy: 'm',
      updatedBy: 'm',
      deleted: false,
      title: `2025年第${i}号凭证`,
      date: '2026-11-20',
      observations: SENTENCE,
    };
  });
  const summaries = rows.map((r) => summarize(RECORD_SPECS.docReviews, r as never));
  await db.transaction('rw', db.summaries, () => db.summaries.bulkPut(summaries));
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const listed = await repos.records.summaries(caseId, 'docReviews');
    times.push(performance.now() - start);
    if (listed.length !== count) throw new Error(`listed ${listed.length} of ${count}`);
  }
  return times;
}

async function unlockTimes(): Promise<number[]> {
  const ring = keyring(`bench-rest-keys-${Date.now()}`);
  const keys = await ring.create('第二巡察组 2026 春');
  for (let i = 0; i < 10; i++) await keys.ensure(`case-${i}`);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await ring.unlock('第二巡察组 2026 春');
    times.push(performance.now() - start);
  }
  return times;
}

async function sealing(mib: number) {
  const bytes = new Uint8Array(mib * 2 ** 20);
  for (let at = 0; at < bytes.length; at += 65_536)
    crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  const file = new Blob([bytes]);
  const keys = memoryKeys();
  let start = performance.now();
  const sealed = await sealBlob(keys, file, 'ab'.repeat(32));
  const sealMs = performance.now() - start;
  const db = new WorkbenchDB(`bench-rest-blob-${Date.now()}`, {}, keys);
  await db.blobs.put({ sha256: 'ab'.repeat(32), size: file.size, blob: sealed });
  const row = (await db.blobs.get('ab'.repeat(32)))!;
  start = performance.now();
  const back = await openBlob(keys, row);
  await back.arrayBuffer();
  const openMs = performance.now() - start;
  const identity = await generateX25519Identity();
  const encrypter = new Encrypter();
  encrypter.addRecipient(await identityToRecipient(identity));
  start = performance.now();
  await encrypter.encrypt(bytes);
  const ageMs = performance.now() - start;
  const rate = (ms: number) => mib / (ms / 1000);
  return { sealMibS: rate(sealMs), openMibS: rate(openMs), ageMibS: rate(ageMs), mib };
}

window.benchRest = async ({ puts, summaries, mib }) => {
  const put = { plain: await putTimes(false, puts), sealed: await putTimes(true, puts) };
  const list = {
    plain: await listTimes(false, summaries),
    sealed: await listTimes(true, summaries),
  };
  return { put, list, unlockMs: await unlockTimes(), seal: await sealing(mib) };
};
