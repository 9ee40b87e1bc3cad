import type { Label, ParamValues, ReportCatalogue, ReportParamSpec, ReportSpec } from './types';

/** The URL segment of the report pages (`#/reports`, `#/reports/<id>`). */
export const REPORTS_PATH = '/reports';

export const reportPath = (id: string, search = ''): string =>
    `${REPORTS_PATH}/${encodeURIComponent(id)}${search ? `?${search}` : ''}`;

/** The preview's page sizes; the server serves at most 200 lines a page. */
export const PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_PER_PAGE = 50;

/** The word of a label in the UI's language (zh-CN → zh, anything else → en). */
export const labelOf = (label: Label | undefined, locale: string): string => {
    if (!label) return '';
    return (locale.startsWith('zh') ? label.zh : label.en) || label.zh || label.en || '';
};

/** The trading calendar a form checks dates against, from the catalogue. */
export interface TradingCalendar {
    days: ReadonlySet<string>;
    /** the first and last trading day the catalogue lists (its window); undefined when it lists none */
    first?: string;
    last?: string;
    openDate: string;
    lastClosed: string | null;
    defaultDate: string;
}

export const tradingCalendar = (
    catalogue: Pick<ReportCatalogue, 'trading_days' | 'open_date' | 'last_closed' | 'default_date'>,
): TradingCalendar => {
    const sorted = [...catalogue.trading_days].sort();
    return {
        days: new Set(sorted),
        first: sorted[0],
        last: sorted[sorted.length - 1],
        openDate: catalogue.open_date,
        lastClosed: catalogue.last_closed,
        defaultDate: catalogue.default_date,
    };
};

/** 'YYYY-MM-DD' naming a real calendar day. */
export const isIsoDate = (text: string): boolean => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const d = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
};

export type DateProblem = 'format' | 'after_open' | 'not_trading_day';

/**
 * Why a business date cannot be asked for, or null. After the open business date nothing has
 * happened yet; inside the catalogue's window (the last 400 days) only SH-A trading days are
 * business dates. Older dates cannot be checked here and are left to the server, so that a past
 * report can still be regenerated.
 */
export const dateProblem = (date: string, cal: TradingCalendar): DateProblem | null => {
    if (!isIsoDate(date)) return 'format';
    if (date > cal.openDate) return 'after_open';
    if (cal.first !== undefined && date >= cal.first && !cal.days.has(date)) return 'not_trading_day';
    return null;
};

/** Whether a date may be picked in the calendar (the calendar shows only the catalogue's window). */
export const isSelectableDay = (date: string, cal: TradingCalendar): boolean =>
    date <= cal.openDate && cal.days.has(date);

/** Whether the day-end of a business date has completed (its figures are final). */
export const isClosedDate = (date: string, cal: Pick<TradingCalendar, 'lastClosed'>): boolean =>
    cal.lastClosed !== null && date <= cal.lastClosed;

/** The first trading day of a date's month (up to the date), else the 1st of that month. */
export const firstTradingDayOfMonth = (date: string, cal: TradingCalendar): string => {
    const month = date.slice(0, 7);
    for (const day of [...cal.days].sort()) if (day.startsWith(month) && day <= date) return day;
    return `${month}-01`;
};

const isDateKind = (p: ReportParamSpec) => p.kind === 'date' || p.kind === 'date_from' || p.kind === 'date_to';

/**
 * The form's starting values: a business date defaults to the catalogue's default date (the last
 * closed one), a period to the first trading day of that month through it; other parameters take
 * the declaration's default or stay empty (全部).
 */
export const defaultValues = (report: Pick<ReportSpec, 'params'>, cal: TradingCalendar): ParamValues => {
    const values: ParamValues = {};
    for (const p of report.params) {
        if (p.kind === 'date' || p.kind === 'date_to') values[p.name] = cal.defaultDate;
        else if (p.kind === 'date_from') values[p.name] = firstTradingDayOfMonth(cal.defaultDate, cal);
        else values[p.name] = p.default === undefined || p.default === null ? '' : String(p.default);
    }
    return values;
};

/** The report's parameters as the URL carries them, over the defaults (unknown names are ignored). */
export const valuesFromSearch = (
    report: Pick<ReportSpec, 'params'>,
    search: URLSearchParams,
    cal: TradingCalendar,
): ParamValues => {
    const values = defaultValues(report, cal);
    for (const p of report.params) {
        const text = search.get(p.name);
        if (text !== null && text.trim() !== '') values[p.name] = text.trim();
    }
    return values;
};

