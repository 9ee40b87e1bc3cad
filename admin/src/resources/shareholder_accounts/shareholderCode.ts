/** Markets a client can hold a shareholder account on (one account per market). */
export const SHAREHOLDER_MARKETS = ['SH-A', 'SZ-A', 'SH-B', 'SZ-B', 'BJ'] as const;
export type ShareholderMarket = (typeof SHAREHOLDER_MARKETS)[number];

/** The exchange-assigned code formats, as the server checks them (positions.service.ts CODE_FORMAT). */
export const CODE_FORMAT: Record<ShareholderMarket, RegExp> = {
    'SH-A': /^A\d{9}$/,
    'SZ-A': /^0\d{9}$/,
    'SH-B': /^C\d{9}$/,
    'SZ-B': /^2\d{9}$/,
    BJ: /^\d{10}$/,
};

export const isShareholderMarket = (market: unknown): market is ShareholderMarket =>
    (SHAREHOLDER_MARKETS as readonly unknown[]).includes(market);

export const MARKET_CHOICES = SHAREHOLDER_MARKETS.map((id) => ({ id, name: `counter.markets.${id}` }));

/** i18n key of the format hint for a market (上海A股: A + 9 位数字…), or the general one. */
export const codeHintKey = (market: unknown): string =>
    isShareholderMarket(market)
        ? `resources.shareholder_accounts.hints.${market}`
        : 'resources.shareholder_accounts.hints.none';

/** The code as typed, cleaned: spaces out, letters upper-case ("a123456789 " → "A123456789"). */
export const normalizeShareholderCode = (text: unknown): string =>
    String(text ?? '')
        .replace(/\s+/g, '')
        .toUpperCase();

/** i18n key of what is wrong with a code for a market, or undefined when it fits. */
export const shareholderCodeProblem = (market: unknown, code: unknown): string | undefined => {
    const text = normalizeShareholderCode(code);
    if (!text) return 'ra.validation.required';
    if (!isShareholderMarket(market)) return undefined;
    return CODE_FORMAT[market].test(text) ? undefined : 'resources.shareholder_accounts.validation.code_format';
};
