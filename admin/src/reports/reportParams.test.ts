import { describe, expect, it } from 'vitest';
import {
    dateProblem,
    defaultValues,
    firstTradingDayOfMonth,
    isClosedDate,
    isIsoDate,
    isSelectableDay,
    labelOf,
    monthGrid,
    normalizeCatalogue,
    pageFromSearch,
    paramQuery,
    reportApiUrl,
    reportPath,
    searchFromValues,
    shiftMonth,
    tradingCalendar,
    validateValues,
    valuesFromSearch,
} from './reportParams';
import type { ReportCatalogue, ReportSpec } from './types';

const L = (zh: string, en: string) => ({ zh, en });

// December 2026: the 5th/6th and 12th/13th are weekends; the open date is Thursday the 3rd
const catalogue: ReportCatalogue = {
    open_date: '2026-12-03',
    last_closed: '2026-12-02',
    default_date: '2026-12-02',
    trading_days: ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'],
    pdf_max_rows: 10_000,
    choices: {
        market: [{ value: 'SH-A', label: L('上海A股', 'Shanghai A') }],
        currency: [
            { value: 'CNY', label: L('人民币', 'RMB') },
            { value: 'USD', label: L('美元', 'US dollar') },
        ],
        branch: [],
        operator: [{ value: '7', label: L('李晓梅（teller）', '李晓梅 (teller)') }],
    },
    reports: [],
};
const cal = tradingCalendar(catalogue);

const spec = (params: ReportSpec['params']): ReportSpec => ({
    id: 'x',
    title: L('报表', 'Report'),
    description: L('说明', 'About'),
    orientation: 'portrait',
    can_run: true,
    can_export: true,
    params,
    columns: [],
});

const daily = spec([
    { name: 'date', kind: 'date', label: L('业务日期', 'Business date'), required: true },
    { name: 'currency', kind: 'currency', label: L('币种', 'Currency'), required: false },
]);
const period = spec([
    { name: 'client_id', kind: 'client', label: L('客户', 'Client'), required: true },
    { name: 'date_from', kind: 'date_from', label: L('起始日期', 'From'), required: true },
    { name: 'date_to', kind: 'date_to', label: L('截止日期', 'To'), required: true },
]);
const ranking = spec([
    {
        name: 'by',
        kind: 'choice',
        label: L('排名依据', 'By'),
        required: true,
        default: 'amount',
        choices: [
            { value: 'amount', label: L('成交金额', 'Amount') },
            { value: 'count', label: L('成交笔数', 'Count') },
        ],
    },
    { name: 'top', kind: 'integer', label: L('名次', 'Top'), required: true, min: 1, max: 1000, default: 20 },
]);

describe('dates on the trading calendar', () => {
    it.each([
        ['2026-12-02', null],
        ['2026-12-03', null], // the open date itself: a preview of a day not yet closed
        ['2026-12-05', 'after_open'],
        ['2026-11-28', 'not_trading_day'], // a Saturday inside the window
        ['2026-11-29', 'not_trading_day'],
        ['2020-03-07', null], // before the window: the server decides, so old reports can be regenerated
        ['2026-02-30', 'format'],
        ['2026-1-2', 'format'],
        ['', 'format'],
    ])('%s → %s', (date, problem) => {
        expect(dateProblem(date, cal)).toBe(problem);
    });

    it('lets the calendar pick only listed trading days up to the open date', () => {
        expect(isSelectableDay('2026-12-01', cal)).toBe(true);
        expect(isSelectableDay('2026-11-29', cal)).toBe(false);
        expect(isSelectableDay('2026-12-04', cal)).toBe(false);
    });

    it('knows which dates are closed', () => {
        expect(isClosedDate('2026-12-02', cal)).toBe(true);
        expect(isClosedDate('2026-12-03', cal)).toBe(false);
        expect(isClosedDate('2026-12-01', { lastClosed: null })).toBe(false);
    });

    it('checks calendar days', () => {
        expect(isIsoDate('2028-02-29')).toBe(true);
        expect(isIsoDate('2026-02-29')).toBe(false);
        expect(isIsoDate('2026-13-01')).toBe(false);
    });

    it('finds the first trading day of a month, or the 1st when the calendar has none', () => {
        expect(firstTradingDayOfMonth('2026-12-02', cal)).toBe('2026-12-01');
        expect(firstTradingDayOfMonth('2026-11-30', cal)).toBe('2026-11-27');
        expect(firstTradingDayOfMonth('2026-10-15', cal)).toBe('2026-10-01');
        const newYear = tradingCalendar({ ...catalogue, trading_days: ['2026-12-31', '2027-01-04', '2027-01-05'] });
        expect(firstTradingDayOfMonth('2027-01-05', newYear)).toBe('2027-01-04');
    });
});

