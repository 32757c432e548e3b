/**
 * The documents as a reader finds them: headings in order, findings in the 组长's order, the
 * dashboard's counts, nothing of the clues in the report, every bad input exported whole.
 * (The official format itself is checked by LibreOffice in gbt9704.test.ts.)
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoCase, type DemoCase } from '../../../shared/demo';
import { buildDocument, type DocumentRequest } from '../../../shared/documents';
import { documentCase } from '../../../shared/documents/assemble';
import { DocumentRefused } from '../../../shared/documents/clueReport';
import type { DocumentCase } from '../../../shared/documents/input';
import { interviewWarnings } from '../../../shared/documents/interview';
import { NONE_FOUND } from '../../../shared/documents/problems';
import { reportPlan } from '../../../shared/domain/report/plan';
import type { ClueRecord } from '../../../shared/domain/findings/clue.schema';
import type { FindingRecord } from '../../../shared/domain/findings/finding.schema';
import type { InterviewRecord } from '../../../shared/domain/records/interview.schema';
import type { Stored } from '../../../shared/domain/record';
import { openReadOnlyRecords } from '../../../renderer/db/readonly';
import { readDocx } from '../../support/docx';
import { freshRepos } from '../db/helpers';
import { readerOf } from '../../support/storedCase';

const today = '2026-12-07';
const sha256 = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let demo: DemoCase;
let input: DocumentCase;

beforeAll(async () => {
  demo = await generateDemoCase({ today, sha256 });
  input = documentCase(demo, demo.leaderId, today);
});

const build = async (doc: DocumentCase, request: DocumentRequest) =>
  readDocx((await buildDocument(doc, request)).bytes);

/** The demo with some rows changed: `edit` gets each row and returns its replacement. */
function edited(edit: (table: string, row: Stored<object>) => Stored<object> | null) {
  const rows = demo.rows.flatMap(({ table, row }) => {
    const next = edit(table, row);
    return next ? [{ table, row: next }] : [];
  });
  return documentCase({ rows }, demo.leaderId, today);
}

const texts = (paragraphs: { text: string }[]) => paragraphs.map((p) => p.text);

