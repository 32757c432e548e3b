/**
 * History size benchmark: one interview typed for two hours at human speed, saved the way the
 * app saves it (the autosaver's patches every 0.3 s of typing, through the real repositories
 * and write path, on fake-indexeddb), with the pauses of a real interview: a few seconds
 * between turns, a minute or more while listening, now and then a correction. The laptop's
 * clock is stepped by the simulation, so two hours take a minute.
 *
 * Figures: the bytes of every revision of the record (as JSON, UTF-8) against the bytes of
 * the final text; goal under 5×. Run twice: never exported (revisions fold within an editing
 * session), and exported every 30 minutes (a folded revision that may have left the laptop is
 * never rewritten, so later typing starts new revisions).
 */
import 'fake-indexeddb/auto';
import { WorkbenchDB } from '../../renderer/db/database';
import { repositories } from '../../renderer/db/repositories';
import { positionAfter } from '../../shared/domain/order';
import { generateCase, prng } from './corpus';

const HOURS = 2;
const SAVE_EVERY_MS = 300;
const CHARS_PER_SECOND = 4; // a fast typist taking notes while someone talks

interface Figure {
  name: string;
  value: number;
  baseline?: string;
  baselineValue?: number;
}

const utf8 = (text: string) => new TextEncoder().encode(text).length;

async function typeInterview(exportEveryMinutes: number | null, seed: number) {
  const random = prng(seed);
  const source = generateCase(seed)
    .filter((d) => d.kind === 'interview')
    .map((d) => d.text)
    .join('');
  let now = Date.parse('2026-11-23T01:00:00.000Z');
  const clock = { now: () => new Date(now).toISOString() };
  const db = new WorkbenchDB(`history-bench-${seed}-${exportEveryMinutes ?? 'none'}`);
  const repos = repositories(db, { clock });
  await repos.open();
  const deviceId = await repos.settings.deviceId();
  const { caseRecord, creator } = await repos.cases.create(
    {
      unitName: '某县教育局党组',
      type: 'regular',
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      creatorName: '张三',
    },
    deviceId,
    '2026-11-23',
  );
  const actor = { deviceId, memberId: creator.id };
  const { id } = await repos.records.create('interviews', caseRecord.id, actor, '2026-11-23');

  const end = now + HOURS * 3_600_000;
  const turns: { id: string; pos: string; speaker: 'q' | 'a'; text: string }[] = [];
  let cursor = 0;
  let saves = 0;
  let nextExport = exportEveryMinutes ? now + exportEveryMinutes * 60_000 : Infinity;
  const save = async (turn: (typeof turns)[number]) => {
    await repos.records.patch(
      'interviews',
      id,
      { [`turns/${turn.id}`]: { ...turn } },
      actor,
      '2026-11-23',
    );
    saves++;
  };
  while (now < end) {
    // A new turn: 问 short, 答 long.
    const speaker = turns.length % 2 === 0 ? 'q' : 'a';
    const turn = {
      id: `t${turns.length}`,
      pos: positionAfter(turns.map((t) => t.pos)),
      speaker,
      text: '',
    } as const;
    const mutable = { ...turn, text: '' };
    turns.push(mutable);
    const length =
      speaker === 'q' ? 15 + Math.floor(random() * 30) : 80 + Math.floor(random() * 400);
    while (mutable.text.length < length && now < end) {
      // Type for 0.3 s, then the autosaver writes.
      now += SAVE_EVERY_MS;
      const typed = Math.max(
        1,
        Math.round(CHARS_PER_SECOND * (SAVE_EVERY_MS / 1000) * (0.5 + random())),
      );
      mutable.text += source.slice(cursor, cursor + typed);
      cursor = (cursor + typed) % (source.length - 1000);
      if (random() < 0.03) mutable.text = mutable.text.slice(0, -Math.ceil(random() * 6)); // a correction
      await save(mutable);
      if (random() < 0.02) now += 2_000 + random() * 8_000; // a short hesitation
      if (now >= nextExport) {
        await repos.sync.markExported(await repos.sync.currentSeq());
        nextExport += exportEveryMinutes! * 60_000;
      }
    }
    // Between turns: a few seconds; while the answer is long, a minute or two of listening.
    now += speaker === 'q' ? 3_000 + random() * 10_000 : 20_000 + random() * 100_000;
  }
  const revisions = await db.revisions.where('recordId').equals(id).toArray();
  const record = await repos.records.get('interviews', id);
  const text = (record!.turns as { text: string }[]).map((t) => t.text).join('');
  const revisionBytes = revisions.reduce((n, r) => n + utf8(JSON.stringify(r)), 0);
  db.close();
  return {
    revisions: revisions.length,
    saves,
    textBytes: utf8(text),
    chars: text.length,
    revisionBytes,
  };
}

const figures: Figure[] = [];
const rows: string[] = [];
for (const [label, exportEvery] of [
  ['never exported', null],
  ['exported every 30 min', 30],
] as const) {
  const started = performance.now();
  const r = await typeInterview(exportEvery, 20261123);
  const seconds = (performance.now() - started) / 1000;
  const ratio = r.revisionBytes / r.textBytes;
  rows.push(
    `  ${label.padEnd(24)} ${String(r.saves).padStart(7)} ${String(r.revisions).padStart(9)} ${String(r.chars).padStart(7)} ${String(r.textBytes).padStart(10)} ${String(r.revisionBytes).padStart(10)} ${ratio.toFixed(2).padStart(6)}×  (${seconds.toFixed(0)} s)`,
  );
  const suffix = exportEvery === null ? '' : '.exported';
  figures.push({
    name: `history.revisions${suffix}.bytes`,
    value: r.revisionBytes,
    baseline: `history.text${suffix}.bytes`,
    baselineValue: r.textBytes,
  });
}

console.log(
  `\nHistory of one interview typed for ${HOURS} hours (goal: revisions under 5× the text)\n`,
);
console.log('  run                        saves revisions   chars text bytes  rev bytes  ratio');
for (const row of rows) console.log(row);
console.log('');
for (const f of figures) {
  const ratio = Number((f.value / f.baselineValue!).toPrecision(3));
  console.log(`BENCH ${JSON.stringify({ ...f, ratio })}`);
}
if (figures.some((f) => f.value / f.baselineValue! >= 5)) process.exitCode = 1;
