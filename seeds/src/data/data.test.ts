import { describe, it, expect } from 'vitest';
import { SECURITIES, SH_B_SHARES, type SecuritySeed } from './securities.data.js';
import { HOLIDAYS, CALENDAR_NOTE, PROVISIONAL_YEARS } from './calendar.data.js';
import { BANKS } from './banks.data.js';
import { MARKETS, SEATS } from './markets.data.js';
import { SURNAMES, GIVEN_NAME_CHARS, DISTRICTS, STREETS, ID_AREA_CODES, MOBILE_PREFIXES } from './people.data.js';
import { CLIENT_MANAGER_NAMES } from './client-managers.data.js';

const count = (pred: (s: SecuritySeed) => boolean) => SECURITIES.filter(pred).length;
const isStock = (s: SecuritySeed) => s.type === 'stock';

/** The board a stock code belongs to, from the exchange's code ranges. */
function boardOf(s: SecuritySeed): string | undefined {
  const c = s.code;
  if (s.market === 'SH') {
    if (/^(600|601|603|605)\d{3}$/.test(c)) return 'main';
    if (/^688\d{3}$/.test(c)) return 'star';
  }
  if (s.market === 'SZ') {
    if (/^(000|001|002|003)\d{3}$/.test(c)) return 'main';
    if (/^(300|301)\d{3}$/.test(c)) return 'chinext';
  }
  if (s.market === 'BJ' && /^(8\d{5}|43\d{4}|920\d{3})$/.test(c)) return 'bse';
  return undefined;
}