describe('巡察情况报告', () => {
  it('has the title, addressee and three parts in order, and the 组长 texts', async () => {
    const doc = edited((table, row) =>
      table === 'cases'
        ? {
            ...row,
            reportBasics: '该镇党委班子基本健全。\n\n全镇共有党员1,200名。',
            reportSuggestions: '',
          }
        : row,
    );
    const { paragraphs } = await build(doc, { kind: 'report' });
    const body = paragraphs.filter((p) => !p.inTable && p.text);
    expect(body[0]!.text).toBe('关于对【示例】清河县石桥镇党委巡察情况的报告');
    expect(body[1]!.text).toBe('县委巡察工作领导小组：');
    expect(body.filter((p) => p.style === 'Heading1Gb').map((p) => p.text)).toEqual([
      '一、基本情况',
      '二、发现的主要问题',
      '三、意见建议',
    ]);
    const all = texts(body);
    const basics = all.indexOf('一、基本情况');
    expect(all.slice(basics + 1, basics + 3)).toEqual([
      '该镇党委班子基本健全。',
      '全镇共有党员1,200名。',
    ]);
    // A part the 组长 has not written says so, instead of vanishing.
    expect(all[all.indexOf('三、意见建议') + 1]).toBe('（待组长填写）');
    expect(all).toContain('附件：1. 问题清单');
    expect(all).toContain('县委第三巡察组');
    expect(all).toContain('2026年12月7日');
  });

  it('quotes the dashboard figures in the work sentence', async () => {
    const { paragraphs } = await build(input, { kind: 'report' });
    const s = input.stats;
    const immediate = input.findings.filter((f) => f.status === 'confirmed' && f.immediate).length;
    expect(texts(paragraphs)).toContain(
      `巡察期间，巡察组个别谈话${s.interviewPeople}人次，查阅资料${s.docReviews}份，实地走访${s.siteVisits}处，` +
        `受理信访${s.petitions}件，发现问题${s.confirmedFindings}个（其中立行立改${immediate}个），` +
        `移交问题线索${input.handover.clues}件${input.handover.people}人。`,
    );
    expect(s).toMatchObject({ interviewPeople: 32, docReviews: 15, siteVisits: 10, petitions: 8 });
  });

  it('lists confirmed findings under their headings in the 组长 order, numbered 1. 2. …', async () => {
    // Every finding confirmed, in an order the 组长 set that differs from creation order.
    const ids = input.findings.filter((f) => f.status !== 'merged').map((f) => f.id);
    const order = new Map(
      [...ids].reverse().map((id, i) => [id, `a${String(i).padStart(3, '0')}`]),
    );
    const rectify = ids[0];
    const doc = edited((table, row) =>
      table === 'findings' && order.has(row.id)
        ? ({
            ...row,
            status: 'confirmed',
            order: order.get(row.id),
            ...(row.id === rectify && { category: 'rectify.lastRound' }),
          } as Stored<object>)
        : row,
    );
    const { paragraphs } = await build(doc, { kind: 'report' });
    const plan = reportPlan(doc.caseRecord, doc.findings);
    const all = texts(paragraphs.filter((p) => !p.inTable));
    const problems = all.slice(all.indexOf('二、发现的主要问题') + 1, all.indexOf('三、意见建议'));
    const headings = problems.filter((t) => /^（[一二三四]）/.test(t));
    expect(headings).toEqual(plan.headings.map((h, i) => `（${'一二三四'[i]}）${h.text}`));
    for (const h of plan.headings) {
      const at = problems.indexOf(headings[plan.headings.indexOf(h)]!);
      const numbered = problems.slice(at + 1).filter((t) => /^\d+\./.test(t));
      h.findings.forEach((f, n) =>
        expect(numbered[n]).toMatch(new RegExp(`^${n + 1}\\.${f.title}`)),
      );
    }
    // In the 组长's order: later order keys first here, since they were reversed.
    const first = plan.headings[0]!.findings.map((f) => order.get(f.id)!);
    expect(first).toEqual([...first].sort());
    // A rectification finding has no heading among the 三个聚焦: left out, and said why.
    expect(
      plan.leftOut.filter((l) => l.reason === 'noHeading').map((l) => l.finding.category),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/^rectify/)]));
  });

  it('writes problems as 问题表现, a typical example with a citation, 定性依据 and 责任指向', async () => {
    const { paragraphs } = await build(input, { kind: 'report' });
    const all = texts(paragraphs);
    const example = all.find((t) => t.startsWith('例如，'));
    expect(example).toMatch(/〔(谈话记录|查阅资料|实地走访|信访件)[^〕]*〕/);
    expect(all.some((t) => t.startsWith('定性依据：违反'))).toBe(true);
    expect(all.some((t) => /^责任指向：主体责任/.test(t))).toBe(true);
  });

  it('follows the 四个落实 scheme and the 组长 heading wording when chosen', async () => {
    const doc = edited((table, row) =>
      table === 'cases'
        ? {
            ...row,
            reportScheme: 'implement',
            headingTexts: { 'implement.discipline': '落实全面从严治党方面' },
          }
        : row,
    );
    const { paragraphs } = await build(doc, { kind: 'report' });
    const headings = texts(paragraphs).filter((t) => /^（[一二三四]）/.test(t));
    expect(headings.length).toBeGreaterThan(0);
    for (const h of headings) {
      expect(h).toMatch(
        /^（[一二三四]）(落实党的路线方针政策和上级决策部署|落实全面从严治党方面|落实新时代党的组织路线|落实巡视巡察、审计等监督发现问题整改)$/,
      );
    }
  });

  it('carries no clue detail, only the count', async () => {
    const { documentXml } = await build(input, { kind: 'report' });
    expect(input.clues.length).toBeGreaterThan(0);
    for (const clue of input.clues) {
      expect(documentXml).not.toContain(clue.allegation.slice(0, 20));
    }
    expect(documentXml).toContain(
      `移交问题线索${input.handover.clues}件${input.handover.people}人`,
    );
  });

  it('says 未发现 when nothing is confirmed, and is still a whole report', async () => {
    const doc = edited((table, row) =>
      table === 'findings' ? ({ ...row, status: 'draft' } as Stored<object>) : row,
    );
    const { paragraphs } = await build(doc, { kind: 'report' });
    const all = texts(paragraphs);
    expect(all[all.indexOf('二、发现的主要问题') + 1]).toBe(NONE_FOUND);
    expect(all).toContain('三、意见建议');
  });

  it('exports 50,000 characters with < & " \' emoji and control characters, escaped and whole', async () => {
    const hostile = `<script>&amp;"引号"'单引号'😀${'问题'.repeat(25_000)}\u0001\u0008\uD800尾`;
    const target = input.findings.find((f) => f.status === 'confirmed')!;
    const doc = edited((table, row) =>
      row.id === target.id
        ? ({ ...row, description: hostile, title: '<b>&标题"' } as Stored<object>)
        : row,
    );
    const { paragraphs, documentXml } = await build(doc, { kind: 'report' });
    const found = paragraphs.find((p) => p.text.includes('<b>&标题"'))!;
    expect(found.text).toContain(`<script>&amp;"引号"'单引号'😀问题问题`);
    expect(found.text).toMatch(/问题尾$/); // control characters and the lone surrogate dropped
    expect(documentXml.includes('\u0001') || documentXml.includes('\u0008')).toBe(false);
    expect(documentXml).toContain('&lt;script&gt;');
  });

  it('gives the same bytes for the same case, whatever the clock says', async () => {
    const a = await buildDocument(input, { kind: 'report' });
    vi.useFakeTimers({ now: new Date('2031-05-05T12:34:56Z') });
    const b = await buildDocument(input, { kind: 'report' });
    vi.useRealTimers();
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
  });
});

