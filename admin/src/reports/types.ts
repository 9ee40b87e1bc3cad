/** A word in both languages, as the server's report declarations carry them. */
export interface Label {
    zh: string;
    en: string;
}

export interface ReportChoice {
    value: string;
    label: Label;
}

export type ParamKind =
    | 'date'
    | 'date_from'
    | 'date_to'
    | 'market'
    | 'currency'
    | 'client'
    | 'client_manager'
    | 'operator'
    | 'branch'
    | 'choice'
    | 'integer';

/** One parameter of a report, as GET /api/reports describes it; the form is drawn from these. */
export interface ReportParamSpec {
    name: string;
    kind: ParamKind;
    label: Label;
    required: boolean;
    choices?: ReportChoice[];
    min?: number;
    max?: number;
    default?: string | number;
}

export interface ReportColumnSpec {
    key: string;
    label: Label;
    type: string;
}

export interface ReportSpec {
    id: string;
    title: Label;
    description: Label;
    orientation: 'portrait' | 'landscape';
    can_run: boolean;
    can_export: boolean;
    params: ReportParamSpec[];
    columns: ReportColumnSpec[];
}

/** GET /api/reports: the reports the operator may run, the choices their forms need, the calendar. */
export interface ReportCatalogue {
    open_date: string;
    last_closed: string | null;
    default_date: string;
    /** SH-A trading days of the last 400 days through the open date, ascending */
    trading_days: string[];
    pdf_max_rows: number;
    choices: {
        market: ReportChoice[];
        currency: ReportChoice[];
        branch: ReportChoice[];
        /** the operators in the caller's scope, for a report's 柜员 parameter */
        operator: ReportChoice[];
    };
    reports: ReportSpec[];
}

/** The header block of REPORTS.md, already worded by the server in the request's language. */
export interface ReportHeader {
    company: string;
    branch: string;
    title: string;
    /** "业务日期：2026-11-30" or "期间：2026-11-01 至 2026-11-30" */
    period: string;
    closed: boolean;
    /** 已日终, or 未日终 · 数据未最终确认 */
    status: string;
    currency: string;
    /** "单位：元" */
    unit: string;
    /** the parameters in words */
    params: string;
    generated_at: string;
    operator: string;
}

export interface PreviewColumn {
    key: string;
    label: string;
    type: string;
    numeric: boolean;
}

export interface PreviewLine {
    kind: 'row' | 'subtotal' | 'total';
    n?: number;
    label?: string;
    count?: number;
    /** formatted text, ready to show */
    cells: Record<string, string>;
}

/** GET /api/reports/{id}: one page of the report as the screen shows it. */
export interface ReportPreview {
    id: string;
    header: ReportHeader;
    columns: PreviewColumn[];
    lines: PreviewLine[];
    page: number;
    per_page: number;
    total_rows: number;
    notes: string[];
    orientation: 'portrait' | 'landscape';
}

export type ReportFormat = 'xlsx' | 'pdf' | 'csv';

/** Parameter name → its text in the query string ('' when left empty). */
export type ParamValues = Record<string, string>;
