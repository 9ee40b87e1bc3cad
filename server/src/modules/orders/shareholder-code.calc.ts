/**
 * 股东代码: the exchange-assigned shareholder account code, one per client and market. The
 * formats are the exchanges' (上海 A + 9 digits, 上海 B C + 9 digits, 深圳 A 0 + 9 digits, 深圳 B
 * 2 + 9 digits, 北交所 10 digits); the admin checks the same ones (shareholderCode.ts).
 */
export const CODE_FORMAT: Record<string, RegExp> = {
  'SH-A': /^A\d{9}$/,
  'SH-B': /^C\d{9}$/,
  'SZ-A': /^0\d{9}$/,
  'SZ-B': /^2\d{9}$/,
  BJ: /^\d{10}$/,
};

/** The first character of a code the console assigns on each market (北交所: 8, as its own codes begin). */
const PREFIX: Record<string, string> = { 'SH-A': 'A', 'SH-B': 'C', 'SZ-A': '0', 'SZ-B': '2', BJ: '8' };

/** The markets a shareholder account can be opened on. */
export const SHAREHOLDER_MARKETS = Object.keys(CODE_FORMAT);

/**
 * The code the console assigns when it opens an account itself (开户 with markets, or 开股东账户
 * without a code) — standing in for the registrar's (中国结算) assignment, which the console has
 * no link to: the market's prefix and nine digits of a number, the client's id first, as the
 * demo branch's accounts were numbered (seeds population/write.ts holderCode). `attempt` > 0
 * gives further codes for the rare clash with a code typed in by hand. null for a market
 * without a format.
 */
export function assignedShareholderCode(market: string, clientId: number, attempt = 0): string | null {
  const prefix = PREFIX[market];
  if (prefix === undefined) return null;
  // attempts step through a block no client id reaches for a long time (10⁸ … 10⁹ − 1)
  const n = attempt === 0 ? clientId % 1_000_000_000 : 999_999_999 - ((clientId * 7919 + attempt) % 900_000_000);
  return `${prefix}${String(n).padStart(9, '0')}`;
}

/** Whether a code fits the market's format (undefined market: no format, no fit). */
export const fitsShareholderFormat = (market: string, code: string): boolean =>
  CODE_FORMAT[market]?.test(code) ?? false;