describe('the figures of a document are the dashboard figures', () => {
  it('for the demo case as stored in the database', async () => {
    const { db, repos, deviceId } = await freshRepos();
    const { caseId } = await repos.demo.load(deviceId);
    const leader = (await repos.members.list(caseId)).find((m) => m.role === 'leader')!;
    const records = await openReadOnlyRecords(readerOf(db, caseId));
    const stored = documentCase(await records!.caseRows(caseId), leader.id, today);
    const dashboard = await repos.stats.ofCase(caseId, { deviceId, memberId: leader.id });
    expect(stored.stats).toEqual(dashboard);
    records!.close();
    db.close();
  });
});

describe('反馈意见', () => {
  it('has its title, three parts and the request for the 整改 report within 3 months', async () => {
    const { paragraphs } = await build(input, { kind: 'feedback' });
    const all = texts(paragraphs.filter((p) => p.text));
    expect(all[0]).toBe('关于对【示例】清河县石桥镇党委巡察情况的反馈意见');
    expect(all.filter((t) => /^[一二三]、/.test(t))).toEqual([
      '一、总体评价',
      '二、巡察发现的主要问题',
      '三、意见建议',
    ]);
    expect(all.some((t) => t.endsWith('现将巡察情况反馈如下。'))).toBe(true);
    expect(all.some((t) => /收到反馈意见后3个月内/.test(t))).toBe(true);
  });
});

