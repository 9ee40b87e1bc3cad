/**
 * The trade-report file (成交回报) this console reads — one plain CSV standing in for the
 * exchanges' fixed-width/DBF files (DOMAIN.md §3.5):
 *
 *   trade_date,market,seat,shareholder_account,security_code,side,quantity,price,order_no,trade_id
 *   2026-11-23,SH-A,38614,A123456789,600000,B,1000,10.520,202611230002000001,SIM20261123000001
 *
 * UTF-8, one header line, comma-separated, no quoting (no field may hold a comma); side is B or S;
 * price has up to 3 decimals; a line is identified by (market, trade_id).
 */
export const TRADE_REPORT_HEADER = [
  'trade_date',
  'market',
  'seat',
  'shareholder_account',
  'security_code',
  'side',
  'quantity',
  'price',
  'order_no',
  'trade_id',
] as const;

export interface TradeLine {
  line: number;
  trade_date: string;
  market: string;
  seat: string;
  shareholder_account: string;
  security_code: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: string;
  order_no: string;
  trade_id: string;
}

export type LineProblem = {
  line: number;
  reason: 'header' | 'columns' | 'date' | 'side' | 'quantity' | 'price' | 'blank_field';
  text: string;
};

export function formatTradeReport(lines: Omit<TradeLine, 'line'>[]): string {
  const rows = lines.map((l) =>
    [
      l.trade_date,
      l.market,
      l.seat,
      l.shareholder_account,
      l.security_code,
      l.side === 'buy' ? 'B' : 'S',
      l.quantity,
      l.price,
      l.order_no,
      l.trade_id,
    ].join(','),
  );
  return `${[TRADE_REPORT_HEADER.join(','), ...rows].join('\n')}\n`;
}

/** Reads a trade-report file: the lines it understands, and what is wrong with the others. */
export function parseTradeReport(text: string): { lines: TradeLine[]; problems: LineProblem[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: TradeLine[] = [];
  const problems: LineProblem[] = [];
  if ((rows[0] ?? '').trim() !== TRADE_REPORT_HEADER.join(','))
    problems.push({ line: 1, reason: 'header', text: (rows[0] ?? '').slice(0, 200) });
  for (const [i, raw] of rows.slice(1).entries()) {
    const line = i + 2;
    if (!raw.trim()) continue;
    const f = raw.split(',').map((x) => x.trim());
    const bad = (reason: LineProblem['reason']) => problems.push({ line, reason, text: raw.slice(0, 200) });
    if (f.length !== TRADE_REPORT_HEADER.length) {
      bad('columns');
      continue;
    }
    const [trade_date, market, seat, shareholder_account, security_code, side, quantity, price, order_no, trade_id] =
      f as [string, string, string, string, string, string, string, string, string, string];
    if (f.some((x) => !x)) {
      bad('blank_field');
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(trade_date)) {
      bad('date');
      continue;
    }
    if (side !== 'B' && side !== 'S') {
      bad('side');
      continue;
    }
    if (!/^[1-9]\d{0,11}$/.test(quantity)) {
      bad('quantity');
      continue;
    }
    if (!/^\d{1,9}(\.\d{1,3})?$/.test(price) || Number(price) <= 0) {
      bad('price');
      continue;
    }
    lines.push({
      line,
      trade_date,
      market,
      seat,
      shareholder_account,
      security_code,
      side: side === 'B' ? 'buy' : 'sell',
      quantity: Number(quantity),
      price,
      order_no,
      trade_id,
    });
  }
  return { lines, problems };
}
