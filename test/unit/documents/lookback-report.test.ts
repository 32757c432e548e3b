/**
 * A 回头看's 巡察情况报告: the earlier round's ledger against the 复核, counted from the rows a
 * real database holds (the same read the app's document worker makes).
 */
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../shared/documents';
import { storedDocumentCase } from '../../support/storedCase';
import { readDocx } from '../../support/docx';
import { earlierRoundAndLookback } from '../db/helpers';

const today = '2026-12-07';

async function lookbackReport(conclude: boolean) {
  const { repos, db, priorId, priorActor, caseId, actor } = await earlierRoundAndLookback();
  if (!conclude) {
    // A clue meant for the 组织部 whose handover was never recorded.
    await repos.clues.create(priorId, priorActor, {
      subjectName: '李某',
      receiver: 'organization',
    });
  }
  await repos.rechecks.start(caseId, priorId, actor);
  const [car, meal] = await repos.rechecks.list(caseId, actor);
  if (conclude) {
    await repos.rechecks.patch(
      car!.id,
      { conclusion: 'relapsed', note: '2026年8月以来又有公车私用5次。\n\n另有2次未登记。' },
      actor,
    );
    await repos.rechecks.patch(
      meal!.id,
      { conclusion: 'fixed', 'checks/survey': 'survey', satisfaction: 91.5 },
      actor,
    );
  }
  const input = await storedDocumentCase(db, caseId, actor.memberId, today);
  return readDocx((await buildDocument(input, { kind: 'report' })).bytes);
}

describe('a 回头看 report', () => {
  it('adds the earlier round as its second part, with the counts and the table computed', async () => {
    const { paragraphs } = await lookbackReport(true);
    const text = paragraphs.map((p) => p.text);
    const headings = paragraphs.filter((p) => p.style === 'Heading1Gb').map((p) => p.text);
    expect(headings).toEqual([
      '一、基本情况',
      '二、上轮巡察整改落实情况',
      '三、发现的主要问题',
      '四、意见建议',
    ]);
    expect(text).toContain('上轮巡察反馈问题2个，整改台账显示已销号1个、已完成0个、未完成1个。');
    expect(text).toContain(
      '本次回头看逐项复核2个，其中整改到位1个、部分到位0个、未整改0个、反弹回潮1个；台账显示已完成或销号、但复核认定未整改到位的1个。',
    );
    expect(text).toContain('开展满意度测评1项，平均满意率91.5%。');
    // The clue handed over on 2025-12-10 has had no reply by 2026-12-07: past its 反馈期限.
    expect(text).toContain(
      '上轮移交问题线索1件，已反馈办理结果0件，逾期未反馈1件，尚在反馈期限内0件。',
    );
    // The table: one row per ledger standing, one column per 结论, and the totals.
    const cells = paragraphs.filter((p) => p.inTable).map((p) => p.text);
    const row = (label: string) =>
      cells.slice(cells.lastIndexOf(label), cells.lastIndexOf(label) + 7);
    expect(row('已销号')).toEqual(['已销号', '0', '0', '0', '1', '0', '1']);
    expect(row('整改未完成')).toEqual(['整改未完成', '1', '0', '0', '0', '0', '1']);
    expect(row('合计')).toEqual(['合计', '1', '0', '0', '1', '0', '2']);
    expect(text).toContain(
      '1.公务用车私用（[2026]3巡-2组-01号）：复核结论为反弹回潮。2026年8月以来又有公车私用5次。',
    );
  });

  it('says how many are not yet checked, and lists no failure before any', async () => {
    const { paragraphs } = await lookbackReport(false);
    const text = paragraphs.map((p) => p.text);
    expect(text).toContain(
      '本次回头看逐项复核0个，其中整改到位0个、部分到位0个、未整改0个、反弹回潮0个，尚未复核2个；台账显示已完成或销号、但复核认定未整改到位的0个。',
    );
    expect(text).not.toContain('（一）复核未整改到位的问题');
    expect(text).toContain(
      '上轮拟移交问题线索2件，其中未办理移交手续1件；已移交的1件中，已反馈办理结果0件，逾期未反馈1件，尚在反馈期限内0件。',
    );
  });
});
