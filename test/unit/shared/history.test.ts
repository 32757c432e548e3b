import { describe, expect, it } from 'vitest';
import {
  SHOWN_CHARS,
  describeChange,
  describeValue,
  fieldLabel,
  versionKindLabel,
  versionsOf,
} from '../../../shared/domain/records/history';
import type { Revision } from '../../../shared/domain/revision';
import { zh } from '../../../shared/i18n/zh-CN';

/** Revisions as renderer/db/write.ts writes them: with the version vector each produced. */
function revision(
  id: string,
  kind: Revision['kind'],
  changes: Revision['changes'],
  extra: Partial<Revision> = {},
): Revision {
  return {
    id,
    caseId: 'C1',
    table: 'docReviews',
    recordId: 'R1',
    kind,
    at: `2026-11-23T08:00:${id.slice(-2)}.000Z`,
    by: 'M1',
    dot: ['laptop', 1],
    vv: { laptop: 1 },
    changes,
    seq: Number(id),
    ...extra,
  };
}

const history: Revision[] = [
  revision('01', 'create', {
    title: '',
    kind: 'minutes',
    sourceDept: '',
    reviewer: 'M1',
    date: '2026-11-20',
    extracts: '',
    tags: [],
  }),
  // Three autosaves within a minute, folded into one revision: the title was typed, the
  // source department typed and then cleared again.
  revision(
    '02',
    'update',
    { title: '党组会议记录', sourceDept: '', kind: 'vouchers' },
    { dot: ['laptop', 2], vv: { laptop: 2 } },
  ),
  revision(
    '03',
    'update',
    { extracts: '第一次', reviewer: 'M2' },
    { by: 'M2', dot: ['other', 1], vv: { laptop: 2, other: 1 } },
  ),
  revision('04', 'delete', { deleted: true }, { dot: ['laptop', 3], vv: { laptop: 3, other: 1 } }),
  revision(
    '05',
    'create',
    { name: '会议记录.jpg', size: 2048, recordId: 'R1' },
    { table: 'attachments', recordId: 'A1' },
  ),
  revision(
    '06',
    'restore',
    { deleted: false },
    { dot: ['laptop', 4], vv: { laptop: 4, other: 1 } },
  ),
  revision(
    '07',
    'delete',
    { deleted: true },
    { table: 'attachments', recordId: 'A1', dot: ['laptop', 2], vv: { laptop: 2 } },
  ),
];

