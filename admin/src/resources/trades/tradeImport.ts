/** One line of a trade-report file that was not recorded, and why (trades.service.ts). */
export interface UnmatchedLine {
    line: number;
    trade_id?: string;
    reason: string;
    text?: string;
}

/** What POST /api/trades/import answers; /api/trades/simulate adds the file it wrote. */
export interface ImportResult {
    lines: number;
    recorded: number;
    duplicates: number;
    unmatched: UnmatchedLine[];
    file_name?: string;
    csv?: string;
}

/** 成交配对 reasons: the line's order and the line disagree. */
export const MATCH_REASONS = [
    'unknown_order',
    'order_mismatch',
    'account_mismatch',
    'order_closed',
    'overfill',
    'price_beyond_limit',
    'wrong_date',
] as const;

/** format_* reasons: the line itself cannot be read (trade-report.csv.ts LineProblem). */
export const FORMAT_REASONS = ['header', 'columns', 'date', 'side', 'quantity', 'price', 'blank_field'] as const;

/** The i18n key explaining a reason; an unknown format_* is a generic 格式错误. */
export const reasonKey = (reason: string): string => {
    if ((MATCH_REASONS as readonly string[]).includes(reason)) return `resources.trades.reasons.${reason}`;
    if (reason.startsWith('format_')) {
        const detail = reason.slice('format_'.length);
        return (FORMAT_REASONS as readonly string[]).includes(detail)
            ? `resources.trades.reasons.${reason}`
            : 'resources.trades.reasons.format';
    }
    return 'resources.trades.reasons.other';
};

/** Unmatched lines in file order (format problems are listed first by the server). */
export const sortUnmatched = (lines: UnmatchedLine[]): UnmatchedLine[] => [...lines].sort((a, b) => a.line - b.line);

/** The seed of the simulated exchange: a whole number from 0 to 1,000,000 (the server's limits). */
export const parseSeed = (text: string): number | null => {
    const trimmed = text.trim();
    if (!/^\d{1,7}$/.test(trimmed)) return null;
    const seed = Number(trimmed);
    return seed <= 1_000_000 ? seed : null;
};

/** The simulated file as a download: the same CSV the import reads (UTF-8, "\n" line ends). */
export const csvBlob = (csv: string): Blob => new Blob([csv], { type: 'text/csv;charset=utf-8' });

/** The server refuses files over 20 MB (trades.routes.ts MAX_REPORT_BYTES). */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
