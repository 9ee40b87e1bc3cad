import { describe, expect, it } from 'vitest';
import {
  assignedShareholderCode,
  CODE_FORMAT,
  fitsShareholderFormat,
  SHAREHOLDER_MARKETS,
} from './shareholder-code.calc.js';

describe('shareholder codes the console assigns', () => {
  it.each([
    ['SH-A', 1, 'A000000001'],
    ['SH-A', 14_300, 'A000014300'],
    ['SZ-A', 14_300, '0000014300'],
    ['SH-B', 7, 'C000000007'],
    ['SZ-B', 7, '2000000007'],
    ['BJ', 7, '8000000007'],
    ['SH-A', 1_234_567_890, 'A234567890'],
  ])('%s for client %i → %s', (market, id, code) => {
    expect(assignedShareholderCode(market, id)).toBe(code);
  });

  it("fits the market's format, on every attempt", () => {
    for (const market of SHAREHOLDER_MARKETS)
      for (const id of [1, 99, 123_456, 999_999_999])
        for (const attempt of [0, 1, 2, 50]) {
          const code = assignedShareholderCode(market, id, attempt)!;
          expect(CODE_FORMAT[market]!.test(code), `${market} ${id} ${attempt} ${code}`).toBe(true);
          expect(fitsShareholderFormat(market, code)).toBe(true);
        }
  });

  it('gives other codes on later attempts, outside the block client ids take first', () => {
    const codes = new Set([0, 1, 2, 3].map((a) => assignedShareholderCode('SH-A', 42, a)));
    expect(codes.size).toBe(4);
    expect(Number(assignedShareholderCode('SH-A', 42, 1)!.slice(1))).toBeGreaterThanOrEqual(100_000_000);
  });

  it('has no code for a market without a format', () => {
    expect(assignedShareholderCode('XX', 1)).toBeNull();
    expect(fitsShareholderFormat('XX', 'A000000001')).toBe(false);
    expect(fitsShareholderFormat('SH-A', '0000000001')).toBe(false);
  });
});