describe('versionsOf', () => {
  const versions = versionsOf(history);

  it('numbers every revision oldest first, whatever order it is given in', () => {
    expect(versions.map((v) => [v.number, v.kind, v.by])).toEqual([
      [1, 'create', 'M1'],
      [2, 'update', 'M1'],
      [3, 'update', 'M2'],
      [4, 'delete', 'M1'],
      [5, 'attach', 'M1'],
      [6, 'restore', 'M1'],
      [7, 'detach', 'M1'],
    ]);
    expect(versionsOf([...history].reverse())).toEqual(versions);
  });

  it('lists what a new record was filled in with, with nothing before', () => {
    expect(versions[0]?.changes).toEqual([
      { field: 'kind', before: undefined, after: 'minutes' },
      { field: 'reviewer', before: undefined, after: 'M1' },
      { field: 'date', before: undefined, after: '2026-11-20' },
    ]);
  });

  it('takes each value before from the previous version, and drops edits that were undone', () => {
    expect(versions[1]?.changes).toEqual([
      { field: 'title', before: '', after: '党组会议记录' },
      { field: 'kind', before: 'minutes', after: 'vouchers' },
    ]);
    expect(versions[2]?.changes).toEqual([
      { field: 'extracts', before: '', after: '第一次' },
      { field: 'reviewer', before: 'M1', after: 'M2' },
    ]);
  });

  it('keeps the full values of each version, without metadata', () => {
    const third = {
      title: '党组会议记录',
      kind: 'vouchers',
      sourceDept: '',
      reviewer: 'M2',
      date: '2026-11-20',
      extracts: '第一次',
      tags: [],
    };
    expect(versions[0]?.values).toMatchObject({ title: '', kind: 'minutes', reviewer: 'M1' });
    for (const v of versions.slice(2)) expect(v.values).toEqual(third);
  });

  it('shows delete and restore by their kind, with no field changes', () => {
    expect(versions[3]?.changes).toEqual([]);
    expect(versions[5]?.changes).toEqual([]);
  });

  it('shows attachments as added or removed files', () => {
    expect(versions[4]?.changes).toEqual([
      { field: 'attachment', before: undefined, after: { attachment: '会议记录.jpg', size: 2048 } },
    ]);
    expect(versions[6]?.changes).toEqual([
      {
        field: 'attachment',
        before: { attachment: '会议记录.jpg', size: 2048 },
        after: undefined,
      },
    ]);
    expect(describeValue(versions[4]?.changes[0]?.after)).toBe('会议记录.jpg（2 KB）');
  });

  it('replays in causal order, never by id or clock: a laptop whose clock ran fast comes later', () => {
    const concurrent = [
      // Written on laptop b (clock a day ahead, so its id sorts first) after seeing a's write.
      revision(
        '01',
        'update',
        { title: '乙改' },
        { dot: ['b', 1], vv: { a: 2, b: 1 }, at: '2026-11-24T00:00:00.000Z' },
      ),
      revision('02', 'create', { title: '' }, { dot: ['a', 1], vv: { a: 1 } }),
      revision('03', 'update', { title: '甲改' }, { dot: ['a', 2], vv: { a: 2 } }),
    ];
    expect(versionsOf(concurrent).map((v) => v.values.title)).toEqual(['', '甲改', '乙改']);
    // Two laptops that had not seen each other's write: ordered by device id, every time.
    const tied = [
      revision('01', 'update', { title: '乙' }, { dot: ['b', 1], vv: { a: 1, b: 1 } }),
      revision('02', 'update', { title: '甲' }, { dot: ['a', 2], vv: { a: 2 } }),
      revision('03', 'create', { title: '' }, { dot: ['a', 1], vv: { a: 1 } }),
    ];
    expect(versionsOf(tied).map((v) => v.values.title)).toEqual(['', '甲', '乙']);
  });

  it('replays element writes of a collection one turn at a time', () => {
    const t = (id: string, pos: string, text: string) => ({ id, pos, speaker: 'q', text });
    const interview = [
      revision('01', 'create', { turns: [] }, { table: 'interviews' }),
      revision(
        '02',
        'update',
        { 'turns/t2': t('t2', 'a1', '二'), 'turns/t1': t('t1', 'a0', '一') },
        { table: 'interviews', dot: ['laptop', 2], vv: { laptop: 2 } },
      ),
      revision(
        '03',
        'update',
        { 'turns/t1': null },
        { table: 'interviews', dot: ['laptop', 3], vv: { laptop: 3 } },
      ),
    ];
    const versions = versionsOf(interview);
    expect((versions[1]!.values.turns as { text: string }[]).map((x) => x.text)).toEqual([
      '一',
      '二',
    ]);
    expect(versions[2]!.changes).toEqual([
      {
        field: 'turns',
        before: [t('t1', 'a0', '一'), t('t2', 'a1', '二')],
        after: [t('t2', 'a1', '二')],
      },
    ]);
  });

  it('is empty for a record without revisions', () => {
    expect(versionsOf([])).toEqual([]);
  });
});

