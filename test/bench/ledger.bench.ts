/**
 * The 整改台账 at the scale of a 巡察办 following many units (issue 14):
 *
 *   ledger.import10k.ms    a 10,000-row 任务清单 workbook with 2,000 changed cells read back as
 *                          proposed changes (parse, match by 编号, diff) against exceljs reading
 *                          the same file alone, in the same run: exceljs.read.ms. Goal ≤ 1.5×.
 *   ledger.overview10k.ms  colours and the completion rate of 10,000 tasks (what the page
 *                          computes at every render). Goal under 16 ms, one frame.
 *
 * Options: --runs N (default 5; medians).
 */
import ExcelJS from 'exceljs';
import { readTaskWorkbook } from '../../shared/documents/ledger/import';
import { ledgerWorkbook } from '../../shared/documents/ledger/workbook';
import {
  TASK_STAGES,
  TASK_STATUSES,
  taskFields,
  type LedgerItemRecord,
  type TaskRecord,
} from '../../shared/domain/ledger/task.schema';
import { ledgerOverview } from '../../shared/domain/ledger/warning';
import { zh } from '../../shared/i18n/zh-CN';
import { against, percentile, printFigures, round, type Figure } from './browser';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const TASKS = 10_000;
const CHANGED = 2_000;
const TODAY = '2026-12-07';
const median = (xs: number[]) => percentile(xs, 50);

const meta = (id: string) => ({
  id,
  caseId: 'c',
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'm',
  updatedAt: '2026-12-01T00:00:00.000Z',
  updatedBy: 'm',
  rev: 1,
  vv: { d: 1 },
  clocks: {},
  deleted: false,
  seq: 1,
});

/** 2,000 问题 of five tasks each, spread over the statuses, stages and the year. */
function ledger(): { items: LedgerItemRecord[]; tasks: TaskRecord[] } {
  const items: LedgerItemRecord[] = [];
  const tasks: TaskRecord[] = [];
  for (let i = 0; i < TASKS / 5; i++) {
    const itemId = `i${i}`;
    items.push({
      ...meta(itemId),
      findingId: `f${i}`,
      draftNo: `[2026]4巡-3组-${i + 1}号`,
      title: `问题${i + 1}：公务用车管理不规范，节假日私用`,
      order: String(i).padStart(6, '0'),
    });
    for (let k = 0; k < 5; k++) {
      const n = i * 5 + k;
      const day = 1 + (n % 28);
      tasks.push({
        ...meta(`t${n}`),
        ...taskFields.parse({
          itemId,
          no: `${i + 1}-${k + 1}`,
          goal: '建立健全公务用车管理长效机制',
          measure: `制定并落实公务用车使用管理办法，开展专项清理（第${n}项）`,
          leader: ['尹晨', '程敏', '何英峰'][n % 3],
          department: ['党政办', '财政所', '民政办', '中心学校'][n % 4],
          owner: '张三',
          due: `2027-0${1 + (n % 6)}-${String(day).padStart(2, '0')}`,
          stage: TASK_STAGES[n % 3],
          status: TASK_STATUSES[n % 5],
        }),
      });
    }
  }
  return { items, tasks };
}

async function main() {
  const { items, tasks } = ledger();
  const exported = await ledgerWorkbook({ items, tasks, today: TODAY, warnDays: 10 });
  // The unit's copy: 2,000 cells changed (a status or a department, every fifth row).
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exported as unknown as ArrayBuffer);
  const list = book.getWorksheet(zh.ledger.tabs.tasks)!;
  for (let c = 0; c < CHANGED; c++) {
    const row = list.getRow(2 + c * 5);
    if (c % 2 === 0) row.getCell(11).value = zh.ledger.statuses.done;
    else row.getCell(7).value = '纪检组';
  }
  const filled = new Uint8Array(await book.xlsx.writeBuffer());

  const read: number[] = [];
  const parse: number[] = [];
  let proposals = 0;
  for (let run = 0; run <= RUNS; run++) {
    let t = performance.now();
    await new ExcelJS.Workbook().xlsx.load(filled as unknown as ArrayBuffer);
    const alone = performance.now() - t;
    t = performance.now();
    const reading = await readTaskWorkbook(filled, tasks, '2026-12-01');
    const ours = performance.now() - t;
    proposals = reading.proposals.length;
    if (run === 0) continue; // warm-up
    read.push(alone);
    parse.push(ours);
    console.log(
      `run ${run}: exceljs ${alone.toFixed(0)} ms, import ${ours.toFixed(0)} ms, ${proposals} changes`,
    );
  }
  if (proposals !== CHANGED)
    throw new Error(`expected ${CHANGED} proposed changes, got ${proposals}`);

  const overview: number[] = [];
  for (let run = 0; run < 50; run++) {
    const t = performance.now();
    ledgerOverview(tasks, TODAY, 10);
    overview.push(performance.now() - t);
  }
  const figures: Figure[] = [
    against('ledger.import10k.ms', round(median(parse)), 'exceljs.read.ms', round(median(read))),
    { name: 'ledger.overview10k.ms', value: round(median(overview.slice(10))) },
  ];
  console.log(
    `\n${TASKS} tasks, ${CHANGED} changed cells; workbook ${filled.length.toLocaleString('en')} bytes`,
  );
  printFigures(figures);
}

await main();
