import type { Db } from '../../server/src/db/connect.js';
import { anyDb } from '../../server/src/resources/crud.repository.js';
import { buildYear } from '../../server/src/modules/calendar/calendar.calc.js';
import { DICTIONARY } from './data/dictionary.data.js';
import { MARKETS, SEATS } from './data/markets.data.js';
import { BANKS } from './data/banks.data.js';
import { SECURITIES, type SecuritySeed } from './data/securities.data.js';
import { HOLIDAYS } from './data/calendar.data.js';
import { CLIENT_MANAGER_NAMES } from './data/client-managers.data.js';
import { MARKET_SHARE, seedMarketTotals } from './market-totals.seed.js';

const MARKET_OF = { SH: 'SH-A', SZ: 'SZ-A', BJ: 'BJ' } as const;

/** The daily price band (DOMAIN.md §3.2): ±10% main, ±5% ST, ±20% ChiNext and STAR, ±30% BSE. */
export function priceLimitPct(s: Pick<SecuritySeed, 'board' | 'st' | 'type'>): string {
  if (s.board === 'bse') return '30.00';
  if (s.board === 'chinext' || s.board === 'star') return '20.00';
  if (s.type === 'bond') return '20.00';
  return s.st ? '5.00' : '10.00';
}

/** The fee schedules of DOMAIN.md §3.1, with one expired commission rate so history shows. */
export const DEFAULT_FEE_SCHEDULES = [
  {
    fee_item: 'commission',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00050000',
    min_fee: '5.00',
    effective_from: '2020-01-01',
    effective_to: '2023-12-31',
    note: '旧佣金标准',
  },
  {
    fee_item: 'commission',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00030000',
    min_fee: '5.00',
    effective_from: '2024-01-01',
    effective_to: null,
    note: '默认佣金 万分之三，最低5元',
  },
  {
    fee_item: 'commission',
    scope: 'client_class',
    scope_value: 'vip',
    side: 'both',
    rate: '0.00020000',
    min_fee: '5.00',
    effective_from: '2024-01-01',
    effective_to: null,
    note: '贵宾客户佣金套餐',
  },
  {
    fee_item: 'commission',
    scope: 'client_class',
    scope_value: 'institution',
    side: 'both',
    rate: '0.00015000',
    min_fee: '5.00',
    effective_from: '2024-01-01',
    effective_to: null,
    note: '机构客户',
  },
  {
    fee_item: 'stamp_duty',
    scope: 'default',
    scope_value: '',
    side: 'sell',
    rate: '0.00100000',
    min_fee: '0.00',
    effective_from: '2008-09-19',
    effective_to: '2023-08-27',
    note: '印花税 千分之一，卖方单边',
  },
  {
    fee_item: 'stamp_duty',
    scope: 'default',
    scope_value: '',
    side: 'sell',
    rate: '0.00050000',
    min_fee: '0.00',
    effective_from: '2023-08-28',
    effective_to: null,
    note: '印花税减半征收，卖方单边',
  },
  {
    fee_item: 'stamp_duty',
    scope: 'security_type',
    scope_value: 'etf',
    side: 'sell',
    rate: '0.00000000',
    min_fee: '0.00',
    effective_from: '2023-08-28',
    effective_to: null,
    note: 'ETF 免征印花税',
  },
  {
    fee_item: 'stamp_duty',
    scope: 'security_type',
    scope_value: 'fund',
    side: 'sell',
    rate: '0.00000000',
    min_fee: '0.00',
    effective_from: '2023-08-28',
    effective_to: null,
    note: '基金免征印花税',
  },
  {
    fee_item: 'stamp_duty',
    scope: 'security_type',
    scope_value: 'bond',
    side: 'sell',
    rate: '0.00000000',
    min_fee: '0.00',
    effective_from: '2023-08-28',
    effective_to: null,
    note: '债券免征印花税',
  },
  {
    fee_item: 'transfer_fee',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00001000',
    min_fee: '0.00',
    effective_from: '2022-04-29',
    effective_to: null,
    note: '沪深A股过户费 十万分之一',
  },
  {
    fee_item: 'transfer_fee',
    scope: 'security_type',
    scope_value: 'etf',
    side: 'both',
    rate: '0.00000000',
    min_fee: '0.00',
    effective_from: '2022-04-29',
    effective_to: null,
    note: 'ETF 不收过户费',
  },
  {
    fee_item: 'handling_fee',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00004870',
    min_fee: '0.00',
    effective_from: '2015-08-01',
    effective_to: '2023-08-27',
    note: '交易所经手费（含在佣金内）',
  },
  {
    fee_item: 'handling_fee',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00003410',
    min_fee: '0.00',
    effective_from: '2023-08-28',
    effective_to: null,
    note: '交易所经手费下调（含在佣金内）',
  },
  {
    fee_item: 'regulatory_fee',
    scope: 'default',
    scope_value: '',
    side: 'both',
    rate: '0.00002000',
    min_fee: '0.00',
    effective_from: '2020-01-01',
    effective_to: null,
    note: '证管费（含在佣金内）',
  },
] as const;