describe('describeValue', () => {
  it('shows short texts as they are, and blanks as （空）', () => {
    expect(describeValue('党组会议')).toBe('党组会议');
    expect(describeValue('')).toBe('（空）');
    expect(describeValue([])).toBe('（空）');
    expect(describeValue(undefined)).toBe('（空）');
  });

  it('cuts long texts, saying how long they are', () => {
    const text = '问'.repeat(5000);
    expect(describeValue(text)).toBe('问'.repeat(SHOWN_CHARS) + '…（共 5000 字）');
    expect(describeValue('字'.repeat(SHOWN_CHARS))).toBe('字'.repeat(SHOWN_CHARS));
  });

  it('never cuts an emoji in half', () => {
    const text = 'a'.repeat(SHOWN_CHARS - 1) + '😀'.repeat(10);
    expect(describeValue(text)).toBe('a'.repeat(SHOWN_CHARS - 1) + `…（共 ${text.length} 字）`);
  });

  it('reads booleans, lists, people and 问/答 turns', () => {
    expect(describeValue(true)).toBe('是');
    expect(describeValue(false)).toBe('否');
    expect(describeValue(['收支', '公务接待'])).toBe('收支、公务接待');
    expect(
      describeValue([
        { name: '张三', unit: '县教育局', title: '局长', political: '' },
        { name: '李四', unit: '', title: '', political: '' },
        { name: '', unit: '', title: '', political: '' },
      ]),
    ).toBe('张三（县教育局 局长）、李四');
    expect(
      describeValue([
        { id: 't1', speaker: 'q', text: '近期工作？' },
        { id: 't2', speaker: 'a', text: '抓落实。' },
      ]),
    ).toBe('问：近期工作？\n答：抓落实。');
  });

  it('cuts long interviews too, counting every turn', () => {
    const turns = Array.from({ length: 100 }, (_, i) => ({
      id: `t${i}`,
      speaker: i % 2 === 0 ? 'q' : 'a',
      text: '内容'.repeat(10),
    }));
    // Each turn is "问：" + 20 characters, joined by line breaks.
    const total = 100 * 22 + 99;
    expect(describeValue(turns)).toMatch(new RegExp(`^问：内容.*…（共 ${total} 字）$`, 's'));
  });

  it('shows members by name and codes by their labels', () => {
    const names = new Map([
      ['M1', '王五'],
      ['M2', '赵六'],
    ]);
    expect(describeValue(['M1', 'M2'], { names })).toBe('王五、赵六');
    expect(describeValue('M9', { names })).toBe('M9');
    expect(describeValue('vouchers', { kind: 'docReviews', field: 'kind' })).toBe('财务凭证');
    expect(describeValue('closed', { kind: 'petitions', field: 'status' })).toBe('了结');
    expect(describeValue('constructor', { kind: 'petitions', field: 'status' })).toBe(
      'constructor',
    );
    expect(describeValue(['people.eightRules'], { kind: 'petitions', field: 'focus' })).toBe(
      '群众身边 · 八项规定',
    );
  });
});

describe('describeChange', () => {
  it('shows a long text from just before its first difference', () => {
    const start = '甲'.repeat(1000);
    const change = { field: 'extracts', before: `${start}旧`, after: `${start}新的结尾` };
    const { before, after } = describeChange(change, { kind: 'docReviews' });
    expect(before).toBe(`…${'甲'.repeat(20)}旧`);
    expect(after).toBe(`…${'甲'.repeat(20)}新的结尾`);
  });

  it('shows only the 问/答 turns that changed', () => {
    const turns = [
      { id: 't1', speaker: 'q', text: '问题一' },
      { id: 't2', speaker: 'a', text: '回答一' },
    ];
    const edited = [turns[0], { id: 't2', speaker: 'a', text: '回答一（补充）' }];
    expect(describeChange({ field: 'turns', before: turns, after: edited })).toEqual({
      before: '答：回答一',
      after: '答：回答一（补充）',
    });
  });

  it('leaves out a side that does not exist', () => {
    expect(
      describeChange({ field: 'kind', before: undefined, after: 'group' }, { kind: 'interviews' }),
    ).toEqual({
      after: '集体谈',
    });
  });
});

describe('labels', () => {
  it('name fields from the catalogue, falling back to the field name', () => {
    expect(fieldLabel('interviews', 'turns')).toBe(zh.interview.fields.turns);
    expect(fieldLabel('petitions', 'summary')).toBe('反映内容摘要');
    expect(fieldLabel('siteVisits', 'focus')).toBe(zh.records.focus);
    expect(fieldLabel('siteVisits', 'unannounced')).toBe('四不两直');
    expect(fieldLabel('docReviews', 'attachment')).toBe(zh.records.attachments);
    expect(fieldLabel('docReviews', 'legacyField')).toBe('legacyField');
    expect(fieldLabel('docReviews', 'toString')).toBe('toString');
  });

  it('name what each version did', () => {
    expect(versionKindLabel('create')).toBe('创建');
    expect(versionKindLabel('restore')).toBe('恢复');
    expect(versionKindLabel('detach')).toBe(zh.records.historyDetach);
  });
});