describe('securities', () => {
  it('has at least 300 rows, unique by (market, code)', () => {
    expect(SECURITIES.length).toBeGreaterThanOrEqual(300);
    const keys = SECURITIES.map((s) => `${s.market}:${s.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('codes are 6 digits and names are non-empty Chinese short names', () => {
    for (const s of SECURITIES) {
      expect(s.code, s.name).toMatch(/^\d{6}$/);
      expect(s.name.length, s.code).toBeGreaterThan(1);
      expect(s.name, s.code).toMatch(/[\u4e00-\u9fff]/);
      expect(s.industry.length, s.code).toBeGreaterThan(0);
    }
  });

  it('stock codes agree with market and board', () => {
    for (const s of SECURITIES.filter(isStock)) {
      expect(boardOf(s), `${s.market} ${s.code} ${s.name}`).toBe(s.board);
    }
  });

  it('funds, ETFs and bonds sit on the right market code ranges', () => {
    for (const s of SECURITIES.filter((x) => !isStock(x))) {
      expect(s.board, s.code).toBe('main');
      if (s.type === 'etf' || s.type === 'fund') {
        const ok = s.market === 'SH' ? /^(5\d{5})$/.test(s.code) : s.market === 'SZ' && /^(15|16)\d{4}$/.test(s.code);
        expect(ok, `${s.market} ${s.code} ${s.name}`).toBe(true);
      }
      if (s.type === 'bond') {
        const ok =
          s.market === 'SH' ? /^(01|10|11)\d{4}$/.test(s.code) : s.market === 'SZ' && /^(10|12)\d{4}$/.test(s.code);
        expect(ok, `${s.market} ${s.code} ${s.name}`).toBe(true);
      }
    }
  });

  it('ticks and lot sizes follow the order-entry rules', () => {
    for (const s of SECURITIES) {
      const label = `${s.code} ${s.name}`;
      if (s.type === 'stock') expect(s.tick, label).toBe('0.01');
      else expect(s.tick, label).toBe('0.001');
      if (s.type === 'bond') expect(s.lot_size, label).toBe(10);
      else if (s.board === 'star' && s.type === 'stock') expect(s.lot_size, label).toBe(200);
      else expect(s.lot_size, label).toBe(100);
    }
  });

  it("prev_close is a positive decimal string with the tick's decimals (≤ 3)", () => {
    for (const s of SECURITIES) {
      expect(s.prev_close, s.code).toMatch(/^\d+\.\d{1,3}$/);
      const decimals = s.prev_close.split('.')[1]!.length;
      expect(decimals, s.code).toBe(s.tick === '0.01' ? 2 : 3);
      expect(Number(s.prev_close), s.code).toBeGreaterThan(0);
    }
  });

  it('has a handful of ST names, all stocks whose names carry the ST mark', () => {
    const st = SECURITIES.filter((s) => s.st);
    expect(st.length).toBeGreaterThanOrEqual(4);
    expect(st.length).toBeLessThanOrEqual(10);
    for (const s of st) {
      expect(s.type, s.code).toBe('stock');
      expect(s.name, s.code).toMatch(/^\*?ST/);
    }
    for (const s of SECURITIES.filter((x) => !x.st)) expect(s.name, s.code).not.toMatch(/^\*?ST/);
  });

  it('mixes markets and boards roughly as asked', () => {
    expect(count((s) => isStock(s) && s.market === 'SH' && s.board === 'main')).toBeGreaterThanOrEqual(100);
    expect(count((s) => isStock(s) && s.board === 'star')).toBeGreaterThanOrEqual(35);
    expect(count((s) => isStock(s) && s.market === 'SZ' && s.board === 'main')).toBeGreaterThanOrEqual(70);
    expect(count((s) => isStock(s) && s.board === 'chinext')).toBeGreaterThanOrEqual(45);
    expect(count((s) => isStock(s) && s.board === 'bse')).toBeGreaterThanOrEqual(6);
    expect(count((s) => s.type === 'etf' || s.type === 'fund')).toBeGreaterThanOrEqual(15);
    expect(count((s) => s.type === 'bond')).toBeGreaterThanOrEqual(5);
  });

  it('includes the well-known anchors with the right names', () => {
    const byKey = new Map(SECURITIES.map((s) => [`${s.market}:${s.code}`, s.name]));
    expect(byKey.get('SH:600519')).toBe('贵州茅台');
    expect(byKey.get('SZ:000001')).toBe('平安银行');
    expect(byKey.get('SZ:300750')).toBe('宁德时代');
    expect(byKey.get('SH:688981')).toBe('中芯国际');
    expect(byKey.get('SH:510300')).toBe('沪深300ETF');
    expect(byKey.get('SZ:159915')).toBe('创业板ETF');
  });

  it('SH B shares are 900xxx, USD, tick 0.001', () => {
    const codes = SH_B_SHARES.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const s of SH_B_SHARES) {
      expect(s.code).toMatch(/^900\d{3}$/);
      expect(s.currency).toBe('USD');
      expect(s.tick).toBe('0.001');
      expect(s.prev_close).toMatch(/^\d+\.\d{3}$/);
    }
  });
});

describe('trading calendar', () => {
  const dates = HOLIDAYS.map((h) => h.date);

  it('lists valid, unique, sorted dates inside 2025–2027', () => {
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of dates) {
      expect(d).toMatch(/^(2025|2026|2027)-\d{2}-\d{2}$/);
      expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
    }
  });

  it('lists only weekdays', () => {
    for (const d of dates) {
      const day = new Date(`${d}T00:00:00Z`).getUTCDay();
      expect(day, d).toBeGreaterThanOrEqual(1);
      expect(day, d).toBeLessThanOrEqual(5);
    }
  });

  it('covers both years with names and flags 2027 as provisional', () => {
    expect(dates.filter((d) => d.startsWith('2026')).length).toBe(19);
    expect(dates.filter((d) => d.startsWith('2027')).length).toBeGreaterThan(10);
    for (const h of HOLIDAYS) {
      expect(h.name_zh.length).toBeGreaterThan(0);
      expect(h.name_en.length).toBeGreaterThan(0);
    }
    expect(PROVISIONAL_YEARS).toEqual([2027]);
    expect(CALENDAR_NOTE).toMatch(/2027/);
  });
});

describe('banks', () => {
  it('has unique codes and bank numbers, digit-only settlement accounts and sane hours', () => {
    expect(BANKS.length).toBeGreaterThanOrEqual(8);
    expect(new Set(BANKS.map((b) => b.code)).size).toBe(BANKS.length);
    expect(new Set(BANKS.map((b) => b.bank_no)).size).toBe(BANKS.length);
    expect(new Set(BANKS.map((b) => b.settlement_account)).size).toBe(BANKS.length);
    for (const b of BANKS) {
      expect(b.bank_no).toMatch(/^\d{3}$/);
      expect(b.settlement_account).toMatch(/^\d{12,21}$/);
      expect(b.transfer_start).toMatch(/^\d{2}:\d{2}$/);
      expect(b.transfer_end).toMatch(/^\d{2}:\d{2}$/);
      expect(b.transfer_start < b.transfer_end).toBe(true);
    }
  });
});

describe('markets and seats', () => {
  it('has the five markets with their currencies and settlement cycles', () => {
    expect(MARKETS.map((m) => m.code).sort()).toEqual(['BJ', 'SH-A', 'SH-B', 'SZ-A', 'SZ-B']);
    const by = new Map(MARKETS.map((m) => [m.code, m]));
    expect(by.get('SH-A')?.currency).toBe('CNY');
    expect(by.get('SH-B')?.currency).toBe('USD');
    expect(by.get('SZ-B')?.currency).toBe('HKD');
    expect(by.get('SH-B')?.settlement_cycle).toBe('T+3');
    expect(by.get('SZ-A')?.settlement_cycle).toBe('T+1');
    for (const m of MARKETS) {
      expect(m.trading_sessions).toBe('09:30-11:30,13:00-15:00');
      expect(m.call_auction).toBe('09:15-09:25');
    }
  });

  it('has 6–10 seats, unique per market, SH 5 digits and SZ 6 digits', () => {
    expect(SEATS.length).toBeGreaterThanOrEqual(6);
    expect(SEATS.length).toBeLessThanOrEqual(10);
    const marketCodes = new Set(MARKETS.map((m) => m.code));
    const keys = SEATS.map((s) => `${s.market}:${s.seat_no}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SEATS) {
      expect(marketCodes.has(s.market)).toBe(true);
      if (s.market.startsWith('SH')) expect(s.seat_no, s.name).toMatch(/^\d{5}$/);
      if (s.market.startsWith('SZ')) expect(s.seat_no, s.name).toMatch(/^\d{6}$/);
    }
    // a seat number identifies one trading unit per exchange
    const perExchange = SEATS.map((s) => `${s.market.slice(0, 2)}:${s.seat_no}`);
    expect(new Set(perExchange).size).toBe(perExchange.length);
  });
});

