/**
 * 40 hand-built pairs (and three lists) a 数据比对 must get right: each a source row and a target row as lists
 * really carry them, and the hit expected (and which way it matched), or none.
 */
import { describe, expect, it } from 'vitest';
import { checkCharacter } from '../../../shared/domain/compare/idNumber';
import { matchRule, sideOf, type Exemption } from '../../../shared/domain/compare/match';
import { listRow, type CellValue, type ColumnMapping } from '../../../shared/domain/compare/rows';

const valid = (first17: string) => first17 + checkCharacter(first17);
/** 11010519491231002X: the standard's own example, ending in X. */
const X = '11010519491231002X';
const A = valid('32010619800101123');
const B = valid('32010619800101125'); // same birth as A, another person
const C = valid('32010619751215004');
const A15 = A.slice(0, 6) + A.slice(8, 17);
const badCheck = A.slice(0, 17) + (A[17] === '0' ? '1' : '0');
const fullWidth = (s: string) =>
  [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

const COLUMNS = [
  '姓名',
  '身份证号',
  '户主',
  '户主身份证号',
  '与户主关系',
  '地址',
  '出生日期',
  '车辆类型',
];
const MAP: ColumnMapping = {
  name: 0,
  id: 1,
  householder: 2,
  householderId: 3,
  relation: 4,
  address: 5,
  birth: 6,
  amount: -1,
  date: -1,
};

interface Side {
  name?: string;
  id?: CellValue;
  hhId?: string;
  address?: string;
  birth?: string;
  vehicle?: string;
}
const cells = (s: Side): CellValue[] => [
  s.name ?? '张三',
  s.id ?? '',
  '',
  s.hhId ?? '',
  '',
  s.address ?? '',
  s.birth ?? '',
  s.vehicle ?? '',
];

const EXEMPT: Exemption = {
  id: 'e1',
  column: '车辆类型',
  contains: '残疾人',
  reason: '残疾人功能性补偿代步车',
};

type Expect = 'id' | 'weak' | 'household' | 'address' | null;
const PAIRS: [string, Side, Side, Expect, { household?: boolean; targets?: Side[] }?][] = [
  ['the same number', { id: A }, { id: A }, 'id'],
  ['a lower-case x', { id: X.toLowerCase() }, { id: X }, 'id'],
  ['the 15-digit form', { id: A15 }, { id: A }, 'id'],
  ['full-width digits', { id: fullWidth(A) }, { id: A }, 'id'],
  ['spaces inside', { id: `${A.slice(0, 6)} ${A.slice(6, 14)} ${A.slice(14)}` }, { id: A }, 'id'],
  ['hyphens', { id: `${A.slice(0, 6)}-${A.slice(6)}` }, { id: A }, 'id'],
  ['Excel’s text apostrophe', { id: `'${A}` }, { id: A }, 'id'],
  ['two valid numbers, same name and birth: two people', { id: A }, { id: B }, null],
  ['no number on one side, same name and birth column', { id: A }, { birth: '1980-01-01' }, 'weak'],
  ['a mistyped check character, same name', { id: badCheck }, { id: A }, 'weak'],
  ['no number, another name, same birth', { id: A }, { name: '李四', birth: '1980-01-01' }, null],
  ['no number, same name, another birth', { id: A }, { birth: '1980-01-02' }, null],
  ['a space inside the name', { name: '张 三', id: A }, { birth: '1980-01-01' }, 'weak'],
  [
    'the dots of a Uyghur name',
    { name: '阿卜杜·热合曼', id: A },
    { name: '阿卜杜.热合曼', birth: '1980-01-01' },
    'weak',
  ],
  ['a rare character (𠮷)', { name: '𠮷娜', id: A }, { name: '𠮷娜', birth: '1980-01-01' }, 'weak'],
  ['𠮷 is not 吉', { name: '𠮷娜', id: A }, { name: '吉娜', birth: '1980-01-01' }, null],
  ['Excel-mangled, nothing else', { id: '1.10105E+17' }, { id: A }, null],
  [
    'Excel-mangled, with a birth column',
    { id: '1.10105E+17', birth: '1980-01-01' },
    { id: A },
    'weak',
  ],
  [
    'no number on either side, same name and birth',
    { birth: '1980-1-1' },
    { birth: '1980-01-01' },
    'weak',
  ],
  ['no number and no birth on either side', {}, {}, null],
  [
    'one digit off (check fails), same name',
    { id: A.slice(0, 16) + ((Number(A[16]) + 2) % 10) + A[17] },
    { id: A },
    'weak',
  ],
  ['a 15-digit number of another birth', { id: C.slice(0, 6) + C.slice(8, 17) }, { id: A }, null],
  [
    'household: the source’s householder is the target',
    { id: A, hhId: C },
    { name: '王五', id: C },
    'household',
    { household: true },
  ],
  [
    'household: the target’s householder is the source',
    { id: A },
    { name: '王五', id: C, hhId: A },
    'household',
    { household: true },
  ],
  [
    'household: the same householder',
    { id: A, hhId: C },
    { name: '王五', id: B, hhId: C },
    'household',
    { household: true },
  ],
  [
    'no household rule: the householder is not matched',
    { id: A, hhId: C },
    { name: '王五', id: C },
    null,
  ],
  [
    'household: the same address',
    { id: A, address: '石桥镇一村3组' },
    { name: '王五', id: C, address: '石桥镇一村3组' },
    'address',
    { household: true },
  ],
  [
    'household: the same address but for spaces',
    { id: A, address: '石桥镇 一村3组' },
    { name: '王五', id: C, address: '石桥镇一村3组' },
    'address',
    { household: true },
  ],
  [
    'household: another address',
    { id: A, address: '石桥镇一村3组' },
    { name: '王五', id: C, address: '石桥镇二村1组' },
    null,
    { household: true },
  ],
  [
    'household rule, same number: matched by number once',
    { id: A, hhId: A },
    { id: A, hhId: A },
    'id',
    { household: true },
  ],
  ['a trailing space', { id: `${A} ` }, { id: A }, 'id'],
  ['a full-width Ｘ', { id: X.slice(0, 17) + 'Ｘ' }, { id: X }, 'id'],
  ['a date that does not exist (2月30日)', { id: valid('32010619800230123') }, { id: A }, null],
  ['no name and no number', { name: '', id: '' }, { name: '', id: '' }, null],
  ['a 15-digit number in a numeric cell', { id: Number(A15) }, { id: A }, 'id'],
  [
    'an 18-digit number in a numeric cell: Excel lost its last digits, its birth date is left',
    { id: Number(A) },
    { id: A },
    'weak',
  ],
  ['em-dash separators', { id: `${A.slice(0, 6)}—${A.slice(6)}` }, { id: A }, 'id'],
  ['another person entirely', { name: '赵六', id: C }, { id: A }, null],
  [
    'the 15-digit form typed with spaces',
    { id: `${A15.slice(0, 6)} ${A15.slice(6)}` },
    { id: A },
    'id',
  ],
  [
    'household: a mistyped householder number matches nobody',
    { id: A, hhId: C.slice(0, 17) + (C[17] === '1' ? '2' : '1') },
    { name: '王五', id: C },
    null,
    { household: true },
  ],
];

function run(
  source: Side,
  target: Side,
  options: { household?: boolean; targets?: Side[]; exemptions?: Exemption[] } = {},
) {
  const side = (listId: string, sides: Side[]) =>
    sideOf(
      listId,
      COLUMNS,
      sides.map((s, i) => listRow(i + 2, cells(s), MAP)),
    );
  return matchRule(
    { id: 'r1', household: options.household ?? false, exemptions: options.exemptions ?? [] },
    [side('src', [source])],
    [side('tgt', options.targets ?? [target])],
  );
}

describe('matching a rule', () => {
  it.each(PAIRS)('%s', (_, source, target, expected, options) => {
    const hits = run(source, target, options);
    expect(hits.map((h) => h.way)).toEqual(expected ? [expected] : []);
  });

  it('finds every target row with the number: a list holding a person twice gives two hits', () => {
    const hits = run(
      { id: A },
      {},
      {
        targets: [
          { id: A, vehicle: '小型轿车' },
          { id: A, vehicle: '货车' },
        ],
      },
    );
    expect(hits.map((h) => [h.way, h.target.row.n])).toEqual([
      ['id', 2],
      ['id', 3],
    ]);
    expect(new Set(hits.map((h) => h.key)).size).toBe(2);
  });

  it('keeps an exempted hit with its reason, and ignores an exemption on a column the list lacks', () => {
    const [exempt] = run(
      { id: A },
      { id: A, vehicle: '残疾人专用代步车' },
      { exemptions: [EXEMPT] },
    );
    expect(exempt!.exemption).toEqual(EXEMPT);
    const [other] = run({ id: A }, { id: A }, { exemptions: [{ ...EXEMPT, column: '品牌' }] });
    expect(other!.exemption).toBeNull();
  });

  it('gives the same key to the same two rows after a reload, whatever their row numbers', () => {
    const [first] = run({ id: A }, { id: A });
    const [again] = run({ id: A }, {}, { targets: [{ id: C }, { id: A }] });
    expect(again!.target.row.n).toBe(3);
    expect(again!.key).toBe(first!.key);
  });
});
