import { compareDecimal, parseDecimal, subtractDecimal } from './decimal';

export type OrderSide = 'buy' | 'sell';
export type OrderChannel = 'counter' | 'phone' | 'online';

export const ORDER_CHANNELS: readonly OrderChannel[] = ['counter', 'phone', 'online'];

/** The problems POST /api/orders/estimate names (order-checks.calc.ts and the cash/share checks). */
export const ORDER_PROBLEMS = [
    'quantity_not_positive',
    'lot_multiple',
    'lot_minimum',
    'odd_lot_sell',
    'price_tick',
    'price_band',
    'security_not_trading',
    'client_status',
    'channel_not_allowed',
    'insufficient_shares',
    'insufficient_available',
    // not from the server's list: the estimate has no shareholder account on the market, and
    // placing the order would be refused (no_shareholder_account)
    'no_shareholder_account',
] as const;

export type OrderProblem = (typeof ORDER_PROBLEMS)[number];

/** The i18n key that explains a problem in plain words; unknown codes get a generic message. */
export const problemMessageKey = (problem: string | null | undefined): string | null => {
    if (!problem) return null;
    return (ORDER_PROBLEMS as readonly string[]).includes(problem)
        ? `counter.problems.${problem}`
        : 'counter.problems.unknown';
};

/** What /api/orders/estimate answers. Money and prices are decimal strings. */
export interface OrderEstimate {
    client: { id: number; client_no: string; name: string; status: string };
    security: {
        id: number;
        market: string;
        code: string;
        name: string;
        board: string;
        lot_size: number;
        tick: string;
        prev_close: string;
        price_limit_pct: string;
    };
    shareholder_account: string | null;
    cash: { balance: string; frozen: string };
    sellable: number;
    fees: EstimateFees;
    freeze: string | null;
    /** 委托确认: the line above which the order amount is confirmed, and whether this one is */
    confirm_above?: string;
    confirm?: boolean;
    problem: string | null;
}

export interface EstimateFees {
    amount: string;
    commission: string;
    stamp_duty: string;
    transfer_fee: string;
    handling_fee: string;
    regulatory_fee: string;
    total_fees: string;
    net_commission: string;
    net_amount: string;
    sources?: Record<string, unknown>;
}

/** The problem to show for an estimate: the server's, else a missing shareholder account. */
export const estimateProblem = (
    estimate: Pick<OrderEstimate, 'problem' | 'shareholder_account'> | null | undefined,
): string | null => {
    if (!estimate) return null;
    if (estimate.problem) return estimate.problem;
    return estimate.shareholder_account ? null : 'no_shareholder_account';
};

/** Parameters for the problem messages (lot size, band, what is available). */
export const problemParams = (
    estimate: OrderEstimate | null | undefined,
    band?: { down: string; up: string } | null,
) => ({
    lot: estimate?.security.lot_size ?? 100,
    market: estimate?.security.market ?? '',
    down: band?.down ?? '',
    up: band?.up ?? '',
    sellable: estimate?.sellable ?? 0,
    available: estimate ? (availableCash(estimate.cash) ?? '') : '',
});

/** 可用资金 = balance − frozen, 2 decimals. */
export const availableCash = (cash: { balance: string; frozen: string } | null | undefined): string | null =>
    cash ? subtractDecimal(cash.balance, cash.frozen, 2) : null;

/** The order entry form as typed. */
export interface OrderForm {
    client_id: number | null;
    code: string;
    side: OrderSide;
    price: string;
    quantity: string;
    channel: OrderChannel;
}

export interface OrderRequest {
    client_id: number;
    code: string;
    side: OrderSide;
    price: string;
    quantity: number;
    channel: OrderChannel;
}

/** Grouping commas and spaces (半角/全角) the clerk may type: "1,000" → "1000". */
const clean = (text: string) => text.replace(/[\s,，]/g, '');