/** The preview page the URL asks for: page ≥ 1, a page size from PAGE_SIZES. */
export const pageFromSearch = (search: URLSearchParams): { page: number; perPage: number } => {
    const page = Number(search.get('page'));
    const perPage = Number(search.get('per_page'));
    return {
        page: Number.isInteger(page) && page >= 1 && page <= 999_999 ? page : 1,
        perPage: (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE,
    };
};

/** The non-empty parameters, in the declaration's order: what the server is asked with. */
export const paramQuery = (report: Pick<ReportSpec, 'params'>, values: ParamValues): Record<string, string> => {
    const query: Record<string, string> = {};
    for (const p of report.params) {
        const text = (values[p.name] ?? '').trim();
        if (text !== '') query[p.name] = text;
    }
    return query;
};

/** The URL query of a report page: its parameters, then the page when not the first and the size when not the default. */
export const searchFromValues = (
    report: Pick<ReportSpec, 'params'>,
    values: ParamValues,
    page = 1,
    perPage = DEFAULT_PER_PAGE,
): string => {
    const search = new URLSearchParams(paramQuery(report, values));
    if (page > 1) search.set('page', String(page));
    if (perPage !== DEFAULT_PER_PAGE) search.set('per_page', String(perPage));
    return search.toString();
};

/** A problem of one input, as an i18n key and its arguments. */
export interface ParamProblem {
    message: string;
    args?: Record<string, string | number>;
}

const choicesOf = (p: ReportParamSpec, catalogue: Pick<ReportCatalogue, 'choices'>) => {
    switch (p.kind) {
        case 'market':
            return catalogue.choices.market;
        case 'currency':
            return catalogue.choices.currency;
        case 'branch':
            return catalogue.choices.branch;
        case 'operator':
            return catalogue.choices.operator;
        case 'choice':
            return p.choices ?? [];
        default:
            return undefined;
    }
};

/** The choices a select shows for a parameter (markets, currencies, branches, or its own). */
export const paramChoices = (p: ReportParamSpec, catalogue: Pick<ReportCatalogue, 'choices'>) =>
    choicesOf(p, catalogue) ?? [];

/**
 * The form's own checks before asking the server (which checks again): required values, business
 * dates on the trading calendar and not after the open date, a period in order, integers within
 * bounds, choices among those offered.
 */
export const validateValues = (
    report: Pick<ReportSpec, 'params'>,
    values: ParamValues,
    cal: TradingCalendar,
    catalogue: Pick<ReportCatalogue, 'choices'>,
): Record<string, ParamProblem> => {
    const problems: Record<string, ParamProblem> = {};
    for (const p of report.params) {
        const text = (values[p.name] ?? '').trim();
        if (text === '') {
            if (p.required) problems[p.name] = { message: 'reports.validation.required' };
            continue;
        }
        if (isDateKind(p)) {
            const problem = dateProblem(text, cal);
            if (problem === 'format') problems[p.name] = { message: 'reports.validation.date_format' };
            else if (problem === 'after_open')
                problems[p.name] = { message: 'reports.validation.after_open', args: { date: cal.openDate } };
            else if (problem === 'not_trading_day')
                problems[p.name] = { message: 'reports.validation.not_trading_day', args: { date: text } };
        } else if (p.kind === 'integer') {
            const n = Number(text);
            if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(n))
                problems[p.name] = { message: 'reports.validation.integer' };
            else if (p.min !== undefined && n < p.min)
                problems[p.name] = { message: 'reports.validation.min', args: { min: p.min } };
            else if (p.max !== undefined && n > p.max)
                problems[p.name] = { message: 'reports.validation.max', args: { max: p.max } };
        } else if (p.kind === 'client' || p.kind === 'client_manager') {
            if (!/^[1-9]\d{0,15}$/.test(text)) problems[p.name] = { message: 'reports.validation.pick' };
        } else {
            const choices = choicesOf(p, catalogue);
            if (choices && !choices.some((c) => c.value === text))
                problems[p.name] = { message: 'reports.validation.choice' };
        }
    }
    const from = report.params.find((p) => p.kind === 'date_from');
    const to = report.params.find((p) => p.kind === 'date_to');
    if (from && to && !problems[from.name] && !problems[to.name]) {
        const a = values[from.name] ?? '';
        const b = values[to.name] ?? '';
        if (a && b && a > b) problems[to.name] = { message: 'reports.validation.period_order' };
    }
    return problems;
};

/** 'YYYY-MM' moved by some months. */
export const shiftMonth = (month: string, delta: number): string => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const index = y * 12 + (m - 1) + delta;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** A month as weeks of seven days, Monday first (as Chinese calendars print them); null pads the edges. */
export const monthGrid = (month: string): (string | null)[][] => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const first = new Date(Date.UTC(y, m - 1, 1));
    const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7;
    const cells: (string | null)[] = Array.from({ length: lead }, () => null);
    for (let d = 1; d <= length; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks: (string | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return weeks;
};

/** Tolerates a partial catalogue: the menu and the pages must not crash on a missing list. */
export const normalizeCatalogue = (json: unknown): ReportCatalogue => {
    const body = (json && typeof json === 'object' ? json : {}) as Partial<ReportCatalogue>;
    const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
    const choices = (body.choices ?? {}) as Partial<ReportCatalogue['choices']>;
    const openDate = typeof body.open_date === 'string' ? body.open_date : '';
    return {
        open_date: openDate,
        last_closed: typeof body.last_closed === 'string' ? body.last_closed : null,
        default_date: typeof body.default_date === 'string' ? body.default_date : openDate,
        trading_days: list(body.trading_days),
        pdf_max_rows: typeof body.pdf_max_rows === 'number' ? body.pdf_max_rows : 0,
        choices: {
            market: list(choices.market),
            currency: list(choices.currency),
            branch: list(choices.branch),
            operator: list(choices.operator),
        },
        reports: list(body.reports).map((r) => ({ ...r, params: list(r.params), columns: list(r.columns) })),
    };
};

/** A report's URL under the API: the preview (`suffix` empty) or a file (`xlsx`, `pdf`, `csv`). */
export const reportApiUrl = (apiUrl: string, id: string, suffix: string, query: Record<string, string>): string => {
    const search = new URLSearchParams(query).toString();
    return `${apiUrl}/reports/${encodeURIComponent(id)}${suffix ? `/${suffix}` : ''}${search ? `?${search}` : ''}`;
};
