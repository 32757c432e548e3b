/**
 * The page of `npm run bench -- rest` (issue 16): the same work on a sealed database and on a
 * plain one, side by side in one page of Chromium with real IndexedDB, through the app's own
 * repositories.
 *
 * - an autosave put: one field of a 40-turn interview (about 6,000 characters) patched, as the
 *   autosaver does after typing, timed one by one;
 * - the list of a case of 10,000 record summaries, read as the records page reads it when it
 *   opens after an unlock (a new connection, nothing opened yet), and read again;
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
import { cipherInUse, loadFastCipher } from '../../../shared/rest/seal';

export interface RestResult {
  readonly put: { sealed: number[]; plain: number[] };
  /** Reads of the list on a connection just opened, and again on one that read it before. */
  readonly list: {
    sealed: { first: number[]; again: number[] };
    plain: { first: number[]; again: number[] };
  };
  readonly unlockMs: number[];
  readonly seal: { sealMibS: number; openMibS: number; ageMibS: number; mib: number };
}

declare global {
  interface Window {
    benchRest(request: { puts: number; summaries: number; mib: number }): Promise<RestResult>;
  }
}

const RUNS = 5;
const SENTENCE = '经查，该局二〇二五年公务用车加油记录与行车记录不符，存在私车公养问题。';

async function opened(sealed: boolean) {
  const keys = sealed ? memoryKeys() : undefined;
  const name = `bench-rest-${sealed}-${Date.now()}`;
  const db = new WorkbenchDB(name, {}, keys);
  const repos = repositories(db);
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  const { caseRecord, creator } = await repos.cases.create(newCase, deviceId, today);
  return {
    db,
    repos,
    name,
    keys,
    caseId: caseRecord.id,
    actor: { deviceId, memberId: creator.id },
  };
}

/** An interview of 40 turns in a new database, and a put of one of its turns, timed. */
async function interviewPuts(sealed: boolean) {
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
  return async (i: number) => {
    const text = `${SENTENCE.repeat(4)}${i}`;
    const start = performance.now();
    await repos.records.patch(
      'interviews',
      id,
      { 'turns/t020': { id: 't020', pos: 'a020', speaker: 'q', text } },
      actor,
      today,
    );
    return performance.now() - start;
  };
}

/**
 * Puts on the sealed and the plain database in turn, so that whatever else the machine does
 * meanwhile weighs on both alike.
 */
async function putTimes(puts: number): Promise<{ sealed: number[]; plain: number[] }> {
  const put = { sealed: await interviewPuts(true), plain: await interviewPuts(false) };
  const times = { sealed: [] as number[], plain: [] as number[] };
  for (let i = 0; i < puts; i++) {
    times.sealed.push(await put.sealed(i));
    times.plain.push(await put.plain(i));
  }
  return times;
}

/** A database holding a case with `count` document reviews' list rows; closed. */
async function listOf(sealed: boolean, count: number) {
  const { db, name, keys, caseId } = await opened(sealed);
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
  db.close();
  /** A new connection, opened (as after an unlock or a start: nothing opened yet). */
  const connect = async () => {
    const repos = repositories(new WorkbenchDB(name, {}, keys));
    await repos.open();
    return repos;
  };
  /** The records page's read of the list, timed. */
  const read = async (repos: Awaited<ReturnType<typeof connect>>) => {
    const start = performance.now();
    const listed = await repos.records.summaries(caseId, 'docReviews');
    const ms = performance.now() - start;
    if (listed.length !== count) throw new Error(`listed ${listed.length} of ${count}`);
    return ms;
  };
  return { connect, read };
}

type Reads = { first: number[]; again: number[] };

/**
 * The list of `count` summaries as a user meets it: the first read on a connection just opened
 * (after an unlock or a start, nothing opened yet), RUNS times, each on a new connection; then
 * the same read again on a connection that read it before (a live query after a save). Sealed
 * and plain in turn, so that whatever else the machine does weighs on both alike.
 */
async function listTimes(count: number): Promise<{ sealed: Reads; plain: Reads }> {
  const lists = { sealed: await listOf(true, count), plain: await listOf(false, count) };
  const times = {
    sealed: { first: [] as number[], again: [] as number[] },
    plain: { first: [] as number[], again: [] as number[] },
  };
  const open = { sealed: await lists.sealed.connect(), plain: await lists.plain.connect() };
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['sealed', 'plain'] as const) {
      const repos = await lists[kind].connect();
      times[kind].first.push(await lists[kind].read(repos));
      repos.close();
    }
  }
  for (const kind of ['sealed', 'plain'] as const) await lists[kind].read(open[kind]);
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ['sealed', 'plain'] as const) {
      times[kind].again.push(await lists[kind].read(open[kind]));
    }
  }
  open.sealed.close();
  open.plain.close();
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
  await loadFastCipher(); // as the app does while its passphrase is typed
  if (cipherInUse() !== 'libsodium') throw new Error('libsodium did not load');
  const put = await putTimes(puts);
  const list = await listTimes(summaries);
  return { put, list, unlockMs: await unlockTimes(), seal: await sealing(mib) };
};