/** Full-width digits and point (from a Chinese IME) as ASCII. */
const halfWidth = (text: string) => text.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** The code as the server takes it: "sh600519", "600519", "1" (the server pads and resolves). */
export const normalizeCode = (text: string): string => halfWidth(text).trim().replace(/\s+/g, ' ');

const PRICE = /^\d{1,6}(\.\d{1,3})?$/;
const QUANTITY = /^\d{1,9}$/;

/** i18n key of a typing mistake in the price, or undefined (empty is not a mistake yet). */
export const priceInputProblem = (text: string): string | undefined => {
    const price = clean(halfWidth(text));
    if (price === '') return undefined;
    if (!PRICE.test(price)) return 'counter.validation.price_format';
    if (compareDecimal(price, '0') !== 1) return 'counter.validation.price_positive';
    return undefined;
};

/** i18n key of a typing mistake in the quantity, or undefined (empty is not a mistake yet). */
export const quantityInputProblem = (text: string): string | undefined => {
    const quantity = clean(halfWidth(text));
    if (quantity === '') return undefined;
    if (!QUANTITY.test(quantity) || Number(quantity) < 1 || Number(quantity) > 100_000_000)
        return 'counter.validation.quantity_format';
    return undefined;
};

/**
 * The request for the estimate and the order, or null while the form is incomplete or has a
 * typing mistake (then nothing is sent and the submit button stays disabled).
 */
export const toOrderRequest = (form: OrderForm): OrderRequest | null => {
    const code = normalizeCode(form.code);
    const price = clean(halfWidth(form.price));
    const quantity = clean(halfWidth(form.quantity));
    if (!form.client_id || !code || !price || !quantity) return null;
    if (priceInputProblem(price) || quantityInputProblem(quantity)) return null;
    // the server takes at most 3 decimals and compares exactly: send the canonical form
    const parsed = parseDecimal(price);
    if (!parsed) return null;
    return {
        client_id: form.client_id,
        code,
        side: form.side,
        price,
        quantity: Number(quantity),
        channel: form.channel,
    };
};

/** Field messages of a failed request (already localized by the server), by input. */
export const fieldErrors = (error: unknown): Record<string, string> => {
    const fields =
        (error as { body?: { error?: { fields?: Record<string, unknown> } } } | null)?.body?.error?.fields ?? {};
    return Object.fromEntries(Object.entries(fields).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
    >;
};

/** The server error code of a failed request (e.g. IDEMPOTENCY_CONFLICT). */
export const errorCodeOf = (error: unknown): string | undefined =>
    (error as { body?: { error?: { code?: string } } } | null)?.body?.error?.code;

/**
 * The code as the server reads it (orders.service.ts findSecurity): an optional market prefix
 * (sh, sz, bj, with A/B), then up to 6 digits padded with zeros. null when it cannot be a code.
 */
export const parseSecurityCode = (typed: string): { code: string; market?: string } | null => {
    const m = /^\s*(sh|sz|bj)?[-\s]?(a|b)?\s*(\d{1,6})\s*$/i.exec(normalizeCode(typed));
    if (!m) return null;
    const code = m[3]!.padStart(6, '0');
    const prefix = m[1]?.toUpperCase();
    if (!prefix) return { code };
    return { code, market: prefix === 'BJ' ? 'BJ' : `${prefix}-${(m[2] ?? 'A').toUpperCase()}` };
};

/** How to type a holding's code so it cannot be ambiguous: ('SH-A', '600000') → "sh600000". */
export const typedCode = (market: string, code: string): string => {
    const [exchange, board] = market.split('-');
    if (!exchange) return code;
    const prefix = exchange.toLowerCase();
    return board && board.toUpperCase() !== 'A' ? `${prefix}${board.toLowerCase()}${code}` : `${prefix}${code}`;
};

/** An ID number as an option shows it: "110105********002X". */
export const maskIdNumber = (id: unknown): string => {
    const text = String(id ?? '');
    return text.length > 10 ? `${text.slice(0, 6)}${'*'.repeat(text.length - 10)}${text.slice(-4)}` : text;
};