/** Adds dictionary entries the product needs and the database lacks (labels edited by the admin stay). */
export async function syncDictionary(db: Db) {
  const rows = Object.entries(DICTIONARY).flatMap(([category, entries]) =>
    entries.map(([code, label_zh, label_en], i) => ({ category, code, label_zh, label_en, sort_order: (i + 1) * 10 })),
  );
  await db
    .insertInto('dictionary')
    .values(rows)
    .onConflict((oc) => oc.columns(['category', 'code']).doNothing())
    .execute();
}

/** The branch's parameter tables as a real branch would have them (DOMAIN.md §2, §3.1, §7). */
export async function seedParameters(
  db: Db,
  opts: { branchId: number; headOfficeId: number; businessDate: string; years: number[] },
) {
  const t = anyDb(db);
  await syncDictionary(db);
  await t
    .insertInto('markets')
    .values(
      MARKETS.map((m) => ({
        code: m.code,
        name_zh: m.name_zh,
        name_en: m.name_en,
        exchange: m.exchange,
        currency: m.currency,
        trading_hours: m.trading_sessions,
        call_auction: m.call_auction,
        settlement_cycle: m.settlement_cycle,
        status: m.status,
      })),
    )
    .execute();
  await t
    .insertInto('seats')
    .values(
      SEATS.map((s) => ({
        market: s.market,
        seat_no: s.seat_no,
        name: s.name,
        type: s.type,
        status: s.status === 'suspended' ? 'suspended' : 'active',
        branch_id: opts.branchId,
      })),
    )
    .execute();
  await t
    .insertInto('banks')
    .values(
      BANKS.map((b) => ({
        code: b.code,
        name_zh: b.name_zh,
        name_en: b.name_en,
        transfer_start: b.transfer_start,
        transfer_end: b.transfer_end,
        settlement_account: b.settlement_account,
        status: b.status,
      })),
    )
    .execute();
  await t
    .insertInto('securities')
    .values(
      SECURITIES.map((s) => ({
        market: MARKET_OF[s.market],
        code: s.code,
        name: s.name,
        type: s.type,
        board: s.board,
        industry: s.industry,
        lot_size: s.lot_size,
        tick: s.tick,
        price_limit_pct: priceLimitPct(s),
        st: s.st,
        prev_close: s.prev_close,
        status: 'listed',
      })),
    )
    .execute();
  await t
    .insertInto('fee_schedules')
    .values(DEFAULT_FEE_SCHEDULES.map((f) => ({ ...f })))
    .execute();
  const holidays = new Map(HOLIDAYS.map((h) => [h.date, h.name_zh]));
  const days = opts.years.flatMap((y) => buildYear(y, holidays));
  for (const m of MARKETS) {
    for (let i = 0; i < days.length; i += 500) {
      await t
        .insertInto('trading_calendar')
        .values(days.slice(i, i + 500).map((d) => ({ market: m.code, ...d })))
        .execute();
    }
  }
  await t
    .insertInto('client_managers')
    .values(
      CLIENT_MANAGER_NAMES.map((p, i) => ({
        code: `KM${String(i + 1).padStart(3, '0')}`,
        name: p.name,
        phone: `139${String(41400000 + i * 7919).padStart(8, '0')}`,
        branch_id: opts.branchId,
        status: 'active',
        hired_on: `20${String(10 + (i % 14)).padStart(2, '0')}-0${1 + (i % 9)}-15`,
      })),
    )
    .execute();
  await db
    .insertInto('system_params')
    .values({
      key: 'business_date',
      value: opts.businessDate,
      type: 'date',
      category: 'business',
      name_zh: '当前业务日期',
      name_en: 'Business date',
      description: '只由日终处理滚动',
      read_only: true,
    })
    .execute();
  // the market's turnover of the year's days so far, so market share has its denominator from the start
  const dayBefore = new Date(Date.parse(`${opts.businessDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await seedMarketTotals(db, {
    seed: 1,
    from: `${opts.businessDate.slice(0, 4)}-01-01`,
    to: dayBefore,
    share: MARKET_SHARE,
    branchId: opts.branchId,
  });
}

/** The first trading day on or after `date` by the seeded holiday list (weekends never trade). */
export function firstTradingDayFrom(date: string): string {
  const holidays = new Set(HOLIDAYS.map((h) => h.date));
  const d = new Date(`${date}T00:00:00Z`);
  for (;;) {
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(iso)) return iso;
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

/** The trading day `n` trading days before `date` (a trading day itself). */
export function tradingDaysBefore(date: string, n: number): string {
  const holidays = new Set(HOLIDAYS.map((h) => h.date));
  const d = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(iso)) left--;
  }
  return d.toISOString().slice(0, 10);
}