describe('form values', () => {
    it('default a date to the last closed date and a period to its month through it', () => {
        expect(defaultValues(daily, cal)).toEqual({ date: '2026-12-02', currency: '' });
        expect(defaultValues(period, cal)).toEqual({ client_id: '', date_from: '2026-12-01', date_to: '2026-12-02' });
        expect(defaultValues(ranking, cal)).toEqual({ by: 'amount', top: '20' });
    });

    it('read the URL over the defaults and ignore what is not a parameter', () => {
        const search = new URLSearchParams('date=2026-11-30&currency=USD&page=3&evil=1');
        expect(valuesFromSearch(daily, search, cal)).toEqual({ date: '2026-11-30', currency: 'USD' });
        expect(valuesFromSearch(daily, new URLSearchParams('date=&currency=%20'), cal)).toEqual({
            date: '2026-12-02',
            currency: '',
        });
    });

    it('round-trip through the URL, leaving out empties, the first page and the default size', () => {
        const values = { client_id: '42', date_from: '2026-11-27', date_to: '2026-12-02' };
        const search = searchFromValues(period, values);
        expect(search).toBe('client_id=42&date_from=2026-11-27&date_to=2026-12-02');
        expect(valuesFromSearch(period, new URLSearchParams(search), cal)).toEqual(values);
        expect(searchFromValues(daily, { date: '2026-12-01', currency: '' }, 2, 100)).toBe(
            'date=2026-12-01&page=2&per_page=100',
        );
        expect(paramQuery(daily, { date: '2026-12-01', currency: '' })).toEqual({ date: '2026-12-01' });
    });

    it('read the page from the URL, falling back on nonsense', () => {
        expect(pageFromSearch(new URLSearchParams('page=3&per_page=100'))).toEqual({ page: 3, perPage: 100 });
        expect(pageFromSearch(new URLSearchParams('page=-1&per_page=7'))).toEqual({ page: 1, perPage: 50 });
        expect(pageFromSearch(new URLSearchParams('page=abc'))).toEqual({ page: 1, perPage: 50 });
    });
});