describe('谈话笔录', () => {
  const anInterview = () =>
    demo.rows.find((r) => r.table === 'interviews' && (r.row as InterviewRecord).turns.length > 2)!
      .row as InterviewRecord;

  it('prints the header, the 告知, 问/答 in order, supplements, and a signature line on every page', async () => {
    const interview = {
      ...anInterview(),
      signed: true,
      supplements: [{ id: 's1', pos: 'a0', date: '2026-12-01', text: '补充说明：\n第二段。' }],
    };
    const { paragraphs, footers } = await build(input, { kind: 'interview', interview });
    const all = texts(paragraphs.filter((p) => p.text));
    expect(all[0]).toBe('谈话笔录');
    expect(all.some((t) => /^时间：\d{4}年\d+月\d+日\d+时\d+分/.test(t))).toBe(true);
    expect(all.some((t) => t.startsWith('告知：我们是县委第三巡察组的工作人员'))).toBe(true);
    const turns = all.filter((t) => /^(问|答)：/.test(t)).map((t) => t.slice(0, 1));
    expect(turns).toEqual(interview.turns.map((t) => (t.speaker === 'q' ? '问' : '答')));
    const supplement = all.indexOf('补充笔录（2026年12月1日）');
    expect(supplement).toBeGreaterThan(
      all.lastIndexOf(all.filter((t) => /^(问|答)：/.test(t)).at(-1)!),
    );
    expect(all.slice(supplement + 1, supplement + 3)).toEqual(['补充说明：', '第二段。']);
    expect(all).toContain('以上笔录我已看过，与我说的一致。');
    const footer = footers.flat().map((p) => p.text);
    expect(footer).toContain('被谈话人签名：');
    expect(footer).toContain('第 {PAGE} 页 共 {NUMPAGES} 页');
  });

  it('prints the 告知 and the closing once, when the record already holds them', async () => {
    const base = anInterview();
    const turn = (speaker: 'q' | 'a', text: string, id: string) => ({ id, pos: id, speaker, text });
    const interview = {
      ...base,
      turns: [
        turn('q', '我们是县委第三巡察组的工作人员……请你如实反映情况，你听清楚了吗？', 'a1'),
        turn('a', '听清楚了。', 'a2'),
        turn('q', '请看一下笔录。', 'a3'),
        turn('a', '以上笔录我已看过，与我说的一致。', 'a4'),
      ],
    };
    const all = texts((await build(input, { kind: 'interview', interview })).paragraphs);
    expect(all.filter((t) => t.startsWith('告知：'))).toEqual([]);
    expect(all.filter((t) => t.includes('以上笔录我已看过'))).toHaveLength(1);
    expect(all).toContain('被谈话人（签名）：');
  });

  it('starts each 补充笔录 on a page of its own, with its own signatures', async () => {
    const interview = {
      ...anInterview(),
      signed: true,
      supplements: [{ id: 's1', pos: 'a0', date: '2026-12-01', text: '更正：金额应为2.4万元。' }],
    };
    const { paragraphs, documentXml } = await build(input, { kind: 'interview', interview });
    const all = texts(paragraphs);
    const at = all.indexOf('补充笔录（2026年12月1日）');
    expect(all.slice(at).filter((t) => t === '被谈话人（签名）：')).toHaveLength(1);
    expect(all.filter((t) => t === '被谈话人（签名）：')).toHaveLength(2);
    // The supplement's title starts a page.
    const title = documentXml.indexOf('补充笔录（2026年12月1日）');
    expect(documentXml.lastIndexOf('<w:pageBreakBefore/>', title)).toBeGreaterThan(
      documentXml.lastIndexOf('</w:p>', title),
    );
  });

  it('warns when fewer than two 谈话人 took part', () => {
    const one = { ...anInterview(), interviewers: [demo.leaderId] };
    expect(interviewWarnings(one)).toEqual([
      '谈话人只有 1 人：谈话应由两名以上谈话人进行。笔录照常导出，请核对。',
    ]);
    expect(interviewWarnings({ ...one, interviewers: [demo.leaderId, 'x'] })).toEqual([]);
  });

  it('exports an interview of 10 MB', async () => {
    const answer = '我们村的低保评定每年都按程序进行，'.repeat(330_000); // ≈ 10 MB as UTF-8
    const interview = {
      ...anInterview(),
      turns: [{ id: 't', pos: 'a0', speaker: 'a' as const, text: answer }],
    };
    expect(new TextEncoder().encode(answer).length).toBeGreaterThan(10_000_000);
    const built = await buildDocument(input, { kind: 'interview', interview });
    const { paragraphs } = readDocx(built.bytes);
    expect(paragraphs.find((p) => p.text.startsWith('答：'))!.text.length).toBe(answer.length + 2);
  }, 60_000);
});

