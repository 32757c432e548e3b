import { describe, expect, it } from 'vitest';
import { caseFieldsSchema, newCaseSchema } from '../../../shared/domain/case.schema';
import { fieldErrorsOf } from '../../../shared/domain/validation';

const today = '2026-11-23';
const good = {
  unitName: '某县教育局党组',
  teamName: '县委第二巡察组',
  round: '十五届县委第三轮',
  type: 'regular',
  startDate: '2026-11-01',
  endDate: '2026-12-31',
};

function errorsOf(input: unknown) {
  const result = caseFieldsSchema(today).safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe('case fields', () => {
  it('accepts a real case and fills defaults', () => {
    const parsed = caseFieldsSchema(today).parse(good);
    expect(parsed).toMatchObject({ ...good, status: 'preparing', archived: false, notes: '' });
  });

  it('trims the unit name and refuses an empty one in Chinese', () => {
    expect(caseFieldsSchema(today).parse({ ...good, unitName: '  某局  ' }).unitName).toBe('某局');
    expect(errorsOf({ ...good, unitName: '   ' }).unitName).toBe('请填写被巡察单位');
    expect(errorsOf({ ...good, unitName: undefined }).unitName).toBe('请填写被巡察单位');
  });

  it('refuses an end date before the start date, under the end date field', () => {
    const errors = errorsOf({ ...good, startDate: '2026-11-20', endDate: '2026-11-01' });
    expect(errors.endDate).toBe('结束日期不能早于开始日期');
  });

  it('reports every problem at once, not one at a time', () => {
    const errors = errorsOf({
      ...good,
      unitName: '',
      startDate: '2026-11-20',
      endDate: '2026-11-01',
    });
    expect(Object.keys(errors).sort()).toEqual(['endDate', 'unitName']);
  });

  it('refuses dates that do not exist or are far away', () => {
    expect(errorsOf({ ...good, startDate: '2026-02-30' }).startDate).toBe(
      '进驻日期不是有效日期，请按“年-月-日”填写',
    );
    expect(errorsOf({ ...good, startDate: '26-1-1' }).startDate).toContain('不是有效日期');
    expect(errorsOf({ ...good, endDate: '2999-01-01' }).endDate).toBe(
      '计划结束日期应在 2000-01-01 至 2029-11-23 之间',
    );
    expect(errorsOf({ ...good, startDate: '1999-12-31' }).startDate).toContain('应在');
    expect(errorsOf({ ...good, startDate: '' }).startDate).toBe('请填写进驻日期');
  });

  it('refuses an unknown type or status with 请选择', () => {
    expect(errorsOf({ ...good, type: 'secret' }).type).toBe('请选择巡察类型');
    expect(errorsOf({ ...good, type: undefined }).type).toBe('请选择巡察类型');
    expect(errorsOf({ ...good, status: 'done' }).status).toBe('请选择阶段');
  });

  it('refuses over-long text with the limit in the message', () => {
    expect(errorsOf({ ...good, unitName: '局'.repeat(101) }).unitName).toBe(
      '被巡察单位不能超过 100 个字',
    );
  });

  it('answers in Chinese even where we wrote no message', () => {
    expect(errorsOf({ ...good, archived: 'yes' }).archived).toMatch(/[\u4e00-\u9fff]/);
  });

  it('needs the creator of a new case', () => {
    const result = newCaseSchema(today).safeParse(good);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrorsOf(result.error)).toMatchObject({ creatorName: '请填写你的姓名' });
    }
  });
});