describe('people material', () => {
  it('has 100 unique weighted surnames, most common first', () => {
    expect(SURNAMES.length).toBe(100);
    expect(new Set(SURNAMES.map((s) => s.surname)).size).toBe(100);
    for (let i = 1; i < SURNAMES.length; i++) {
      expect(SURNAMES[i]!.weight).toBeLessThanOrEqual(SURNAMES[i - 1]!.weight);
    }
    expect(SURNAMES[0]!.surname).toBe('王');
  });

  it('has about 200 unique given-name characters', () => {
    const cs = GIVEN_NAME_CHARS.map((c) => c.char);
    expect(cs.length).toBeGreaterThanOrEqual(180);
    expect(new Set(cs).size).toBe(cs.length);
    for (const c of cs) expect([...c].length).toBe(1);
  });

  it('has Benxi districts and streets pointing at them', () => {
    expect(DISTRICTS.map((d) => d.name_zh)).toEqual([
      '平山区',
      '溪湖区',
      '明山区',
      '南芬区',
      '本溪满族自治县',
      '桓仁满族自治县',
    ]);
    const codes = new Set(DISTRICTS.map((d) => d.code));
    expect(STREETS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(STREETS.map((s) => s.name)).size).toBe(STREETS.length);
    for (const s of STREETS) expect(codes.has(s.district), s.name).toBe(true);
  });

  it('ID area codes are unique 6-digit Liaoning codes', () => {
    const codes = ID_AREA_CODES.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^21\d{4}$/);
    expect(codes.filter((c) => c.startsWith('2105')).length).toBe(6);
    for (const p of ['2101', '2103', '2106']) expect(codes.some((c) => c.startsWith(p))).toBe(true);
  });

  it('mobile prefixes are unique, 3 digits, 130–199', () => {
    const ps = MOBILE_PREFIXES.map((m) => m.prefix);
    expect(new Set(ps).size).toBe(ps.length);
    for (const p of ps) {
      expect(p).toMatch(/^1[3-9]\d$/);
    }
  });

  it('has 12 unique client-manager names', () => {
    expect(CLIENT_MANAGER_NAMES.length).toBe(12);
    expect(new Set(CLIENT_MANAGER_NAMES.map((m) => m.name)).size).toBe(12);
    for (const m of CLIENT_MANAGER_NAMES) expect(m.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
  });
});
