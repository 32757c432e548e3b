/**
 * Every kind of document, opened by LibreOffice and measured against GB/T 9704-2012 by the
 * independent checker (../shared/tools/gbt9704). Reports pass all 33 checks. The 笔录, 底稿 and
 * 移交单 follow their own practice (第 X 页 共 Y 页, forms, signature blocks): they pass the paper,
 * margin, body-font and body-size checks, and every other check they fail is named below with
 * the reason it does not apply. A check failing that is not named fails the test.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCase, type DemoCase } from '../../../shared/demo';
import { buildDocument, type DocumentRequest } from '../../../shared/documents';
import { documentCase } from '../../../shared/documents/assemble';
import type { Stored } from '../../../shared/domain/record';
import type { InterviewRecord } from '../../../shared/domain/records/interview.schema';
import type { Actor, Repositories } from '../../../renderer/db';
import { storedDocumentCase } from '../../support/storedCase';
import type { WorkbenchDB } from '../../../renderer/db/database';
import { caseWithComparison, earlierRoundAndLookback } from '../db/helpers';

const CHECKER = join(__dirname, '../../tools/gbt9704/check.mjs');
const today = '2026-12-07';
const sha256 = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'gbt9704-'));

interface Check {
  readonly id: string;
  readonly ok: boolean;
  readonly measured: string;
}

/** Runs the checker on the document; LibreOffice must be installed (.ci/run installs it). */
function checked(name: string, bytes: Uint8Array): { checks: Check[]; pages: string } {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, [CHECKER, file, '--json'], { encoding: 'utf8' });
  if (run.status === 2 || !run.stdout) throw new Error(`checker could not run: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { checks: Check[]; info?: Record<string, unknown> };
  const pages = report.checks.find((c) => c.id === 'render.page-size')?.measured ?? '';
  return { checks: report.checks, pages };
}

/** What a form-like document (笔录, 底稿) must pass whatever its own practice. */
const PAPER_MARGINS_BODY = [
  'xml.page-size',
  'xml.margin-top',
  'xml.margin-left',
  'xml.text-block',
  'xml.body-size',
  'xml.body-font',
  'render.page-size',
  'render.body-size',
];

/** The checks a 笔录 or 底稿 does not meet, and why they do not apply to it. */
const PAGE_OF_TOTAL = {
  'xml.even-odd-setting': '第 X 页 共 Y 页 is centred on every page: no odd/even footers',
  'xml.footer-odd': 'the footer reads 第 X 页 共 Y 页, centred, not — X — at the outer edge',
  'xml.footer-even': 'the same footer on every page',
  'render.page-number-text': '第 X 页 共 Y 页 instead of — X —',
  'render.page-number-odd': 'centred, not at the outer edge',
  'render.page-number-even': 'centred, not at the outer edge',
  'render.page-number-drop': 'a 笔录 carries the signature line and the page count below the text',
};
const NOT_APPLICABLE: Record<string, Record<string, string>> = {
  interview: {
    ...PAGE_OF_TOTAL,
    'xml.first-line-indent':
      'the header lines (时间：, 地点：, 谈话人：…) and signature lines start flush left',
    'render.lines-per-page':
      'the 被谈话人签名 line in the footer sits on the line pitch and is counted',
  },
  draft: {
    ...PAGE_OF_TOTAL,
    'render.left-edge': 'a form: its labels are centred in their column',
    'render.top-edge':
      'each page starts with the sheet title or a row of the form, never body text',
    'render.lines-per-page': 'a form: the text is in table cells, not on the body grid',
    'render.chars-per-line': 'a form: the answers run in the value column, narrower than the block',
  },
  clues: {
    'render.lines-per-page':
      '内部资料 is printed under the page number on every page and counted as a line',
    'render.chars-per-line':
      'one 移交单 (a form) per clue: its cells outnumber the body lines and set the commonest line edges',
  },
};

function expectOfficial(kind: string, checks: Check[]) {
  const named = NOT_APPLICABLE[kind] ?? {};
  const unexplained = checks.filter((c) => !c.ok && !(c.id in named));
  expect(
    unexplained.map((c) => `${c.id}: ${c.measured}`),
    kind,
  ).toEqual([]);
  if (kind in NOT_APPLICABLE) {
    for (const id of PAPER_MARGINS_BODY) {
      expect(checks.find((c) => c.id === id)?.ok, `${kind} ${id}`).toBe(true);
    }
  }
  expect(checks).toHaveLength(33);
}

let demo: DemoCase;

beforeAll(async () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (soffice.status !== 0)
    throw new Error(
      'LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui poppler-utils',
    );
  demo = await generateDemoCase({ today, sha256 });
});

const build = async (request: DocumentRequest, rows = demo.rows) =>
  (await buildDocument(documentCase({ rows }, demo.leaderId, today), request)).bytes;

/**
 * The report of a case in a real database, its 基本情况 and 意见建议 the given sentence
 * `times` over: the 组长's own text fills the first page, so its lines can be measured.
 */
async function filledReport(
  repos: Repositories,
  db: WorkbenchDB,
  caseId: string,
  actor: Actor,
  sentence: string,
  times: number,
) {
  const basics = Array.from({ length: times }, () => sentence).join('\n');
  await repos.cases.update(
    caseId,
    { reportBasics: basics, reportSuggestions: basics },
    actor,
    today,
  );
  const input = await storedDocumentCase(db, caseId, actor.memberId, today);
  return (await buildDocument(input, { kind: 'report' })).bytes;
}

describe('GB/T 9704 in LibreOffice', () => {
  it.each(['report', 'feedback', 'clues', 'draft'] as const)(
    'the demo case %s',
    async (kind) => {
      const { checks } = checked(kind, await build({ kind }));
      expectOfficial(kind, checks);
    },
    120_000,
  );

  it('a 谈话笔录', async () => {
    const interview = demo.rows.find(
      (r) => r.table === 'interviews' && (r.row as InterviewRecord).turns.length > 5,
    )!.row as InterviewRecord;
    const { checks } = checked('interview', await build({ kind: 'interview', interview }));
    expectOfficial('interview', checks);
  }, 120_000);

  it('a report with no confirmed finding', async () => {
    // The 组长's own text fills the first page, so its lines can be measured.
    const basics = Array.from(
      { length: 6 },
      () =>
        '该镇党委能够认真学习贯彻党的路线方针政策和上级决策部署，班子成员分工明确，各项工作有序推进，群众对镇党委工作总体满意。',
    ).join('\n');
    const rows = demo.rows.map(({ table, row }) => ({
      table,
      row:
        table === 'findings'
          ? ({ ...row, status: 'draft' } as Stored<object>)
          : table === 'cases'
            ? ({ ...row, reportBasics: basics, reportSuggestions: basics } as Stored<object>)
            : row,
    }));
    expectOfficial('report', checked('none', await build({ kind: 'report' }, rows)).checks);
  }, 120_000);

  it('a 回头看 report, with the earlier round and its table', async () => {
    const { repos, db, priorId, caseId, actor } = await earlierRoundAndLookback();
    await repos.rechecks.start(caseId, priorId, actor);
    const [car] = await repos.rechecks.list(caseId, actor);
    await repos.rechecks.patch(car!.id, { conclusion: 'relapsed', note: '又有公车私用。' }, actor);
    const bytes = await filledReport(
      repos,
      db,
      caseId,
      actor,
      '该局党组能够认真落实上轮巡察反馈意见，制定整改方案，明确责任分工，建立整改台账，实行对账销号，多数问题已经整改到位，群众对整改工作总体满意，但个别问题整改不够彻底。',
      6,
    );
    expectOfficial('report', checked('lookback', bytes).checks);
  }, 120_000);

  it('a report with the 数据比对 annex', async () => {
    const { repos, db, caseId, actor, run } = await caseWithComparison();
    await run();
    for (const hit of await repos.compare.hits(caseId))
      await repos.compare.patchHit(hit.id, { status: 'true', verifyNote: '经核实属实' }, actor);
    const bytes = await filledReport(
      repos,
      db,
      caseId,
      actor,
      '该局党组能够认真落实全面从严治党主体责任，但在民生资金管理方面仍有薄弱环节，数据比对发现低保对象名下登记有车辆等问题。',
      8,
    );
    expectOfficial('report', checked('compare', bytes).checks);
  }, 120_000);

  it('a report of 300 confirmed findings (about 1,800 pages)', async () => {
    const big = await generateDemoCase({
      today,
      sha256,
      scale: {
        interviews: 120,
        docReviews: 60,
        siteVisits: 30,
        petitions: 10,
        findings: 330,
        clues: 10,
      },
    });
    let n = 0;
    // Written at length, as some reports are: each problem runs to several pages.
    const rows = big.rows.map(({ table, row }) => {
      const f = row as Stored<{ status: string; description: string }>;
      if (table !== 'findings' || f.status === 'merged' || n >= 300) return { table, row };
      n += 1;
      const description = Array.from({ length: 30 }, () => f.description).join('\n');
      return { table, row: { ...f, status: 'confirmed', description } as Stored<object> };
    });
    expect(n).toBe(300);
    const bytes = (
      await buildDocument(documentCase({ rows }, big.leaderId, today), { kind: 'report' })
    ).bytes;
    const { checks, pages } = checked('report-300', bytes);
    expect(Number(/(\d+) page/.exec(pages)?.[1])).toBeGreaterThan(1500);
    expectOfficial('report', checks);
  }, 300_000);
});
