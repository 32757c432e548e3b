import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, RECORD_SPECS } from '../../../shared/domain/records';
import { checkPatch } from '../../../shared/domain/records/check';
import {
  FOCUS_CODES,
  FOCUS_TREE,
  focusArea,
  focusPath,
  isFocusCode,
} from '../../../shared/domain/focus';
import { interviewFields, interviewSpec } from '../../../shared/domain/records/interview.schema';

const today = '2026-11-23';
const blank = (kind: (typeof RECORD_KINDS)[number]) =>
  RECORD_SPECS[kind].fields(today).parse(RECORD_SPECS[kind].defaults({ today, memberId: 'M1' }));

describe('a new record', () => {
  it.each(RECORD_KINDS)('of kind %s starts as a valid draft, dated today', (kind) => {
    const values = blank(kind);
    expect(Object.values(values)).not.toContain(undefined);
    expect(RECORD_SPECS[kind].date(values)).toBe(today);
  });

  it('of an interview names the member as 谈话人 and 记录人, and asks for the interviewee', () => {
    const values = interviewFields(today).parse(interviewSpec.defaults({ today, memberId: 'M1' }));
    expect(values).toMatchObject({ interviewers: ['M1'], recorder: 'M1', kind: 'individual' });
    expect(interviewSpec.missing(values)).toEqual({ interviewees: '请填写至少一名被谈话人的姓名' });
  });
});

describe('checking a patch', () => {
  const current = blank('interviews');

  it('accepts good fields and refuses bad ones, each with a Chinese reason', () => {
    const result = checkPatch(
      RECORD_SPECS.interviews,
      current,
      {
        place: ' 局机关三楼会议室 ',
        date: '2099-01-01',
        startTime: '9:30',
        kind: 'secret',
        tags: ['公务用车'],
      },
      today,
    );
    expect(result.accepted).toEqual({ place: '局机关三楼会议室', tags: ['公务用车'] });
    expect(result.refused).toEqual({
      date: '谈话日期不能晚于今天',
      startTime: '开始时间应为“时:分”，如 09:30',
      kind: '请选择谈话类型',
    });
  });

  it('refuses an end time before the start time, keeping the start time saved', () => {
    const withStart = { ...current, startTime: '10:00' };
    const result = checkPatch(RECORD_SPECS.interviews, withStart, { endTime: '09:15' }, today);
    expect(result.accepted).toEqual({});
    expect(result.refused).toEqual({ endTime: '结束时间不能早于开始时间' });
    expect(
      checkPatch(RECORD_SPECS.interviews, withStart, { endTime: '11:15' }, today).accepted,
    ).toEqual({
      endTime: '11:15',
    });
  });

  it('keeps a good start time typed in the same save as an end time before it', () => {
    const result = checkPatch(
      RECORD_SPECS.interviews,
      current,
      { startTime: '10:00', endTime: '09:15' },
      today,
    );
    expect(result.accepted).toEqual({ startTime: '10:00' });
    expect(result.refused).toEqual({ endTime: '结束时间不能早于开始时间' });
  });

  it('accepts 10 MB of pasted text in one answer', () => {
    const text = '答'.repeat(10 * 1024 * 1024);
    const result = checkPatch(
      RECORD_SPECS.interviews,
      current,
      { turns: [{ id: 't1', speaker: 'a', text }] },
      today,
    );
    expect(result.refused).toEqual({});
    expect((result.accepted.turns as { text: string }[])[0]!.text.length).toBe(text.length);
  });

  it('ignores fields a kind does not have, and never lets a patch touch metadata', () => {
    const result = checkPatch(
      RECORD_SPECS.petitions,
      blank('petitions'),
      { createdBy: 'X', hack: 1 },
      today,
    );
    expect(result.accepted).toEqual({});
  });

  it('reports what is still missing without refusing anything', () => {
    const result = checkPatch(
      RECORD_SPECS.petitions,
      blank('petitions'),
      { anonymous: true },
      today,
    );
    expect(result.accepted).toEqual({ anonymous: true });
    expect(result.missing).toEqual({ summary: '请填写反映内容摘要' });
  });

  it('refuses unknown focus codes and over-long tags', () => {
    const result = checkPatch(
      RECORD_SPECS.siteVisits,
      blank('siteVisits'),
      { focus: ['people.welfare', 'nope'], tags: ['很'.repeat(21)] },
      today,
    );
    expect(result.refused).toEqual({
      focus: '聚焦领域不在列表中',
      tags: '每个标签不超过 20 个字，最多 20 个标签',
    });
  });

  it('refuses a document period that ends before it starts', () => {
    const result = checkPatch(
      RECORD_SPECS.docReviews,
      blank('docReviews'),
      { periodFrom: '2025-06-01', periodTo: '2025-01-01' },
      today,
    );
    expect(result.accepted).toEqual({ periodFrom: '2025-06-01' });
    expect(result.refused).toEqual({ periodTo: '所属期间止不能早于所属期间起' });
    // Changing the start so that the stored end comes before it is refused too.
    const stored = { ...blank('docReviews'), periodTo: '2025-03-01' };
    expect(
      checkPatch(RECORD_SPECS.docReviews, stored, { periodFrom: '2025-06-01' }, today).refused,
    ).toEqual({
      periodFrom: '所属期间止不能早于所属期间起',
    });
  });
});

describe('list titles', () => {
  it('name the interviewee with unit and post, or a group by its first names', () => {
    const one = {
      ...interviewFields(today).parse({}),
      interviewees: [{ name: '王某', unit: '财务股', title: '股长', political: '' }],
    };
    expect(interviewSpec.title(one)).toBe('王某（财务股股长）');
    const many = {
      ...one,
      interviewees: ['甲', '乙', '丙', '丁'].map((name) => ({
        name,
        unit: '',
        title: '',
        political: '',
      })),
    };
    expect(interviewSpec.title(many)).toBe('甲、乙、丙等4人');
  });
});

describe('the focus tree', () => {
  it('has the 三个聚焦 first, then 一把手和领导班子 and 整改, with unique codes', () => {
    expect(FOCUS_TREE.map((n) => n.code)).toEqual([
      'policy',
      'people',
      'party',
      'leaders',
      'rectify',
    ]);
    expect(new Set(FOCUS_CODES).size).toBe(FOCUS_CODES.length);
    expect(FOCUS_TREE.find((n) => n.code === 'leaders')!.children!.map((c) => c.short)).toEqual([
      '政治忠诚',
      '政治担当',
      '政治责任',
      '政治能力',
      '政治自律',
    ]);
  });

  it('finds the area and a readable path for each item', () => {
    expect(focusArea('people.eightRules')?.code).toBe('people');
    expect(focusPath('people.eightRules')).toBe('群众身边 · 八项规定');
    expect(isFocusCode('people')).toBe(true);
    expect(isFocusCode('people.nothing')).toBe(false);
  });
});
