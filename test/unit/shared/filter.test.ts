import { describe, expect, it } from 'vitest';
import { filterSummaries, sortSummaries, tagsIn } from '../../../shared/domain/records/filter';
import type { RecordSummary } from '../../../shared/domain/records/summary';

const row = (id: string, patch: Partial<RecordSummary>): RecordSummary => ({
  id,
  caseId: 'C',
  kind: 'interviews',
  state: 'live',
  title: '',
  date: '',
  subKind: 'individual',
  seq: 0,
  members: [],
  focus: [],
  tags: [],
  headcount: 0,
  missing: 0,
  createdBy: 'M1',
  updatedAt: '2026-11-23T00:00:00Z',
  updatedBy: 'M1',
  ...patch,
});

const rows = [
  row('01', {
    title: '张三（财务股股长）',
    date: '2026-11-20',
    members: ['M1'],
    tags: ['公务用车'],
    focus: ['people.eightRules'],
  }),
  row('02', {
    title: '李四',
    date: '2026-11-21',
    subKind: 'group',
    members: ['M2'],
    tags: ['公务用车', '津补贴'],
  }),
  row('03', { title: '王五', date: '', members: ['M2'], focus: ['party.cadres'] }),
];

describe('list filters', () => {
  const ids = (f: Parameters<typeof filterSummaries>[1]) =>
    filterSummaries(rows, f).map((r) => r.id);

  it('narrow by title text, date range, member, type, tag and focus area', () => {
    expect(ids({ text: '财务' })).toEqual(['01']);
    expect(ids({ from: '2026-11-21' })).toEqual(['02']);
    expect(ids({ to: '2026-11-20' })).toEqual(['01']); // undated records are not "before" a date
    expect(ids({ member: 'M2' })).toEqual(['02', '03']);
    expect(ids({ subKind: 'group' })).toEqual(['02']);
    expect(ids({ tag: '公务用车' })).toEqual(['01', '02']);
    expect(ids({ focus: 'people' })).toEqual(['01']);
    expect(ids({})).toEqual(['01', '02', '03']);
  });

  it('sort by date either way, titles by pinyin, ties by creation', () => {
    expect(sortSummaries(rows, 'date', 'descend').map((r) => r.id)).toEqual(['02', '01', '03']);
    expect(sortSummaries(rows, 'title', 'ascend').map((r) => r.title[0])).toEqual([
      '李',
      '王',
      '张',
    ]);
  });

  it('offer the tags in use, most used first', () => {
    expect(tagsIn(rows)).toEqual(['公务用车', '津补贴']);
  });
});
