import { downloadFile } from '../auto/download';
import { API_URL, httpClient } from '../providers/httpClient';

/** The KPI API (server/src/modules/kpis): decimals are strings, counts numbers, dates YYYY-MM-DD. */

export type Period = 'day' | 'month' | 'ytd' | 'range';
export type Granularity = 'day' | 'month';

export interface Figures {
    turnover: string;
    market_turnover: string;
    /** 万分之 */
    market_share_bp: string;
    commission: string;
    net_commission: string;
    commission_rate_permille: string;
    client_assets: string;
    cash: string;
    market_value: string;
    net_inflow: string;
    accounts_total: number;
    accounts_new: number;
    accounts_closed: number;
    accounts_net: number;
    accounts_active: number;
    accounts_dormant: number;
}

export interface DateRange {
    from: string;
    to: string;
}

export interface Summary {
    branch_id: number | null;
    period: DateRange;
    previous: DateRange;
    year_ago: DateRange;
    figures: Figures;
    previous_figures: Figures | null;
    year_ago_figures: Figures | null;
}

export interface TrendPoint {
    period: string;
    turnover: string;
    commission: string;
    net_commission: string;
    net_inflow: string;
    client_funds: string;
    new_clients: number;
    closed_clients: number;
    market_share_bp: string;
}

export interface TierRow {
    tier: string;
    clients: number;
    assets: string;
}

export interface Tiers {
    date: string;
    by_assets: TierRow[];
    by_contribution: TierRow[];
}

export type RankingBy = 'clients' | 'securities' | 'managers';
export type RankingMetric = 'turnover' | 'commission';

export interface RankingRow {
    rank: number;
    id: number;
    name: string;
    code: string;
    turnover: string;
    commission: string;
    trades: number;
}

export interface ManagerRow {
    manager_id: number;
    name: string;
    clients: number;
    new_clients: number;
    assets: string;
    turnover: string;
    commission: string;
}

export type BranchRow = { branch_id: number; branch_name: string } & Figures;

export type Params = Record<string, string | number | null | undefined>;

/** The KPI tables with an export (GET /api/kpis/<table>/export). */
export type KpiTable = 'summary' | 'trend' | 'tiers' | 'rankings' | 'managers' | 'branches';

/** "/api/kpis/x?a=1&b=2", leaving out empty parameters. */
export const kpiUrl = (path: string, params: Params = {}): string => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
        if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
    }
    const text = query.toString();
    return `${API_URL}/kpis/${path}${text ? `?${text}` : ''}`;
};

const get = async <T>(path: string, params?: Params): Promise<T> => (await httpClient(kpiUrl(path, params))).json as T;

export const kpiApi = {
    summary: (p: { date?: string; period: Period; from?: string; to?: string; branch_id?: number | null }) =>
        get<Summary>('summary', p),
    trend: (p: { from: string; to: string; granularity: Granularity; branch_id?: number | null }) =>
        get<TrendPoint[]>('trend', p),
    tiers: (p: { date: string; branch_id?: number | null }) => get<Tiers>('tiers', p),
    rankings: (p: {
        from: string;
        to: string;
        by: RankingBy;
        metric: RankingMetric;
        top?: number;
        branch_id?: number | null;
    }) => get<RankingRow[]>('rankings', { top: 10, ...p }),
    managers: (p: { from: string; to: string; branch_id?: number | null }) => get<ManagerRow[]>('managers', p),
    branches: (p: { date: string; period: Period; from?: string; to?: string }) => get<BranchRow[]>('branches', p),
    /** The table as .xlsx (the same parameters as its JSON route), saved under the server's name, which it returns. */
    exportXlsx: (table: KpiTable, p: Params): Promise<string | null> =>
        downloadFile(kpiUrl(`${table}/export`, { ...p, format: 'xlsx' }), `${table}.xlsx`),
    /** The last business date closed by a day-end run (the page's default date). */
    lastClosedDate: async (): Promise<string | null> => {
        const query = new URLSearchParams({
            sort: JSON.stringify(['business_date', 'DESC']),
            range: JSON.stringify([0, 0]),
            filter: JSON.stringify({ status: 'completed' }),
        });
        const { json } = await httpClient(`${API_URL}/day_end_runs?${query}`);
        const row = Array.isArray(json) ? (json[0] as { business_date?: string } | undefined) : undefined;
        return row?.business_date ? String(row.business_date).slice(0, 10) : null;
    },
};
