import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChar, parseIdNumber } from './id-number.calc.js';

describe('身份证号码 check', () => {
  it.each([
    ['11010519491231002X', { birth_date: '1949-12-31', gender: 'F' }], // the standard's own example
    ['440524188001010014', { birth_date: '1880-01-01', gender: 'M' }],
  ])('accepts %s', (id, expected) => {
    const r = parseIdNumber(id, '2026-11-23');
    // 1880 is before 1900: refused as a birth date; the example from 1949 is accepted
    if (expected.birth_date < '1900-01-01') expect(r).toEqual({ problem: 'id_birth_date' });
    else expect(r).toMatchObject(expected);
  });
  it.each([
    ['11010519491231002', 'id_format'],
    ['01010519491231002X', 'id_format'],
    ['110105194912310021', 'id_check_digit'],
    ['110105194902300021', 'id_birth_date'], // 30 February
    ['110105203001010011', 'id_birth_date'], // born in the future
  ])('refuses %s (%s)', (id, problem) => expect(parseIdNumber(id, '2026-11-23')).toEqual({ problem }));

  it('accepts every number built with the right check character, and no other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 110000, max: 659999 }),
        fc.date({ min: new Date('1930-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...'0123456789X'),
        (area, birth, seq, wrong) => {
          const first17 = `${area}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
          const right = checkChar(first17);
          expect('problem' in parseIdNumber(first17 + right, '2026-11-23')).toBe(false);
          if (wrong !== right)
            expect(parseIdNumber(first17 + wrong, '2026-11-23')).toEqual({ problem: 'id_check_digit' });
        },
      ),
    );
  });
});
