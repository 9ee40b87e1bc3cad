/**
 * Markets (市场) and the branch's exchange seats / trading units (席位 / 交易单元).
 *
 * Sessions are those of the A-share continuous auction; the opening call auction is 09:15–09:25
 * (orders 09:20–09:25 cannot be cancelled) and the closing call auction 14:57–15:00. Settlement
 * cycle means securities delivery: T+1 for A shares and BSE, T+3 for B shares.
 */

export type MarketCode = 'SH-A' | 'SZ-A' | 'SH-B' | 'SZ-B' | 'BJ';

export interface MarketSeed {
  code: MarketCode;
  name_zh: string;
  name_en: string;
  currency: 'CNY' | 'USD' | 'HKD';
  exchange: 'SSE' | 'SZSE' | 'BSE';
  /** Continuous trading sessions, comma-separated 'HH:MM-HH:MM'. */
  trading_sessions: string;
  /** Opening call auction 'HH:MM-HH:MM'. */
  call_auction: string;
  /** Closing call auction 'HH:MM-HH:MM', where the market has one. */
  closing_auction: string | null;
  settlement_cycle: 'T+1' | 'T+3';
  /** Default price tick as a decimal string. */
  price_tick: string;
  /** Default buy lot (shares). */
  lot_size: number;
  status: 'active' | 'suspended';
}

export const MARKETS: MarketSeed[] = [
  {
    code: 'SH-A',
    name_zh: '上海A股',
    name_en: 'Shanghai A shares',
    currency: 'CNY',
    exchange: 'SSE',
    trading_sessions: '09:30-11:30,13:00-15:00',
    call_auction: '09:15-09:25',
    closing_auction: '14:57-15:00',
    settlement_cycle: 'T+1',
    price_tick: '0.01',
    lot_size: 100,
    status: 'active',
  },
  {
    code: 'SZ-A',
    name_zh: '深圳A股',
    name_en: 'Shenzhen A shares',
    currency: 'CNY',
    exchange: 'SZSE',
    trading_sessions: '09:30-11:30,13:00-15:00',
    call_auction: '09:15-09:25',
    closing_auction: '14:57-15:00',
    settlement_cycle: 'T+1',
    price_tick: '0.01',
    lot_size: 100,
    status: 'active',
  },
  {
    code: 'SH-B',
    name_zh: '上海B股',
    name_en: 'Shanghai B shares',
    currency: 'USD',
    exchange: 'SSE',
    trading_sessions: '09:30-11:30,13:00-15:00',
    call_auction: '09:15-09:25',
    closing_auction: null,
    settlement_cycle: 'T+3',
    price_tick: '0.001',
    lot_size: 100,
    status: 'active',
  },
  {
    code: 'SZ-B',
    name_zh: '深圳B股',
    name_en: 'Shenzhen B shares',
    currency: 'HKD',
    exchange: 'SZSE',
    trading_sessions: '09:30-11:30,13:00-15:00',
    call_auction: '09:15-09:25',
    closing_auction: '14:57-15:00',
    settlement_cycle: 'T+3',
    price_tick: '0.01',
    lot_size: 100,
    status: 'active',
  },
  {
    code: 'BJ',
    name_zh: '北交所',
    name_en: 'Beijing Stock Exchange',
    currency: 'CNY',
    exchange: 'BSE',
    trading_sessions: '09:30-11:30,13:00-15:00',
    call_auction: '09:15-09:25',
    closing_auction: '14:57-15:00',
    settlement_cycle: 'T+1',
    price_tick: '0.01',
    lot_size: 100,
    status: 'active',
  },
];

export interface SeatSeed {
  market: MarketCode;
  /** Trading unit number: SSE 5 digits, SZSE 6 digits, BSE 6 digits. Fictitious. */
  seat_no: string;
  type: 'ordinary' | 'credit' | 'bond';
  name: string;
  status: 'active' | 'suspended';
}

/** The branch's trading units. Numbers are made up but shaped like real ones. */
export const SEATS: SeatSeed[] = [
  { market: 'SH-A', seat_no: '38614', type: 'ordinary', name: '上海普通交易单元', status: 'active' },
  { market: 'SH-A', seat_no: '38615', type: 'ordinary', name: '上海普通交易单元(二)', status: 'active' },
  { market: 'SH-A', seat_no: '43127', type: 'credit', name: '上海信用交易单元', status: 'active' },
  { market: 'SH-A', seat_no: '38616', type: 'bond', name: '上海债券交易单元', status: 'suspended' },
  { market: 'SH-B', seat_no: '38617', type: 'ordinary', name: '上海B股交易单元', status: 'active' },
  { market: 'SZ-A', seat_no: '397200', type: 'ordinary', name: '深圳普通交易单元', status: 'active' },
  { market: 'SZ-A', seat_no: '397201', type: 'credit', name: '深圳信用交易单元', status: 'active' },
  { market: 'SZ-A', seat_no: '397202', type: 'bond', name: '深圳债券交易单元', status: 'active' },
  { market: 'SZ-B', seat_no: '397203', type: 'ordinary', name: '深圳B股交易单元', status: 'active' },
  { market: 'BJ', seat_no: '420417', type: 'ordinary', name: '北交所交易单元', status: 'active' },
];
