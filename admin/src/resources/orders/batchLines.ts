import {
    normalizeCode,
    priceInputProblem,
    quantityInputProblem,
    type OrderChannel,
    type OrderSide,
} from './orderLogic';

/** The server takes at most this many orders in one POST /api/orders/batch. */
export const MAX_BATCH = 200;

/** One row of the batch form: what the clerk typed, kept as text so a mistake can be corrected. */
export interface BatchRow {
    code: string;
    side: OrderSide;
    price: string;
    quantity: string;
}

export interface ParsedLine {
    /** 1-based line number in the pasted text */
    line: number;
    text: string;
    row?: BatchRow;
    /** i18n key of what is wrong with the line */
    problem?: string;
}

const SIDES: Record<string, OrderSide> = {
    buy: 'buy',
    b: 'buy',
    买: 'buy',
    买入: 'buy',
    sell: 'sell',
    s: 'sell',
    卖: 'sell',
    卖出: 'sell',
};

/** "买入", "B", "buy" → buy; "卖出", "S", "sell" → sell; anything else → undefined. */
export const parseSide = (text: string): OrderSide | undefined => SIDES[text.trim().toLowerCase()];

const HEADER_WORDS = new Set(['code', '代码', '证券代码']);

/** Half-width digits, commas, point (what a Chinese IME may put in a paste). */
const halfWidth = (text: string) =>
    text.replace(/[０-９．，]/g, (ch) => (ch === '，' ? ',' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));

/**
 * Parses pasted lines "code,side,price,quantity" (comma, tab or spaces between; 买入/卖出, B/S or
 * buy/sell). Blank lines, # comments and a header line are skipped; every other line comes back
 * with its row or the key of its problem, so the clerk sees which line to fix.
 */
export const parseBatchLines = (text: string): ParsedLine[] => {
    const out: ParsedLine[] = [];
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
        const line = i + 1;
        const trimmed = halfWidth(raw).trim();
        if (!trimmed || trimmed.startsWith('#')) continue;
        const parts = (
            trimmed.includes(',') || trimmed.includes('\t') ? trimmed.split(/\s*[,\t]\s*/) : trimmed.split(/\s+/)
        ).map((p) => p.trim());
        if (HEADER_WORDS.has(parts[0]!.toLowerCase())) continue;
        const bad = (problem: string) => out.push({ line, text: raw, problem });
        if (parts.length !== 4 || parts.some((p) => p === '')) {
            bad('counter.batch.problems.columns');
            continue;
        }
        const [codeText, sideText, price, quantity] = parts as [string, string, string, string];
        // whether the code names a security is the server's answer, per order, in its words
        const code = normalizeCode(codeText);
        const side = parseSide(sideText);
        if (!side) {
            bad('counter.batch.problems.side');
            continue;
        }
        if (priceInputProblem(price)) {
            bad('counter.batch.problems.price');
            continue;
        }
        if (quantityInputProblem(quantity)) {
            bad('counter.batch.problems.quantity');
            continue;
        }
        out.push({ line, text: raw, row: { code, side, price, quantity } });
    }
    return out;
};

/** A row is ready to send when every cell is filled and well-formed. */
export const rowProblem = (row: BatchRow): string | undefined => {
    if (!normalizeCode(row.code)) return 'counter.batch.problems.code';
    if (!row.price.trim() || priceInputProblem(row.price)) return 'counter.batch.problems.price';
    if (!row.quantity.trim() || quantityInputProblem(row.quantity)) return 'counter.batch.problems.quantity';
    return undefined;
};

/** The body of POST /api/orders/batch for one client and channel. */
export const toBatchOrders = (rows: BatchRow[], clientId: number, channel: OrderChannel) =>
    rows.map((r) => ({
        client_id: clientId,
        code: normalizeCode(r.code),
        side: r.side,
        price: r.price.replace(/[\s,，]/g, ''),
        quantity: Number(r.quantity.replace(/[\s,，]/g, '')),
        channel,
    }));

/** One answer of POST /api/orders/batch. */
export interface BatchResult {
    index: number;
    ok: boolean;
    order?: { id: number; order_no: string; [key: string]: unknown };
    error?: { code?: string; message?: string; fields?: Record<string, unknown> };
}

/** A refused row's reason: the server's field messages (already localized), else its message. */
export const batchErrorText = (error: BatchResult['error']): string => {
    const fields = Object.values(error?.fields ?? {}).filter((v): v is string => typeof v === 'string');
    return fields.length ? fields.join('；') : (error?.message ?? '');
};