describe('问题底稿', () => {
  it('one sheet per confirmed finding, with its number, evidence list and signature line', async () => {
    const { paragraphs } = await build(input, { kind: 'draft' });
    const confirmed = reportPlan(input.caseRecord, input.findings).headings.flatMap(
      (h) => h.findings,
    );
    const all = texts(paragraphs);
    expect(all.filter((t) => t === '问题底稿')).toHaveLength(confirmed.length);
    for (const f of confirmed) expect(all).toContain(f.draftNo);
    expect(confirmed[0]!.draftNo).toMatch(/^\[2026\]4巡-3组-\d{2}号$/);
    expect(all.some((t) => /^证据1 (谈话记录|查阅资料|实地走访|信访件|附件)/.test(t))).toBe(true);
    expect(all).toContain('组长签字');
  });
});

describe('问题线索报告', () => {
  it('is refused to anyone but the 组长, in the code that builds it', async () => {
    const member = demo.members.find((m) => m.role !== 'leader')!;
    const asMember = documentCase(demo, member.id, today);
    await expect(buildDocument(asMember, { kind: 'clues' })).rejects.toThrow(DocumentRefused);
    await expect(buildDocument(asMember, { kind: 'clues' })).rejects.toThrow(
      '问题线索报告只有组长可以导出',
    );
  });

  it('is marked 机密 and 内部资料, lists every clue, and has a 移交单 for each clue handed over', async () => {
    const { paragraphs, headers, footers } = await build(input, { kind: 'clues' });
    // 机密 at the top left of the first page, above the title (its 版头), not on every page.
    expect(paragraphs[0]).toMatchObject({ text: '机密', inTable: true });
    expect(paragraphs.find((p) => !p.inTable && p.text)!.text).toMatch(/^关于.+问题线索的报告$/);
    expect(headers.flat().map((p) => p.text)).not.toContain('机密');
    expect(footers.flat().map((p) => p.text)).toContain('内部资料');
    const all = texts(paragraphs);
    const handed = input.clues.filter((c) => c.receiver !== '');
    expect(handed.length).toBeGreaterThan(0);
    expect(handed.length).toBeLessThan(input.clues.length); // one is 暂存待查
    expect(all.filter((t) => t === '问题线索移交单')).toHaveLength(handed.length);
    expect(all.some((t) => t.includes(`共发现问题线索${input.clues.length}件`))).toBe(true);
    expect(all.some((t) => t.includes(`其中拟移交${handed.length}件`))).toBe(true);
    for (const clue of input.clues as ClueRecord[]) {
      expect(all.some((t) => t.includes(clue.subjectName))).toBe(true);
    }
    expect(all).toContain('移交人（签字）：　　　　　　　年　　月　　日');
  });
});

describe('问题清单 workbook', () => {
  it('holds one row per confirmed finding with its 底稿编号, readable by Excel', async () => {
    const built = await buildDocument(input, { kind: 'checklist' });
    expect(built.name).toBe('【示例】清河县石桥镇党委问题清单.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(built.bytes) as never);
    const sheet = book.getWorksheet('问题清单')!;
    const confirmed: FindingRecord[] = reportPlan(
      input.caseRecord,
      input.findings,
    ).headings.flatMap((h) => h.findings);
    expect(sheet.getRow(2).getCell(2).value).toBe('底稿编号');
    expect(sheet.rowCount).toBe(2 + confirmed.length);
    confirmed.forEach((f, i) => {
      const row = sheet.getRow(3 + i);
      expect(row.getCell(1).value).toBe(i + 1); // figures, not text: the sheet sorts and sums
      expect(row.getCell(2).value).toBe(f.draftNo);
      expect(row.getCell(6).value).toBe(f.amountFen === null ? null : f.amountFen / 100);
    });
  });
});
