import { describe, expect, it } from 'vitest';
import { kpiUrl } from './kpiApi';
import { kpiMessages } from './messages';
import { leaves, tokens } from '../i18n/messageTree';

describe('KPI messages', () => {
    const zh = new Map(leaves(kpiMessages.zh));
    const en = new Map(leaves(kpiMessages.en));

    it('zh and en have the same keys and interpolation tokens, all under kpis.*, none empty', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
        for (const [key, value] of zh) expect(tokens(en.get(key) as string), key).toEqual(tokens(value as string));
        for (const [key, value] of [...zh, ...en]) {
            expect(key.startsWith('kpis.'), key).toBe(true);
            expect(typeof value === 'string' && value.trim() !== '', key).toBe(true);
        }
    });

    it('words every tier and trend metric the API sends', () => {
        for (const tier of ['large', 'medium', 'small', 'core', 'quality', 'active', 'dormant']) {
            expect(zh.has(`kpis.tiers.${tier}`), tier).toBe(true);
        }
        for (const m of ['turnover', 'commission', 'net_commission', 'net_inflow', 'client_funds', 'new_clients']) {
            expect(zh.has(`kpis.metric.${m}`), m).toBe(true);
        }
    });
});

describe('kpiUrl', () => {
    it('builds the query, leaving out empty parameters', () => {
        expect(kpiUrl('summary', { date: '2026-12-02', period: 'month', branch_id: null, from: undefined })).toBe(
            '/api/kpis/summary?date=2026-12-02&period=month',
        );
        expect(kpiUrl('rankings', { from: '2026-12-01', to: '2026-12-02', by: 'clients', top: 10, branch_id: 2 })).toBe(
            '/api/kpis/rankings?from=2026-12-01&to=2026-12-02&by=clients&top=10&branch_id=2',
        );
        expect(kpiUrl('tiers')).toBe('/api/kpis/tiers');
    });
});
