import { describe, expect, it } from 'vitest';
import { homeMessages } from './messages';
import {
    blockedOperators,
    canDecide,
    cashFromStatement,
    kpiGlance,
    listLink,
    listQuery,
    localDate,
    panelsFor,
    paramChanges,
    shortTime,
    totalOf,
    type ReportPreview,
} from './homeLogic';

const grant = (resource: string, ...actions: string[]) => actions.map((a) => `${resource}.${a}`);

// the built-in roles' rights, as far as the home page reads them
const ADMIN = [
    ...grant('operators', 'list', 'show', 'create', 'edit'),
    ...grant('roles', 'list', 'edit', 'approve'),
    ...grant('system_params', 'list', 'edit'),
    ...grant('fee_schedules', 'list', 'create', 'edit', 'approve'),
    ...grant('audit_log', 'list', 'show'),
    ...grant('approvals', 'list', 'show', 'approve'),
    ...grant('day_end_runs', 'list', 'show'),
];
const TELLER = [
    ...grant('clients', 'list', 'show', 'create', 'edit'),
    ...grant('fund_journal', 'list', 'show', 'create'),
    ...grant('orders', 'list', 'show', 'create', 'edit'),
    ...grant('trades', 'list', 'show'),
];
const CLERK = [
    ...grant('trades', 'list', 'show', 'create'),
    ...grant('orders', 'list', 'show'),
    ...grant('fund_journal', 'list', 'show', 'approve'),
    ...grant('day_end_runs', 'list', 'show', 'run'),
    ...grant('approvals', 'list', 'show', 'approve'),
    ...grant('daily_fund_statement', 'run'),
];
const MANAGER = [
    ...grant('kpis', 'list', 'show'),
    ...grant('operators', 'list', 'show'),
    ...grant('roles', 'list', 'show', 'approve'),
    ...grant('audit_log', 'list', 'show'),
    ...grant('clients', 'list', 'show'),
    ...grant('approvals', 'list', 'show', 'approve'),
    ...grant('day_end_runs', 'list', 'show'),
];
const HQ = [
    ...grant('kpis', 'list', 'show'),
    ...grant('operators', 'list', 'show'),
    ...grant('approvals', 'list', 'show'),
    ...grant('clients', 'list', 'show'),
];

describe('panelsFor', () => {
    it('gives each built-in role its panels by its rights', () => {
        expect(panelsFor(ADMIN)).toEqual(['approvals', 'operators', 'param_changes']);
        expect(panelsFor(TELLER)).toEqual(['client_search', 'openings', 'cash', 'orders']);
        expect(panelsFor(CLERK)).toEqual(['day_end', 'approvals']);
        expect(panelsFor(MANAGER)).toEqual(['kpis', 'approvals']);
        expect(panelsFor(HQ, true)).toEqual(['branch_comparison', 'approvals']);
    });

    it('reads rights, not roles: a custom role gets what its rights allow, several roles add up', () => {
        expect(panelsFor(grant('orders', 'list', 'create'))).toEqual(['orders']);
        expect(panelsFor(grant('orders', 'create'))).toEqual([]); // cannot read what it would show
        expect(panelsFor(grant('trades', 'create').concat(grant('day_end_runs', 'list')))).toEqual(['day_end']);
        expect(panelsFor([...TELLER, ...MANAGER])).toEqual([
            'client_search',
            'openings',
            'cash',
            'orders',
            'kpis',
            'approvals',
        ]);
        expect(panelsFor([])).toEqual([]);
    });

    it('reading operators or the trail is not IT administration', () => {
        expect(panelsFor(grant('operators', 'list')).includes('operators')).toBe(false);
        expect(panelsFor(grant('audit_log', 'list')).includes('param_changes')).toBe(false);
        // operators without parameter rights: operators, but no parameter changes
        expect(panelsFor(grant('operators', 'list', 'edit').concat(grant('audit_log', 'list')))).toEqual(['operators']);
    });
});

describe('totalOf', () => {
    it('reads the total of a Content-Range header as ra-data-simple-rest does', () => {
        expect(totalOf('approvals 0-0/123')).toBe(123);
        expect(totalOf('items */0')).toBe(0);
        expect(totalOf(null)).toBeNull();
        expect(totalOf('garbage')).toBeNull();
    });
});

describe('links and queries', () => {
    it('builds list requests and list links with JSON filters', () => {
        expect(decodeURIComponent(listQuery({ status: 'pending' }, [0, 4], ['created_at', 'DESC']))).toBe(
            'filter={"status":"pending"}&range=[0,4]&sort=["created_at","DESC"]',
        );
        expect(decodeURIComponent(listQuery({}))).toBe('filter={}&range=[0,0]');
        expect(listLink('clients', { q: '张三' })).toEqual({
            pathname: '/clients',
            search: `?filter=${encodeURIComponent('{"q":"张三"}')}`,
        });
        expect(listLink('operators')).toEqual({ pathname: '/operators', search: '' });
    });

    it('dates and times in the browser zone', () => {
        const at = new Date(2026, 11, 3, 9, 5);
        expect(localDate(at)).toBe('2026-12-03');
        expect(shortTime(at.toISOString(), new Date(2026, 11, 3, 18))).toBe('09:05');
        expect(shortTime(at.toISOString(), new Date(2026, 11, 4, 8))).toBe('12-03 09:05');
        expect(shortTime('not a date')).toBe('');
    });
});