describe('validation', () => {
    it('accepts the defaults of a report without a required pick', () => {
        expect(validateValues(daily, defaultValues(daily, cal), cal, catalogue)).toEqual({});
        expect(validateValues(ranking, defaultValues(ranking, cal), cal, catalogue)).toEqual({});
    });

    it('asks for the client, refuses a weekend and a period out of order', () => {
        expect(validateValues(period, defaultValues(period, cal), cal, catalogue)).toEqual({
            client_id: { message: 'reports.validation.required' },
        });
        expect(
            validateValues(
                period,
                { client_id: 'abc', date_from: '2026-11-29', date_to: '2026-12-09' },
                cal,
                catalogue,
            ),
        ).toEqual({
            client_id: { message: 'reports.validation.pick' },
            date_from: { message: 'reports.validation.not_trading_day', args: { date: '2026-11-29' } },
            date_to: { message: 'reports.validation.after_open', args: { date: '2026-12-03' } },
        });
        expect(
            validateValues(period, { client_id: '7', date_from: '2026-12-02', date_to: '2026-12-01' }, cal, catalogue),
        ).toEqual({ date_to: { message: 'reports.validation.period_order' } });
    });

    it('keeps integers within bounds and choices among those offered', () => {
        expect(validateValues(ranking, { by: 'volume', top: '0' }, cal, catalogue)).toEqual({
            by: { message: 'reports.validation.choice' },
            top: { message: 'reports.validation.min', args: { min: 1 } },
        });
        expect(validateValues(ranking, { by: 'count', top: '1001' }, cal, catalogue)).toEqual({
            top: { message: 'reports.validation.max', args: { max: 1000 } },
        });
        expect(validateValues(ranking, { by: 'count', top: '2.5' }, cal, catalogue)).toEqual({
            top: { message: 'reports.validation.integer' },
        });
        expect(validateValues(daily, { date: '2026-12-02', currency: 'EUR' }, cal, catalogue)).toEqual({
            currency: { message: 'reports.validation.choice' },
        });
        // a counter (柜员) is one of the operators the catalogue offers
        const counter = spec([
            { name: 'operator_id', kind: 'operator', label: L('柜员', 'Operator'), required: false },
        ]);
        expect(validateValues(counter, { operator_id: '7' }, cal, catalogue)).toEqual({});
        expect(validateValues(counter, { operator_id: '8' }, cal, catalogue)).toEqual({
            operator_id: { message: 'reports.validation.choice' },
        });
    });
});

describe('calendar grid', () => {
    it('lays a month out Monday first', () => {
        const weeks = monthGrid('2026-12');
        // 1 December 2026 is a Tuesday
        expect(weeks[0]).toEqual([
            null,
            '2026-12-01',
            '2026-12-02',
            '2026-12-03',
            '2026-12-04',
            '2026-12-05',
            '2026-12-06',
        ]);
        expect(weeks.flat().filter(Boolean)).toHaveLength(31);
        expect(weeks.every((w) => w.length === 7)).toBe(true);
        // February 2027 starts on a Monday and fills exactly four weeks
        expect(monthGrid('2027-02')).toHaveLength(4);
    });

    it('moves across years', () => {
        expect(shiftMonth('2026-12', 1)).toBe('2027-01');
        expect(shiftMonth('2027-01', -1)).toBe('2026-12');
        expect(shiftMonth('2026-05', -17)).toBe('2024-12');
    });
});

describe('catalogue and URLs', () => {
    it('tolerates a partial catalogue', () => {
        expect(normalizeCatalogue(null)).toEqual({
            open_date: '',
            last_closed: null,
            default_date: '',
            trading_days: [],
            pdf_max_rows: 0,
            choices: { market: [], currency: [], branch: [], operator: [] },
            reports: [],
        });
        const c = normalizeCatalogue({ open_date: '2026-12-03', reports: [{ id: 'a', title: L('甲', 'A') }] });
        expect(c.default_date).toBe('2026-12-03');
        expect(c.reports[0]).toMatchObject({ id: 'a', params: [], columns: [] });
    });

    it('builds the page and API addresses', () => {
        expect(reportPath('daily_fund_statement')).toBe('/reports/daily_fund_statement');
        expect(reportPath('x', 'date=2026-12-01')).toBe('/reports/x?date=2026-12-01');
        expect(reportApiUrl('/api', 'x', '', { date: '2026-12-01', page: '2' })).toBe(
            '/api/reports/x?date=2026-12-01&page=2',
        );
        expect(reportApiUrl('/api', 'x', 'csv', {})).toBe('/api/reports/x/csv');
    });

    it('picks the word of the UI language', () => {
        expect(labelOf(L('资金日计表', 'Daily fund statement'), 'zh-CN')).toBe('资金日计表');
        expect(labelOf(L('资金日计表', 'Daily fund statement'), 'en')).toBe('Daily fund statement');
        expect(labelOf(L('资金日计表', ''), 'en')).toBe('资金日计表');
        expect(labelOf(undefined, 'en')).toBe('');
    });
});
