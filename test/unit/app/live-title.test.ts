// renderer/components/records/liveTitle.ts: the title a form shows while it is typed into is
// titleOf's, and is made again only when a field the title reads changes.
import { describe, expect, it } from 'vitest';
import { liveTitle } from '../../../renderer/components/records/liveTitle';
import { RECORD_SPECS } from '../../../shared/domain/records';
import { titleOf } from '../../../shared/domain/records/common';

const spec = RECORD_SPECS.interviews;
const values = spec
  .fields('2026-11-23')
  .parse(spec.defaults({ today: '2026-11-23', memberId: 'm' }));
const person = (name: string) => ({ name, unit: '县教育局', title: '局长', political: '' });
const turns = (n: number, text: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `t${i}`, pos: `a${i}`, speaker: 'a' as const, text }));

describe('the title of a form being typed', () => {
  it('is titleOf’s, and follows the fields the title reads', () => {
    const title = liveTitle(spec);
    const record = { ...values, interviewees: [person('张某')] };
    let form = { ...values, interviewees: [person('王某')], turns: turns(200, '经查') };
    expect(title(form, record)).toBe(titleOf(spec, form));
    form = { ...form, interviewees: [person('王某'), person('李某')] };
    expect(title(form, record)).toBe('王某、李某');
    expect(title(form, record)).toBe(titleOf(spec, form));
  });

  it('is not made again while only a turn changes', () => {
    const title = liveTitle(spec);
    const interviewees = [person('王某')];
    const first = title({ ...values, interviewees, turns: turns(200, '经查') }, values);
    // A field the title does not read, changed into something that would fail its check: the
    // title is the one made before, not made again from the record.
    const again = title({ ...values, interviewees, turns: 'not turns' }, values);
    expect(again).toBe(first);
  });

  it('is the stored record’s when a field it reads does not pass its check', () => {
    const title = liveTitle(spec);
    const record = { ...values, interviewees: [person('张某')] };
    const form = { ...values, interviewees: [{ name: 42 }] };
    expect(title(form, record)).toBe(titleOf(spec, record));
  });
});