describe('tallies', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    it('finds disabled and still-locked operators', () => {
        const out = blockedOperators(
            [
                { id: 1, name: '甲', username: 'a', status: 'active', locked_until: null },
                { id: 2, name: '乙', username: 'b', status: 'disabled' },
                { id: 3, name: '丙', username: 'c', status: 'active', locked_until: '2026-12-03T10:15:00Z' },
                { id: 4, name: '丁', username: 'd', status: 'active', locked_until: '2026-12-03T09:00:00Z' },
            ],
            now,
        );
        expect(out.map((o) => [o.id, o.disabled, o.locked])).toEqual([
            [2, true, false],
            [3, false, true],
        ]);
    });

    it('decides only others’ changes with the resource’s approve right', () => {
        const me = { id: 7, permissions: ['fee_schedules.approve'] };
        expect(canDecide({ resource: 'fee_schedules', maker_id: 8 }, me)).toBe(true);
        expect(canDecide({ resource: 'fee_schedules', maker_id: 7 }, me)).toBe(false);
        expect(canDecide({ resource: 'seats', maker_id: 8 }, me)).toBe(false);
    });

    it('counts the parameter changes of the trail, latest first', () => {
        const out = paramChanges([
            { id: 1, at: '2026-12-03T01:00:00Z', action: 'update', resource: 'system_params' },
            { id: 2, at: '2026-12-03T02:00:00Z', action: 'list', resource: 'system_params' },
            { id: 3, at: '2026-12-03T03:00:00Z', action: 'import', resource: 'securities' },
            { id: 4, at: '2026-12-03T04:00:00Z', action: 'create', resource: 'securities' },
            { id: 5, at: '2026-12-03T05:00:00Z', action: 'download', resource: 'banks' },
        ]);
        expect(out.count).toBe(3);
        expect(out.byResource).toEqual([
            ['securities', 2],
            ['system_params', 1],
        ]);
        expect(out.latest.map((r) => r.id)).toEqual([4, 3, 1]);
    });
});

describe('cashFromStatement', () => {
    const statement = (deposit: string, withdrawal: string, rows = 17): ReportPreview => ({
        total_rows: rows,
        lines: [
            { kind: 'row', n: 1, cells: { opening: '1,000.00' } },
            { kind: 'row', n: 2, cells: { entries: '3', debit: '0.00', credit: deposit } },
            { kind: 'row', n: 3, cells: { entries: '1', debit: withdrawal, credit: '0.00' } },
        ],
    });
    it('reads the server’s sums of deposits and withdrawals', () => {
        expect(cashFromStatement(statement('1,234,567.80', '50,000.00'))).toEqual({
            deposits: '1234567.80',
            withdrawals: '50000.00',
        });
    });
    it('gives up on any other shape', () => {
        expect(cashFromStatement(statement('1.00', '2.00', 16))).toBeNull();
        expect(cashFromStatement(statement('', '2.00'))).toBeNull();
        expect(cashFromStatement(undefined)).toBeNull();
    });
});

describe('home messages', () => {
    const leaves = (tree: object, prefix = ''): string[] =>
        Object.entries(tree).flatMap(([k, v]) =>
            typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`],
        );
    it('zh and en say the same things', () => {
        expect(leaves(homeMessages.en).sort()).toEqual(leaves(homeMessages.zh).sort());
    });
});

describe('kpiGlance', () => {
    const answer = {
        period: { from: '2026-12-01', to: '2026-12-02' },
        figures: { turnover: '123456789.50', commission: '1234.56', client_assets: '320000000.00', accounts_new: 12 },
    };
    it('reads the headline figures of the KPI summary', () => {
        expect(kpiGlance(answer)).toEqual({
            from: '2026-12-01',
            to: '2026-12-02',
            turnover: '123456789.50',
            commission: '1234.56',
            client_assets: '320000000.00',
            accounts_new: 12,
        });
    });
    it('shows nothing for an answer of another shape (a page served in its place)', () => {
        expect(kpiGlance(undefined)).toBeNull();
        expect(kpiGlance('<!doctype html>')).toBeNull();
        expect(kpiGlance({ ...answer, figures: { ...answer.figures, turnover: 'n/a' } })).toBeNull();
        expect(kpiGlance({ figures: answer.figures })).toBeNull();
    });
});
