import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, shot } from './browser.js';
import { E2E_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * 经营指标 (#/kpis) as the branch manager reads it, on the demo branch at scale 1 (DOMAIN.md §7)
 * with a few days of history:
 * the cards with 千分位 figures, a chart drawn on its canvas, a chart switched to its table, and
 * the chart library loaded with the page only (never on the sign-in page nor for the teller).
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
    server = await startServer({ scale: 1, days: 4 });
    browser = await launch();
}, 300_000);
afterAll(async () => {
    await browser?.close();
    await server?.stop();
});

async function signedIn(ctx: BrowserContext, user: string, scripts: string[] = []): Promise<Page> {
    const page = await ctx.newPage();
    page.on('response', (r) => {
        if (r.url().endsWith('.js')) scripts.push(r.url());
    });
    await page.goto(`${server.base}/#/login`);
    await page.locator('input[name=username]').fill(user);
    await page.locator('input[name=password]').fill(E2E_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.locator('.RaSidebar-fixed, .MuiDrawer-root').first().waitFor();
    await page.waitForLoadState('networkidle');
    return page;
}

const MONEY = /^-?\d{1,3}(,\d{3})*\.\d{2}$/;
const COUNT = /^[+-]?\d{1,3}(,\d{3})*$/;

describe('经营指标', () => {
    it('shows the manager the cards, a drawn chart and its table view', async () => {
        const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        const scripts: string[] = [];
        const page = await signedIn(ctx, 'manager', scripts);
        // the sign-in page and the console's home never carry the KPI page's chunk (echarts)
        expect(scripts.filter((s) => /KpiPage/.test(s))).toEqual([]);

        await page.getByRole('menuitem', { name: '经营指标' }).click();
        await page.waitForURL(/#\/kpis/);
        await page.locator('[data-testid=kpi-cards]').waitFor({ timeout: 30_000 });
        expect(scripts.some((s) => /KpiPage/.test(s))).toBe(true);

        // the figures: money with 千分位 and two decimals, counts grouped, market share in 万分之
        const value = async (id: string) =>
            ((await page.locator(`[data-testid=kpi-card-${id}] [data-testid=kpi-value]`).textContent()) ?? '').trim();
        for (const id of ['turnover', 'commission', 'net_commission', 'client_assets', 'net_inflow']) {
            expect(await value(id), id).toMatch(MONEY);
        }
        expect(await value('client_assets')).toMatch(/,/);
        for (const id of ['accounts_total', 'accounts_new', 'accounts_closed', 'accounts_net', 'accounts_active']) {
            expect(await value(id), id).toMatch(COUNT);
        }
        expect(await value('market_share')).toMatch(/^万分之\d+\.\d{2}$/);
        expect(await value('commission_rate')).toMatch(/^\d+\.\d{3}‰$/);
        // figures of the demo branch's order (DOMAIN.md §7): ≈ 14,300 clients, client funds ≈ 3.2 亿,
        // market share ≈ 万分之3.86 — read off the screen, and the funds from the same API call's cash
        const plain = async (id: string) => Number((await value(id)).replace(/[^\d.-]/g, ''));
        expect(await plain('accounts_total')).toBeGreaterThan(13_500);
        expect(await plain('accounts_total')).toBeLessThan(15_500);
        expect(Math.abs((await plain('market_share')) - 3.86)).toBeLessThan(0.5);
        expect(await plain('client_assets')).toBeGreaterThan(300_000_000);
        const summary = await page.evaluate(async () =>
            (await fetch('/api/kpis/summary', { credentials: 'include' })).json(),
        );
        expect(Number(summary.figures.cash)).toBeGreaterThan(290_000_000);
        expect(Number(summary.figures.cash)).toBeLessThan(350_000_000);
        // every card compares: 环比 and 同比, a change or the words for none
        const cards = page.locator('[data-testid^=kpi-card-]');
        expect(await cards.count()).toBe(13);
        for (const text of await cards.allInnerTexts()) {
            expect(text).toMatch(/环比\s*([+-]?[\d,]+\.\d%|无可比数据)/);
            expect(text).toMatch(/同比\s*([+-]?[\d,]+\.\d%|无可比数据)/);
        }
        const main = await page.locator('#main-content').innerText();
        expect(main).not.toMatch(/kpis\.[a-z_.]+/); // no untranslated key
        expect(main).not.toMatch(/[{}[\]"]/); // no raw JSON

        // the trend chart is drawn: its canvas has coloured pixels
        const canvas = page.locator('[data-testid=kpi-trend-chart] canvas').first();
        await canvas.waitFor();
        await page.waitForTimeout(800); // ECharts' first animation
        const drawn = await canvas.evaluate((el) => {
            const c = el as HTMLCanvasElement;
            const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            let painted = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
            return painted;
        });
        expect(drawn).toBeGreaterThan(1000);
        await page.locator('[data-testid=kpi-tiers-chart] canvas').first().waitFor();

        // every panel says something: no loading left, no error
        await page.locator('[data-testid=kpi-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
        expect(await page.locator('[data-testid=kpi-error]').count()).toBe(0);
        await page.locator('[data-testid=kpi-rankings-table] tbody tr').first().waitFor();
        await page.locator('[data-testid=kpi-managers-table] tbody tr').first().waitFor();
        await shot(page, 'kpi-dashboard');

        // the trend as a table: a row per day, amounts with 千分位
        await page.locator('[data-testid=kpi-trend-view-table]').click();
        const table = page.locator('[data-testid=kpi-trend-table]');
        await table.waitFor();
        const amounts = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
        expect(amounts.length).toBeGreaterThan(0);
        for (const a of amounts) expect(a.trim()).toMatch(MONEY);
        expect(await page.locator('[data-testid=kpi-trend-chart]').count()).toBe(0);
        await page.locator('[data-testid=kpi-tiers-view-table]').click();
        await page.locator('[data-testid=kpi-tiers-table]').waitFor();
        await shot(page, 'kpi-dashboard-tables');
        await ctx.close();
    });

    it('is not in the teller’s menu, and the teller’s console never loads it', async () => {
        const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        const scripts: string[] = [];
        const page = await signedIn(ctx, 'teller', scripts);
        expect(await page.getByRole('menuitem', { name: '经营指标' }).count()).toBe(0);
        expect(scripts.filter((s) => /KpiPage/.test(s))).toEqual([]);
        await ctx.close();
    });

    it('gives head office the branch filter and the branch comparison, in English too', async () => {
        const ctx = await browser.newContext({ locale: 'en', viewport: { width: 1440, height: 900 } });
        await ctx.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
        const page = await signedIn(ctx, 'hq');
        await page.goto(`${server.base}/#/kpis`);
        await page.locator('[data-testid=kpi-cards]').waitFor({ timeout: 30_000 });
        await page.locator('[data-testid=kpi-branch-filter]').waitFor();
        await page.locator('[data-testid=kpi-branches-table] tbody tr').first().waitFor({ timeout: 30_000 });
        await page.locator('[data-testid=kpi-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
        const main = await page.locator('#main-content').innerText();
        expect(main).toContain('Branch comparison');
        expect(main).not.toMatch(/kpis\.[a-z_.]+/);
        expect(main).toMatch(/Net inflow/);
        await shot(page, 'kpi-head-office');
        await ctx.close();
    });
});
