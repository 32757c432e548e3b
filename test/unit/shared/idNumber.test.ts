import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  maskId,
  normalizeId,
  readIdNumber,
} from '../../../shared/domain/compare/idNumber';

/** A valid 18-character number: region, a real birth date, sequence, check character. */
const validId = fc
  .record({
    region: fc.integer({ min: 110000, max: 659999 }),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const day = birth.toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `${region}${day}${String(seq).padStart(3, '0')}`;
    return first17 + checkCharacter(first17);
  });

describe('公民身份号码', () => {
  it('reads the GB 11643 example, its birth date and sex', () => {
    expect(readIdNumber('11010519491231002X')).toEqual({
      ok: true,
      id: '11010519491231002X',
      birth: '1949-12-31',
      sex: 'female',
      from15: false,
    });
  });

  it('accepts every valid number, however it was typed', () => {
    fc.assert(
      fc.property(validId, (id) => {
        const fullWidth = [...id]
          .map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
          .join('');
        for (const typed of [
          id,
          id.toLowerCase(),
          ` ${id.slice(0, 6)} ${id.slice(6)} `,
          `${id.slice(0, 6)}-${id.slice(6, 14)}-${id.slice(14)}`,
          fullWidth,
          `'${id}`,
        ]) {
          const read = readIdNumber(typed);
          expect(read.ok && read.id).toBe(id);
        }
      }),
    );
  });

  it('refuses every single-character change (the check character catches it)', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (id, at, by) => {
          const alphabet = at === 17 ? '0123456789X' : '0123456789';
          const i = alphabet.indexOf(id[at]!);
          const changed = alphabet[(i + by) % alphabet.length]!;
          fc.pre(changed !== id[at]);
          const read = readIdNumber(id.slice(0, at) + changed + id.slice(at + 1));
          expect(read.ok).toBe(false);
          expect(['check', 'date']).toContain(!read.ok && read.problem);
        },
      ),
    );
  });

  it('converts the 15-digit form to 18 and back to the same person', () => {
    fc.assert(
      fc.property(
        validId.filter((id) => id.slice(6, 8) === '19'),
        (id) => {
          const old = id.slice(0, 6) + id.slice(8, 17);
          expect(readIdNumber(old)).toMatchObject({ ok: true, id, from15: true });
          expect(readIdNumber(Number(old))).toMatchObject({ ok: true, id });
        },
      ),
    );
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['1.10105E+17', 'mangled'],
    ['1.10105194912E+17', 'mangled'],
    [110105194912310020, 'mangled'], // a numeric cell: the last digits are already gone
    ['11010519491231002Y', 'chars'],
    ['身份证11010519491231002X', 'chars'],
    ['1101051949123100', 'length'],
    ['1101051949123100211', 'length'],
    ['110105194902300021', 'date'], // 2月30日
    ['110105194913310021', 'date'],
    ['110105194912310021', 'check'],
  ] as const)('says why %j cannot be read: %s', (raw, problem) => {
    expect(readIdNumber(raw)).toMatchObject({ ok: false, problem });
  });

  it('normalises exactly as a full reading does, for numbers right and wrong', () => {
    const variant = fc.tuple(
      validId,
      fc.integer({ min: 0, max: 17 }),
      fc.constantFrom('0', '5', 'X', 'x', ' ', 'Ａ'),
      fc.boolean(),
    );
    fc.assert(
      fc.property(variant, ([id, at, ch, change]) => {
        const raw = change ? id.slice(0, at) + ch + id.slice(at + 1) : id;
        // And the old 15-digit form of it, whatever that reads as.
        for (const given of [raw, raw.slice(0, 6) + raw.slice(8, 17)]) {
          const read = readIdNumber(given);
          expect(normalizeId(given)).toBe(read.ok ? read.id : '');
        }
      }),
    );
  });

  it('masks all but the region and the last four', () => {
    expect(maskId('11010519491231002X')).toBe('110105********002X');
  });
});
