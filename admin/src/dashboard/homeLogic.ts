/**
 * The home page's pure rules: which panels an operator's rights give, how a list's total is read
 * from its Content-Range header, the links into filtered lists, and the small tallies the panels
 * show. No fetching here (see homeApi.ts), so every rule is unit-tested.
 */

export type PanelId =
    | 'approvals'
    | 'operators'
    | 'param_changes'
    | 'openings'
    | 'cash'
    | 'orders'
    | 'client_search'
    | 'day_end'
    | 'kpis'
    | 'branch_comparison';

/** The order the panels appear in: the day's work first, then what waits for a decision. */
export const PANEL_ORDER: readonly PanelId[] = [
    'client_search',
    'openings',
    'cash',
    'orders',
    'day_end',
    'kpis',
    'branch_comparison',
    'approvals',
    'operators',
    'param_changes',
];

/** The parameter resources (declared in the permission catalog's `admin` category, operators and roles apart). */
export const PARAM_RESOURCES = [
    'system_params',
    'branches',
    'markets',
    'seats',
    'banks',
    'securities',
    'fee_schedules',
    'trading_calendar',
    'dictionary',
    'client_managers',
    'market_totals',
] as const;

/** The audit actions that change a parameter. */
export const PARAM_CHANGE_ACTIONS: ReadonlySet<string> = new Set(['create', 'update', 'delete', 'import']);

/**
 * The panels the rights allow, in display order: chosen by right, never by role code, so a
 * custom role gets what its rights cover and an operator with several roles gets several sets.
 * A panel needs the right to read what it shows as well as the right that makes it part of the
 * operator's work (an IT admin's write rights, a teller's create rights, the clerk's run right).
 */
export const panelsFor = (permissions: readonly string[], allBranches = false): PanelId[] => {
    const has = (p: string) => permissions.includes(p);
    const itAdmin = has('operators.edit') || has('roles.edit') || has('system_params.edit');
    const writesParams = PARAM_RESOURCES.some((r) => has(`${r}.edit`) || has(`${r}.create`));
    const on = new Set<PanelId>();
    if (has('approvals.list')) on.add('approvals');
    if (itAdmin && has('operators.list')) on.add('operators');
    if (itAdmin && writesParams && has('audit_log.list')) on.add('param_changes');
    if (has('clients.create') && has('clients.list')) {
        on.add('openings');
        on.add('client_search');
    }
    if (has('fund_journal.create') && has('fund_journal.list')) on.add('cash');
    if (has('orders.create') && has('orders.list')) on.add('orders');
    if ((has('day_end_runs.run') || has('trades.create')) && has('day_end_runs.list')) on.add('day_end');
    if (has('kpis.list')) on.add(allBranches ? 'branch_comparison' : 'kpis');
    return PANEL_ORDER.filter((p) => on.has(p));
};

/**
 * The total of a list from its Content-Range header ("items 0-0/123" → 123), as
 * ra-data-simple-rest reads it; null when the header is missing or unreadable.
 */
export const totalOf = (contentRange: string | null | undefined): number | null => {
    if (!contentRange) return null;
    const total = Number.parseInt(contentRange.split('/').pop() ?? '', 10);
    return Number.isFinite(total) && total >= 0 ? total : null;
};

/** The query string of a list request in ra-data-simple-rest's shape. */
export const listQuery = (
    filter: Record<string, unknown>,
    range: [number, number] = [0, 0],
    sort?: [string, 'ASC' | 'DESC'],
): string => {
    const parts = [
        `filter=${encodeURIComponent(JSON.stringify(filter))}`,
        `range=${encodeURIComponent(JSON.stringify(range))}`,
    ];
    if (sort) parts.push(`sort=${encodeURIComponent(JSON.stringify(sort))}`);
    return parts.join('&');
};

/** A link to a react-admin list with a filter applied (for react-router's `to`). */
export const listLink = (resource: string, filter: Record<string, unknown> = {}) => ({
    pathname: `/${resource}`,
    search: Object.keys(filter).length ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : '',
});

