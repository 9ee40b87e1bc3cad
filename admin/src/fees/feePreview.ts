import { decimalPattern, DATE_PATTERN } from '../auto/fieldLogic';

/** The sample trade of the fee preview. Prices and amounts stay strings (exact decimals). */
export interface SampleTrade {
    code: string;
    market: string;
    side: 'buy' | 'sell';
    price: string;
    quantity: string;
    client_class: string;
}

export const DEFAULT_SAMPLE: SampleTrade = {
    code: '600519',
    market: 'SH-A',
    side: 'buy',
    price: '1500.00',
    quantity: '100',
    client_class: '',
};

/** The schedule being edited, as POST /api/fee_schedules/preview takes it (`draft`). */
export interface FeeDraft {
    id: number | null;
    fee_item: string;
    scope: string;
    scope_value: string;
    side: string;
    rate: string;
    min_fee: string;
    effective_from: string;
    effective_to: string | null;
}

export interface PreviewRequest {
    date: string;
    side: 'buy' | 'sell';
    price: string;
    quantity: number;
    market: string;
    code?: string;
    client_class: string | null;
    draft?: FeeDraft;
}

export type PreviewPlan = { ok: true; body: PreviewRequest; draftIncluded: boolean } | { ok: false; problem: 'sample' };

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const isDate = (v: string) => DATE_PATTERN.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

/** Today in the browser's calendar, as YYYY-MM-DD. */
export const localToday = (now = new Date()): string =>
    `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/**
 * The form's values as a draft schedule, or null while it is incomplete or malformed (then the
 * preview shows the schedules in force without it).
 */
export const draftFromForm = (form: Record<string, unknown>): FeeDraft | null => {
    const fee_item = text(form.fee_item);
    const scope = text(form.scope);
    const rate = text(form.rate);
    const min_fee = text(form.min_fee) || '0';
    const effective_from = text(form.effective_from);
    const effective_to = text(form.effective_to);
    if (!fee_item || !scope) return null;
    if (!decimalPattern(8).test(rate) || rate.startsWith('-')) return null;
    if (!decimalPattern(2).test(min_fee) || min_fee.startsWith('-')) return null;
    if (!isDate(effective_from)) return null;
    if (effective_to && !isDate(effective_to)) return null;
    const id = typeof form.id === 'number' ? form.id : /^\d+$/.test(text(form.id)) ? Number(form.id) : null;
    return {
        id: id && id > 0 ? id : null,
        fee_item,
        scope,
        scope_value: text(form.scope_value),
        side: text(form.side) || 'both',
        rate,
        min_fee,
        effective_from,
        effective_to: effective_to || null,
    };
};

/**
 * The preview request for a sample trade and the schedule form: dated the form's effective-from
 * date (today when it has none), with the form as a draft when it is complete. Refused (no
 * request) while the sample itself is invalid: price > 0 with at most 3 decimals, a whole
 * quantity ≥ 1, a 6-digit code or none.
 */
export const buildPreviewRequest = (form: Record<string, unknown>, sample: SampleTrade, today: string): PreviewPlan => {
    const price = text(sample.price);
    const quantity = text(sample.quantity);
    const code = text(sample.code);
    const market = text(sample.market);
    const priceOk = /^\d+(\.\d{1,3})?$/.test(price) && /[1-9]/.test(price);
    const quantityOk = /^\d{1,9}$/.test(quantity) && Number(quantity) >= 1 && Number(quantity) <= 100_000_000;
    if (!priceOk || !quantityOk || !market || (code && !/^\d{6}$/.test(code))) return { ok: false, problem: 'sample' };
    const from = text(form.effective_from);
    const draft = draftFromForm(form);
    const body: PreviewRequest = {
        date: isDate(from) ? from : today,
        side: sample.side === 'sell' ? 'sell' : 'buy',
        price,
        quantity: Number(quantity),
        market,
        client_class: text(sample.client_class) || null,
    };
    if (code) body.code = code;
    if (draft) body.draft = draft;
    return { ok: true, body, draftIncluded: !!draft };
};

/** The fee items of an A-share trade, each resolved from one schedule. */
export const FEE_ITEMS = ['commission', 'stamp_duty', 'transfer_fee', 'handling_fee', 'regulatory_fee'] as const;

/** The preview table's lines, in the order a clerk reads a trade confirmation. */
export const PREVIEW_ROWS = [
    'amount',
    'commission',
    'stamp_duty',
    'transfer_fee',
    'handling_fee',
    'regulatory_fee',
    'total_fees',
    'net_commission',
    'net_amount',
] as const;

export type PreviewRow = (typeof PREVIEW_ROWS)[number];

export interface FeeSource {
    id: number;
    scope: string;
    scope_value: string;
    rate: string;
    min_fee?: string;
}

export type PreviewResult = Record<PreviewRow, string> & { sources: Partial<Record<string, FeeSource>> };

/** Whether a line's schedule is the draft: the server files it under the edited id, or -1 when new. */
export const isDraftSource = (source: FeeSource | undefined, draftId: number | null | undefined): boolean =>
    !!source && (source.id === -1 || (draftId != null && source.id === draftId));

/**
 * The sample follows a client-class draft: such a schedule applies only to trades of that class.
 * (A market draft does not move the sample: its security code may not exist in that market.)
 */
export const samplePatchForScope = (scope: string, scopeValue: string): Partial<SampleTrade> | null => {
    if (!scopeValue) return null;
    if (scope === 'client_class') return { client_class: scopeValue };
    return null;
};
