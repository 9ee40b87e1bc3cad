import Decimal from 'decimal.js';
import { API_URL, httpClient } from '../providers/httpClient';

/** 客户分群 (server/src/modules/segments): money as decimal strings, counts as numbers, dates YYYY-MM-DD. */

export const SEGMENTS = ['conservative', 'steady', 'balanced', 'aggressive', 'dormant'] as const;
export type SegmentCode = (typeof SEGMENTS)[number];

export const INDICATORS = ['assets', 'market_value', 'trade_count', 'commission', 'turnover', 'turnover_rate', 'pnl'];

export interface SegmentRun {
    branch_id: number;
    branch_name: string;
    as_of: string;
    window_from: string;
    k: number;
    seed: number;
    indicators: string[];
    clients: number;
    iterations: number;
    converged: boolean;
    source: 'day_end' | 'manual' | 'seed';
    created_at: string;
    ms: number;
}

export interface SegmentGroup {
    segment: SegmentCode;
    clients: number;
    assets: string;
    market_value: string;
    commission: string;
    turnover: string;
    trade_count: number;
    /** a ratio: 2.5 = 250 % */
    avg_turnover_rate: string;
    pnl: string;
}

export interface Segmentation {
    branch_id: number | null;
    runs: SegmentRun[];
    groups: SegmentGroup[];
}

const url = (path: string, branchId: number | null) =>
    `${API_URL}/segments${path}${branchId === null ? '' : `?branch_id=${branchId}`}`;

export const segmentsApi = {
    get: async (branchId: number | null): Promise<Segmentation> =>
        (await httpClient(url('', branchId))).json as Segmentation,
    refresh: async (branchId: number | null): Promise<Segmentation> =>
        (
            await httpClient(`${API_URL}/segments/refresh`, {
                method: 'POST',
                body: JSON.stringify(branchId === null ? {} : { branch_id: branchId }),
            })
        ).json as Segmentation,
};

/** The groups in the dictionary's order (保守型 … 沉寂型), whatever order the server sends. */
export const orderedGroups = (groups: SegmentGroup[]): SegmentGroup[] =>
    [...groups].sort((a, b) => SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment));

/** A ratio as a percentage with one decimal: "2.5" → "250.0%" (decimal arithmetic). */
export const formatRatioPercent = (ratio: unknown): string => {
    const text = String(ratio ?? '').trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return '—';
    return `${new Decimal(text).times(100).toFixed(1, Decimal.ROUND_HALF_UP)}%`;
};

/** A group's share of all clients, in percent with one decimal. */
export const clientShare = (clients: number, total: number): string =>
    total > 0 ? `${new Decimal(clients).div(total).times(100).toFixed(1, Decimal.ROUND_HALF_UP)}%` : '—';
