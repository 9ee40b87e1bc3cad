import { Decimal } from 'decimal.js';

export type OrderSide = 'buy' | 'sell';
export type OrderChannel = 'counter' | 'phone' | 'online';

export const ORDER_CHANNELS: readonly OrderChannel[] = ['counter', 'phone', 'online'];

/**
 * What /api/orders/estimate answers. Money and prices are decimal strings. The server owns every
 * order rule: the security a code names, the band, the lot rule and the problem, worded in the
 * operator's language (problem_text). Asked before a price and a quantity are typed, fees,
 * freeze and confirm are null.
 */
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
    /** 涨跌停价 */
    band: { down: string; up: string };
    /** a buy: at least `minimum`, then steps of `step` */
    lot: { minimum: number; step: number };
    shareholder_account: string | null;
    cash: { balance: string; frozen: string };
    sellable: number;
    fees: EstimateFees | null;
    freeze: string | null;
    /** 委托确认: the line above which the order amount is confirmed, and whether this one is */
    confirm_above?: string;
    confirm?: boolean;
    /** the first problem, as a code (no_shareholder_account offers to open the account) … */
    problem: string | null;
    /** … and as the clerk reads it */
    problem_text: string | null;
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

/** 可用资金 = balance − frozen, 2 decimals. */
export const availableCash = (cash: { balance: string; frozen: string } | null | undefined): string | null =>
    cash ? new Decimal(cash.balance).minus(cash.frozen).toFixed(2) : null;

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

/** What the estimate is asked while the order is being typed: price and quantity once they are typed well. */
export type EstimateRequest = Omit<OrderRequest, 'price' | 'quantity'> & { price?: string; quantity?: number };

/** Grouping commas and spaces (半角/全角) the clerk may type: "1,000" → "1000". */
const clean = (text: string) => text.replace(/[\s,，]/g, '');

/** Full-width digits and point (from a Chinese IME) as ASCII. */
const halfWidth = (text: string) => text.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/** The code as the server takes it: "sh600519", "600519", "1" (the server pads and resolves). */
export const normalizeCode = (text: string): string => halfWidth(text).trim().replace(/\s+/g, ' ');

/*
 * Only the shape of the inputs is checked here, because a request cannot even be sent without
 * it: the server takes a price as a number with at most 3 decimals and a quantity as a whole
 * number. Whether the order is right (lot, tick, band, cash, shares) is the estimate's answer.
 */
const PRICE = /^\d{1,6}(\.\d{1,3})?$/;
const QUANTITY = /^\d{1,9}$/;

/** i18n key of a typing mistake in the price, or undefined (empty is not a mistake yet). */
export const priceInputProblem = (text: string): string | undefined => {
    const price = clean(halfWidth(text));
    if (price === '') return undefined;
    if (!PRICE.test(price)) return 'counter.validation.price_format';
    if (new Decimal(price).lte(0)) return 'counter.validation.price_positive';
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
 * The estimate's request: as soon as the client and the code are typed (the security, its band,
 * the cash and the holding show), with the price and the quantity once each is typed well.
 * null without a client or a code.
 */
export const toEstimateRequest = (form: OrderForm): EstimateRequest | null => {
    const code = normalizeCode(form.code);
    if (!form.client_id || !code) return null;
    const price = clean(halfWidth(form.price));
    const quantity = clean(halfWidth(form.quantity));
    return {
        client_id: form.client_id,
        code,
        side: form.side,
        ...(price && !priceInputProblem(price) ? { price } : {}),
        ...(quantity && !quantityInputProblem(quantity) ? { quantity: Number(quantity) } : {}),
        channel: form.channel,
    };
};

/**
 * The request for the order, or null while the form is incomplete or has a typing mistake
 * (then the submit button stays disabled).
 */
export const toOrderRequest = (form: OrderForm): OrderRequest | null => {
    const request = toEstimateRequest(form);
    if (!request || request.price === undefined || request.quantity === undefined) return null;
    return { ...request, price: request.price, quantity: request.quantity };
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
