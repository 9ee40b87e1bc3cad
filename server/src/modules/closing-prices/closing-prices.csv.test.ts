import { describe, expect, it } from 'vitest';
import {
  CLOSING_PRICES_HEADER,
  formatClosingPrices,
  isClosePrice,
  isIsoDate,
  parseClosingPrices,
  type CloseLineReason,
} from './closing-prices.csv.js';
import { closeDateProblem, walkClose } from './closing-prices.calc.js';

const HEADER = CLOSING_PRICES_HEADER.join(',');

describe('the quotation file (行情文件)', () => {
  it.each<[string, string, { line: number; market: string; security_code: string; close_price: string }[]]>([
    [
      'one line',
      `${HEADER}\n2026-11-23,SH-A,600000,10.52\n`,
      [{ line: 2, market: 'SH-A', security_code: '600000', close_price: '10.520' }],
    ],
    [
      'a byte-order mark and CRLF',
      `\uFEFF${HEADER}\r\n2026-11-23,SZ-A,000001,11.000\r\n`,
      [{ line: 2, market: 'SZ-A', security_code: '000001', close_price: '11.000' }],
    ],
    [
      'blank lines and spaces around fields',
      `${HEADER}\n\n 2026-11-23 , SH-A , 510300 , 4.1 \n\n`,
      [{ line: 3, market: 'SH-A', security_code: '510300', close_price: '4.100' }],
    ],
    [
      'a whole number and the largest close numeric(12,3) holds',
      `${HEADER}\n2026-11-23,SH-A,600519,1688\n2026-11-23,SH-A,600000,999999999.999\n`,
      [
        { line: 2, market: 'SH-A', security_code: '600519', close_price: '1688.000' },
        { line: 3, market: 'SH-A', security_code: '600000', close_price: '999999999.999' },
      ],
    ],
    ['the header alone', `${HEADER}\n`, []],
  ])('reads %s', (_, text, expected) => {
    const r = parseClosingPrices(text);
    expect(r.problems).toEqual([]);
    expect(r.lines.map(({ text: _, ...l }) => l)).toEqual(expected.map((e) => ({ trade_date: '2026-11-23', ...e })));
  });

  it.each<[string, string, CloseLineReason]>([
    ['too few columns', '2026-11-23,SH-A,600000', 'columns'],
    ['too many columns', '2026-11-23,SH-A,600000,10.52,x', 'columns'],
    ['a blank market', '2026-11-23,,600000,10.52', 'blank_field'],
    ['a blank close', '2026-11-23,SH-A,600000,', 'blank_field'],
    ['a date without dashes', '20261123,SH-A,600000,10.52', 'date'],
    ['month 13', '2026-13-01,SH-A,600000,10.52', 'date'],
    ['30 February', '2026-02-30,SH-A,600000,10.52', 'date'],
    ['a zero close', '2026-11-23,SH-A,600000,0', 'price'],
    ['a zero close with decimals', '2026-11-23,SH-A,600000,0.000', 'price'],
    ['a negative close', '2026-11-23,SH-A,600000,-10.52', 'price'],
    ['four decimals', '2026-11-23,SH-A,600000,10.5201', 'price'],
    ['an exponent', '2026-11-23,SH-A,600000,1e3', 'price'],
    ['a word', '2026-11-23,SH-A,600000,abc', 'price'],
    ['ten integer digits', '2026-11-23,SH-A,600000,1234567890', 'price'],
    ['a leading point', '2026-11-23,SH-A,600000,.5', 'price'],
  ])('names what is wrong: %s', (_, bad, reason) => {
    const r = parseClosingPrices(`${HEADER}\n2026-11-23,SH-A,600036,40.01\n${bad}\n`);
    expect(r.lines.map((l) => l.line)).toEqual([2]);
    expect(r.problems).toEqual([{ line: 3, reason, text: bad }]);
  });

  it('takes a security once per file, naming the line it first appeared on', () => {
    const r = parseClosingPrices(
      `${HEADER}\n2026-11-23,SH-A,600000,10.52\n2026-11-23,SZ-A,600000,9\n2026-11-23,SH-A,600000,10.60\n`,
    );
    expect(r.lines.map((l) => l.line)).toEqual([2, 3]);
    expect(r.problems).toEqual([{ line: 4, reason: 'duplicate', text: '2026-11-23,SH-A,600000,10.60', first_line: 2 }]);
  });

  it('reads nothing of a file whose header is not the format', () => {
    for (const header of ['trade_date,security_code,market,close_price', 'date,market,code,close', '']) {
      const r = parseClosingPrices(`${header}\n2026-11-23,SH-A,600000,10.52\n`);
      expect(r.lines).toEqual([]);
      expect(r.problems).toEqual([{ line: 1, reason: 'header', text: header }]);
    }
  });

  it('round-trips what it writes', () => {
    const lines = [
      { trade_date: '2026-11-23', market: 'SH-A', security_code: '600000', close_price: '10.520' },
      { trade_date: '2026-11-23', market: 'SZ-A', security_code: '159915', close_price: '2.345' },
    ];
    const text = formatClosingPrices(lines);
    expect(text.split('\n')[0]).toBe(HEADER);
    expect(parseClosingPrices(text)).toEqual({
      lines: lines.map((l, i) => ({ line: i + 2, ...l, text: text.split('\n')[i + 1] })),
      problems: [],
    });
  });

  it.each([
    ['2026-11-23', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-11-31', false],
    ['2026-1-5', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it.each([
    ['0.001', true],
    ['10', true],
    ['0', false],
    ['00.000', false],
    ['+1', false],
  ])('isClosePrice(%s) = %s', (s, ok) => expect(isClosePrice(s)).toBe(ok));
});

describe('the closes of a day', () => {
  it.each([
    ['2026-11-23', '2026-11-23', null],
    ['2026-11-24', '2026-11-23', 'close_date_future'],
    ['2026-11-20', '2026-11-23', 'close_date_closed'],
  ])('%s with %s open: %s', (date, open, key) => {
    expect(closeDateProblem(date, open)?.key ?? null).toBe(key);
  });

  const main = { prev_close: '10.000', price_limit_pct: '10.00', tick: '0.010' };
  it.each<[string, typeof main, number, string]>([
    ['no move at u = 0.5', main, 0.5, '10.000'],
    ['at most 35 % of the limit down', main, 0, '9.650'],
    ['at most 35 % of the limit up', main, 0.999999, '10.350'],
    ['half-up to the tick (8 × 1.004375 = 8.035)', { ...main, prev_close: '8.000' }, 0.5625, '8.040'],
    ['an ETF on its 0.001 tick', { prev_close: '4.123', price_limit_pct: '10.00', tick: '0.001' }, 0.75, '4.195'],
    ['a ChiNext stock, ±20 %', { ...main, price_limit_pct: '20.00' }, 0, '9.300'],
    ['never below one tick', { prev_close: '0.010', price_limit_pct: '10.00', tick: '0.010' }, 0, '0.010'],
  ])('walkClose: %s', (_, s, u, close) => expect(walkClose(s, u)).toBe(close));
});