/** The calendar date of a moment in the browser's time zone: "2026-12-03". */
export const localDate = (at: Date): string => {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

export interface OperatorRow {
    id: number;
    name: string;
    username: string;
    status: string;
    locked_until?: string | null;
}

/** Operators who cannot sign in now: disabled, or locked after failed sign-ins (lock not yet expired). */
export const blockedOperators = (rows: readonly OperatorRow[], now: Date) =>
    rows
        .map((o) => ({
            ...o,
            disabled: o.status === 'disabled',
            locked: !!o.locked_until && new Date(o.locked_until).getTime() > now.getTime(),
        }))
        .filter((o) => o.disabled || o.locked);

export interface PendingApproval {
    id: number;
    resource: string;
    operation: string;
    maker_id: number;
    maker_name?: string | null;
    created_at: string;
    summary?: string | null;
}

/** What the server lets an operator decide: never their own change, and only with the resource's approve right. */
export const canDecide = (
    a: Pick<PendingApproval, 'resource' | 'maker_id'>,
    me: { id: number; permissions: readonly string[] },
) => a.maker_id !== me.id && me.permissions.includes(`${a.resource}.approve`);

export interface AuditRow {
    id: number;
    at: string;
    action: string;
    resource: string;
    name?: string | null;
    username?: string | null;
}

/** The day's parameter changes among audit rows: per resource (most first) and the latest few. */
export const paramChanges = (rows: readonly AuditRow[], latest = 3) => {
    const changes = rows.filter((r) => PARAM_CHANGE_ACTIONS.has(r.action));
    const per = new Map<string, number>();
    for (const r of changes) per.set(r.resource, (per.get(r.resource) ?? 0) + 1);
    return {
        count: changes.length,
        byResource: [...per].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
        latest: [...changes].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).slice(0, latest),
    };
};

/** A report preview (GET /api/reports/<id>), as far as the home page reads it. */
export interface ReportPreview {
    total_rows: number;
    lines: { kind: string; n?: number; cells: Record<string, string | null | undefined> }[];
}

/**
 * The day's deposits and withdrawals from the 资金日计表 preview of one currency, as the server
 * summed them: its lines come in a fixed order (上日余额, 存款, 取款, … 本日余额: 17 lines), so
 * line 2 is the deposits (贷方) and line 3 the withdrawals (借方). Anything else — another
 * layout, no line — gives null, and the panel shows the counts alone.
 */
export const cashFromStatement = (p: ReportPreview | null | undefined) => {
    if (!p || p.total_rows !== 17) return null;
    const row = (n: number) => p.lines.find((l) => l.kind === 'row' && l.n === n)?.cells;
    const deposit = row(2);
    const withdrawal = row(3);
    if (!deposit || !withdrawal) return null;
    const plain = (v: unknown) => String(v ?? '').replace(/,/g, '');
    const decimal = /^-?\d+(\.\d+)?$/;
    const out = {
        deposits: plain(deposit.credit),
        withdrawals: plain(withdrawal.debit),
    };
    return decimal.test(out.deposits) && decimal.test(out.withdrawals) ? out : null;
};

/** A moment as the home page's lists show it, in the browser's time zone: "12-03 10:32" (today: "10:32"). */
export const shortTime = (iso: string, now: Date = new Date()): string => {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
    return localDate(at) === localDate(now) ? time : `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
};

export interface KpiGlance {
    from: string;
    to: string;
    turnover: string;
    commission: string;
    client_assets: string;
    accounts_new: number;
}

/**
 * The few figures the home page shows from GET /api/kpis/summary (the period's 成交额, 佣金,
 * 客户资产 and 新开户), or null for any answer not of that shape — a page served in its place,
 * an older or newer API — so a figure is shown only when the server gave it.
 */
export const kpiGlance = (json: unknown): KpiGlance | null => {
    if (!json || typeof json !== 'object') return null;
    const body = json as { period?: { from?: unknown; to?: unknown }; figures?: Record<string, unknown> };
    const f = body.figures;
    const date = /^\d{4}-\d{2}-\d{2}$/;
    const decimal = /^-?\d+(\.\d+)?$/;
    if (!f || typeof body.period?.from !== 'string' || typeof body.period?.to !== 'string') return null;
    if (!date.test(body.period.from) || !date.test(body.period.to)) return null;
    const money = ['turnover', 'commission', 'client_assets'].map((k) => String(f[k] ?? ''));
    if (!money.every((m) => decimal.test(m)) || !Number.isInteger(f.accounts_new)) return null;
    return {
        from: body.period.from,
        to: body.period.to,
        turnover: money[0]!,
        commission: money[1]!,
        client_assets: money[2]!,
        accounts_new: f.accounts_new as number,
    };
};
