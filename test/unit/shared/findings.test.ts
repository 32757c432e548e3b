import { evidenceKey } from '../../../shared/domain/findings/finding.schema';
import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '../../../shared/domain/findings/amount';
import { findingFields, type FindingFields } from '../../../shared/domain/findings/finding.schema';
import { mergePatches, reviewPatch, reviewProblems } from '../../../shared/domain/findings/review';
import { caseStats } from '../../../shared/domain/findings/stats';

const finding = (patch: Partial<FindingFields> = {}): FindingFields => ({
  ...findingFields.parse({}),
  ...patch,
});
const evidence = (recordId: string, turnId = '') => ({
  kind: 'interviews' as const,
  recordId,
  field: turnId ? 'turns' : '',
  turnId,
  start: 0,
  end: 0,
  excerpt: '',
});

describe('money involved', () => {
  it('is read in 元 or 万元 and kept exactly in 分', () => {
    expect(parseAmount('12.5', 'wanYuan')).toEqual({ ok: true, fen: 12_500_000 });
    expect(parseAmount('1,250,000元', 'yuan')).toEqual({ ok: true, fen: 125_000_000 });
    expect(parseAmount('１２．５', 'wanYuan')).toEqual({ ok: true, fen: 12_500_000 });
    expect(parseAmount('  ', 'yuan')).toEqual({ ok: true, fen: null });
  });

  it('takes the unit written in the text over the unit chosen beside the field', () => {
    expect(parseAmount('126000元', 'wanYuan')).toEqual({ ok: true, fen: 12_600_000 });
    expect(parseAmount('12.6万元', 'yuan')).toEqual({ ok: true, fen: 12_600_000 });
    expect(parseAmount('12.6 万', 'yuan')).toEqual({ ok: true, fen: 12_600_000 });
    expect(parseAmount('1.2亿元', 'yuan')).toEqual({ ok: true, fen: 12_000_000_000 });
    expect(parseAmount('３，２００元', 'wanYuan')).toEqual({ ok: true, fen: 320_000 });
  });

  it('refuses a comma that does not separate thousands, saying how to write it', () => {
    for (const bad of ['12,6', '1,2345', ',500', '1,000,00', '12，6万元']) {
      expect(parseAmount(bad, 'wanYuan')).toEqual({
        ok: false,
        error: '涉及金额中的逗号只能用作千位分隔（如 1,250,000），小数请用小数点（如 12.6）',
      });
    }
    expect(formatAmount(12_500_000)).toBe('12.50万元');
    expect(formatAmount(320_000)).toBe('3,200.00元');
  });

  it('refuses what is not a number, in Chinese', () => {
    for (const bad of ['十二万', '12万5', 'abc', '1.2.3', '12e5']) {
      expect(parseAmount(bad, 'wanYuan')).toEqual({
        ok: false,
        error: '涉及金额应为数字，如 12.5（万元）或 125000（元）',
      });
    }
    expect(parseAmount('-3', 'yuan')).toEqual({ ok: false, error: '涉及金额不能为负数' });
    expect(parseAmount('99999999999999', 'wanYuan')).toEqual({
      ok: false,
      error: '涉及金额过大，请核对单位（元/万元）',
    });
  });
});

describe('review', () => {
  const ready = finding({
    title: '违规发放津补贴',
    category: 'people.eightRules',
    evidence: [evidence('R1')],
    status: 'pending',
  });

  it('lets only the 组长 confirm, send back or merge', () => {
    expect(reviewProblems('confirm', ready, 'member')).toEqual({
      status: '只有组长可以确认、退回或合并问题',
    });
    expect(reviewProblems('confirm', ready, 'deputy')).toEqual({
      status: '只有组长可以确认、退回或合并问题',
    });
    expect(reviewProblems('confirm', ready, 'leader')).toEqual({});
    expect(reviewProblems('submit', finding({ title: 'x' }), 'member')).toEqual({});
  });

  it('will not confirm a finding without a category or evidence', () => {
    expect(reviewProblems('confirm', { ...ready, category: '', evidence: [] }, 'leader')).toEqual({
      category: '请选择问题类别后再确认',
      evidence: '至少关联一条证据后才能确认',
    });
  });

  it('needs a comment to send back, and knows which moves make sense', () => {
    expect(reviewProblems('sendBack', ready, 'leader', ' ')).toEqual({
      reviewComment: '退回时请写明审核意见',
    });
    expect(reviewPatch('sendBack', ' 证据不足，请补充谈话记录 ')).toEqual({
      status: 'returned',
      reviewComment: '证据不足，请补充谈话记录',
    });
    expect(reviewProblems('submit', { ...ready, status: 'confirmed' }, 'leader')).toEqual({
      status: '“已确认”状态的问题不能提交审核',
    });
  });

  it('merges two findings keeping the evidence of both', () => {
    const a = finding({
      title: 'A',
      evidence: [evidence('R1', 't1')],
      persons: ['王某'],
      amountFen: 100,
    });
    const b = finding({
      title: 'B',
      evidence: [evidence('R1', 't1'), evidence('R2')],
      persons: ['王某', '李某'],
      amountFen: 300,
      description: '另一份记录',
    });
    const { kept, absorbed } = mergePatches(a, b, 'A-id');
    // Sets gain what the absorbed finding adds, element by element; what both cite is not
    // written again.
    expect(Object.keys(kept).filter((k) => k.includes('/'))).toEqual([
      `evidence/${evidenceKey(evidence('R2'))}`,
      'persons/李某',
    ]);
    expect(kept.amountFen).toBe(300);
    expect(absorbed).toEqual({ status: 'merged', mergedInto: 'A-id' });
  });
});

describe('case statistics', () => {
  it('count people interviewed, records, confirmed findings per area and money, from the data', () => {
    const stats = caseStats({
      interviewHeadcounts: [1, 1, 5],
      docReviews: 4,
      siteVisits: 2,
      petitions: 3,
      findings: [
        finding({ status: 'confirmed', category: 'people.eightRules', amountFen: 1_000_000 }),
        finding({ status: 'confirmed', category: 'people.welfare', amountFen: 250 }),
        finding({ status: 'confirmed', category: 'party' }),
        finding({ status: 'pending', category: 'policy.duties', amountFen: 999 }),
        finding({ status: 'returned', category: 'policy.duties' }),
        finding({ status: 'draft' }),
        finding({ status: 'merged', category: 'people.welfare' }),
      ],
      clues: 2,
    });
    expect(stats).toMatchObject({
      interviewPeople: 7,
      interviews: 3,
      confirmedFindings: 3,
      pendingFindings: 1, // returned ones are not in review: they are back with their author
      draftFindings: 2,
      mergedFindings: 1,
      clues: 2,
      amountFen: 1_000_250,
    });
    expect(stats.byArea.map((a) => [a.label, a.count])).toEqual([
      ['贯彻落实', 0],
      ['群众身边', 2],
      ['党组织建设', 1],
      ['一把手和班子', 0],
      ['整改落实', 0],
    ]);
  });
});
