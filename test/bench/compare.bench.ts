/**
 * 数据比对 at the size of a county's lists (issue 15):
 *
 *   compare.1m.ms          1,000,000 低保 rows against 100,000 vehicle rows, 5 % of numbers in the
 *                          old 15-digit form and 1 % with a wrong check digit: every number read
 *                          (normalised) and the rule matched, against a plain Map join of the
 *                          same numbers already clean, in the same run: map.join.ms. Goal ≤ 2×.
 *   compare.xlsx200k.ms    a 200,000-row workbook read and made into list rows, against exceljs's
 *                          streaming reader reading the same file: exceljs.stream.ms. Goal ≤ 1.3×.
 *   compare.peak_mib       the process's peak resident memory over the whole benchmark.
 *
 * Options: --runs N (default 3; medians), --sources N (default 1,000,000).
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { listRows, readListFile } from '../../shared/compare/read';
import { checkCharacter, normalizeId } from '../../shared/domain/compare/idNumber';
import { matchRule, type SideList } from '../../shared/domain/compare/match';
import type { ListRow } from '../../shared/domain/compare/rows';
import { against, percentile, printFigures, round, type Figure } from './browser';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option('--runs', 3);
const SOURCES = option('--sources', 1_000_000);
const TARGETS = Math.round(SOURCES / 10);
const XLSX_ROWS = option('--xlsx-rows', 200_000);
const median = (xs: number[]) => percentile(xs, 50);

/** Person i's number: a region, a birth date spread over 1930–1999, a sequence, the check. */
function idOf(i: number): string {
  const region = 320101 + (i % 900);
  const year = 1930 + (i % 70);
  const month = 1 + ((i >> 3) % 12);
  const day = 1 + ((i >> 5) % 28);
  const seq = (i >> 9) % 1000;
  const first17 = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** As the file gives it: mostly 18 digits, 5 % the old 15, 1 % a wrong check digit. */
function asGiven(id: string, i: number): string {
  if (i % 20 === 7) return id.slice(0, 6) + id.slice(8, 17);
  if (i % 100 === 13) return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
  return id;
}

/** A row as the list holds it, made only for a hit (the matcher asks for it). */
const row = (n: number, name: string, raw: string, id: string): ListRow => ({
  n,
  name,
  raw,
  id,
  problem: '',
  birth: '',
  householder: '',
  householderId: '',
  relation: '',
  address: '',
  amount: '',
  date: '',
  cells: [name, raw],
});

interface RawList {
  readonly names: readonly string[];
  readonly raws: readonly string[];
}

/** Every number normalised (what the match keys on), then the rule matched. */
function matchRun(source: RawList, target: RawList) {
  const t = performance.now();
  const side = (listId: string, list: RawList): SideList => {
    const ids = list.raws.map((raw) => normalizeId(raw));
    return {
      listId,
      columns: ['姓名', '身份证号'],
      ids,
      row: (i) => row(i + 2, list.names[i]!, list.raws[i]!, ids[i]!),
    };
  };
  const sources = side('s', source);
  const targets = side('t', target);
  const normalised = performance.now() - t;
  const matches = matchRule({ id: 'r', household: false, exemptions: [] }, [sources], [targets]);
  return { ms: performance.now() - t, normalised, hits: matches.length };
}

function mapJoin(sourceIds: string[], targetIds: string[]) {
  const t = performance.now();
  const byId = new Map<string, number[]>();
  targetIds.forEach((id, i) => {
    const list = byId.get(id);
    if (list) list.push(i);
    else byId.set(id, [i]);
  });
  let hits = 0;
  for (const id of sourceIds) hits += byId.get(id)?.length ?? 0;
  return { ms: performance.now() - t, hits };
}

async function workbook(rows: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('低保名册');
  sheet.addRow(['序号', '姓名', '身份证号码', '家庭住址', '保障金额']);
  for (let i = 0; i < rows; i++)
    sheet.addRow([i + 1, `张${i % 1000}`, idOf(i), `石桥镇${i % 30}村`, 520]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function exceljsStream(bytes: Uint8Array): Promise<number> {
  const t = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: 'cache',
    worksheets: 'emit',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const r of sheet) {
      void r;
      rows++;
    }
  }
  if (rows < XLSX_ROWS) throw new Error(`exceljs read ${rows} rows`);
  return performance.now() - t;
}

async function main() {
  // Everyone in the vehicle list is a person of their own; one in fifty 低保 rows owns a car.
  const targetIds = Array.from({ length: TARGETS }, (_, i) => idOf(i * 50));
  const sourceIds = Array.from({ length: SOURCES }, (_, i) => idOf(i));
  const targetRaw = { names: targetIds.map((_, i) => `车主${i}`), raws: targetIds };
  const sourceRaw = {
    names: sourceIds.map((_, i) => `张${i % 1000}`),
    raws: sourceIds.map((id, i) => asGiven(id, i)),
  };

  const ours: number[] = [];
  const plain: number[] = [];
  let hits = 0;
  let joined = 0;
  for (let run = 0; run <= RUNS; run++) {
    const m = mapJoin(sourceIds, targetIds);
    const r = matchRun(sourceRaw, targetRaw);
    [hits, joined] = [r.hits, m.hits];
    console.log(
      `run ${run}: map join ${m.ms.toFixed(0)} ms, normalise + match ${r.ms.toFixed(0)} ms (normalise ${r.normalised.toFixed(0)}), ${r.hits} hits`,
    );
    if (run === 0) continue;
    ours.push(r.ms);
    plain.push(m.ms);
  }
  // The wrong check digits are the only ones the clean join finds and the rule cannot.
  const wrongCheck = sourceIds.filter((_, i) => i % 50 === 0 && i % 100 === 13).length;
  if (hits !== joined - wrongCheck)
    throw new Error(`expected ${joined - wrongCheck} hits, got ${hits}`);

  const bytes = await workbook(XLSX_ROWS);
  const stream: number[] = [];
  const read: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const alone = await exceljsStream(bytes);
    const t = performance.now();
    const file = readListFile(bytes, { fileName: '低保名册.xlsx' });
    const rows = listRows(file, file.mapping);
    const ms = performance.now() - t;
    if (rows.length !== XLSX_ROWS) throw new Error(`read ${rows.length} rows`);
    console.log(`run ${run}: exceljs stream ${alone.toFixed(0)} ms, import ${ms.toFixed(0)} ms`);
    if (run === 0) continue;
    stream.push(alone);
    read.push(ms);
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  const figures: Figure[] = [
    against('compare.1m.ms', round(median(ours)), 'map.join.ms', round(median(plain))),
    against('compare.xlsx200k.ms', round(median(read)), 'exceljs.stream.ms', round(median(stream))),
    { name: 'compare.peak_mib', value: round(peak) },
  ];
  console.log(
    `\n${SOURCES.toLocaleString('en')} × ${TARGETS.toLocaleString('en')} rows, ${hits} hits; workbook of ${XLSX_ROWS.toLocaleString('en')} rows, ${bytes.length.toLocaleString('en')} bytes`,
  );
  printFigures(figures);
}

await main();
