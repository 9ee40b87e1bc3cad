import { Decimal } from 'decimal.js';

/**
 * The quotation file (行情文件) of closing prices this console imports — one plain CSV standing in
 * for the exchanges' quotation files (SSE's mktdt, SZSE's quotation DBF), one line per security:
 *
 *   trade_date,market,security_code,close_price
 *   2026-11-23,SH-A,600000,10.520
 *
 * UTF-8 (a byte-order mark is allowed), one header line, comma-separated, no quoting; market is
 * the console's market code (SH-A, SZ-A, …); close_price is > 0 with at most 3 decimals. A line is
 * identified by (trade_date, market, security_code): a security appears once per file.
 */
export const CLOSING_PRICES_HEADER = ['trade_date', 'market', 'security_code', 'close_price'] as const;

export interface CloseLine {
  line: number;
  trade_date: string;
  market: string;
  security_code: string;
  close_price: string;
  /** the line as the file wrote it */
  text: string;
}

export type CloseLineReason = 'header' | 'columns' | 'blank_field' | 'date' | 'price' | 'duplicate';

export interface CloseLineProblem {
  line: number;
  reason: CloseLineReason;
  text: string;
  /** duplicate: the line the security first appeared on */
  first_line?: number;
}

/** A calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A close as the file may write it: digits, at most 3 decimals (numeric(12,3)), above zero. */
export function isClosePrice(s: string): boolean {
  return /^\d{1,9}(\.\d{1,3})?$/.test(s) && new Decimal(s).gt(0);
}

export function formatClosingPrices(lines: Omit<CloseLine, 'line' | 'text'>[]): string {
  const rows = lines.map((l) => [l.trade_date, l.market, l.security_code, l.close_price].join(','));
  return `${[CLOSING_PRICES_HEADER.join(','), ...rows].join('\n')}\n`;
}

/**
 * Reads a quotation file: the lines it understands (prices as exact decimal strings, 3 places),
 * and per other line what is wrong with it. A file whose header is not the format's is read no
 * further: its columns cannot be trusted to mean what this format says.
 */
export function parseClosingPrices(text: string): { lines: CloseLine[]; problems: CloseLineProblem[] } {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const lines: CloseLine[] = [];
  const problems: CloseLineProblem[] = [];
  if ((rows[0] ?? '').trim() !== CLOSING_PRICES_HEADER.join(',')) {
    problems.push({ line: 1, reason: 'header', text: (rows[0] ?? '').slice(0, 200) });
    return { lines, problems };
  }
  const seen = new Map<string, number>();
  for (const [i, raw] of rows.slice(1).entries()) {
    const line = i + 2;
    if (!raw.trim()) continue;
    const bad = (reason: CloseLineReason, extra: Partial<CloseLineProblem> = {}) =>
      problems.push({ line, reason, text: raw.slice(0, 200), ...extra });
    const f = raw.split(',').map((x) => x.trim());
    if (f.length !== CLOSING_PRICES_HEADER.length) {
      bad('columns');
      continue;
    }
    const [trade_date, market, security_code, close_price] = f as [string, string, string, string];
    if (f.some((x) => !x)) {
      bad('blank_field');
      continue;
    }
    if (!isIsoDate(trade_date)) {
      bad('date');
      continue;
    }
    if (!isClosePrice(close_price)) {
      bad('price');
      continue;
    }
    const key = `${trade_date}|${market}|${security_code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      bad('duplicate', { first_line: first });
      continue;
    }
    seen.set(key, line);
    lines.push({
      line,
      trade_date,
      market,
      security_code,
      close_price: new Decimal(close_price).toFixed(3),
      text: raw.slice(0, 200),
    });
  }
  return { lines, problems };
}
