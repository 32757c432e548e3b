import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addYears, chineseDate, isIsoDate, localIsoDate } from '../../../shared/domain/dates';

describe('dates', () => {
  it('know real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-1')).toBe(false);
    expect(isIsoDate('2026-11-23T00:00')).toBe(false);
  });

  it('agree with the platform calendar on every day of two centuries', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1901-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });

  it('write dates the way official documents do', () => {
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(chineseDate('2026-11-23')).toBe('2026年11月23日');
  });

  it('add years without inventing Feb 29', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-11-23', 3)).toBe('2029-11-23');
  });

  it('read today from the local calendar', () => {
    expect(localIsoDate(new Date(2026, 10, 23, 23, 59))).toBe('2026-11-23');
  });
});
