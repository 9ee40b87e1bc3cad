import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.js';
import { E2E_PASSWORD, type RunningServer, startServer } from './server.js';
import { signIn } from './session.js';

/**
 * 客户分群 (#/segments) as the branch manager reads it, on a small demo branch with a few closed
 * days: the five groups in words with their figures (沉寂型 the largest, as in any branch), the
 * chart and its table, 重新分群 with its confirmation, and a group's 客户名单 opening the report.
 */
// the README's picture is refreshed on request (UPDATE_DOCS=1); a plain run leaves the tracked file alone
const DOCS_DIR = path.resolve(process.env.UPDATE_DOCS ? 'admin/docs' : (process.env.SHOTS_DIR ?? 'screenshots'));
const NAMES = ['保守型', '稳健型', '平衡型', '进取型', '沉寂型'];
const SEGMENTS = ['conservative', 'steady', 'balanced', 'aggressive', 'dormant'];
const COUNT = /^\d{1,3}(,\d{3})*$/;
const WAN = /^-?\d{1,3}(,\d{3})*\.\d{2} 万元$/;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
    server = await startServer({ scale: 0.1, days: 3 });
    browser = await launch();
}, 300_000);
afterAll(async () => {
    await browser?.close();
    await server?.stop();
});

/** 重新分群, confirmed, until the new result is on the page. */
async function refresh(page: Page) {
    await page.getByTestId('segments-refresh').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByTestId('segments-refresh').filter({ hasText: '重新分群' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('segment-card-dormant').waitFor({ timeout: 30_000 });
}

describe('客户分群', () => {
    it('shows the manager the five groups in words, compares them, re-segments and opens a group’s clients', async () => {
        const page = await signIn(browser, server.base, 'manager', E2E_PASSWORD);
        await page.getByRole('menuitem', { name: '客户分群', exact: true }).click();
        await page.waitForURL(/#\/segments/);
        await page.getByTestId('segments-page').waitFor();
        await page.getByTestId('kpi-loading').first().waitFor({ state: 'detached', timeout: 30_000 });

        // no run yet: a sentence and the button; a run: re-segment anyway, by hand
        const hadRun = (await page.getByTestId('segments-empty').count()) === 0;
        await refresh(page);
        const header = (await page.getByTestId('segments-header').innerText()).trim();
        expect(header).toMatch(/截至 \d{4}-\d{2}-\d{2}（手动刷新）/);
        expect(header).toMatch(/分为 5 群/);
        expect(header).toMatch(/分群指标：.*总资产/);
        expect(header).toMatch(/换手率/);

        // a card per group, by its name, with figures: clients, share, assets in 万元
        const sizes: Record<string, number> = {};
        for (const [i, code] of SEGMENTS.entries()) {
            const card = page.getByTestId(`segment-card-${code}`);
            expect((await card.getByTestId('segment-name').innerText()).trim()).toBe(NAMES[i]);
            const clients = (await card.getByTestId('segment-clients').innerText()).trim();
            expect(clients, code).toMatch(COUNT);
            sizes[code] = Number(clients.replace(/,/g, ''));
            expect((await card.getByTestId('segment-assets').innerText()).trim(), code).toMatch(WAN);
            expect(await card.innerText()).toMatch(/占比 \d+\.\d%/);
            expect(await card.innerText()).toMatch(/平均换手率\s*\d[\d,]*\.\d%/);
        }
        const largest = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0]![0];
        expect(largest).toBe('dormant');
        expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);

        // the chart is drawn, and its table carries the same groups
        const canvas = page.locator('[data-testid=segments-chart] canvas').first();
        await canvas.waitFor();
        await page.waitForTimeout(800); // ECharts' first animation
        const painted = await canvas.evaluate((el) => {
            const c = el as HTMLCanvasElement;
            const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
            return n;
        });
        expect(painted).toBeGreaterThan(1000);
        await page.screenshot({ path: path.join(process.env.SHOTS_DIR ?? '/tmp', 'segments.png'), fullPage: true });
        if (process.env.UPDATE_DOCS)
            await page.screenshot({ path: path.join(DOCS_DIR, 'segments.png'), fullPage: true });
        await shot(page, `e2e-segments${hadRun ? '' : '-first-run'}`);

        const main = await page.locator('#main-content').innerText();
        for (const name of NAMES) expect(main).toContain(name);
        expect(main).not.toMatch(/\b(conservative|steady|balanced|aggressive|dormant|day_end|manual|seed)\b/);
        expect(main).not.toMatch(/\b(kpis|segments)\.[a-z_.]+/);
        expect(main).not.toMatch(/\b(market_value|trade_count|turnover_rate|commission|assets|pnl)\b/);

        await page.getByTestId('segments-view-table').click();
        const rows = page.getByTestId('segments-table').locator('tbody tr');
        await rows.first().waitFor();
        expect(await rows.count()).toBe(5);
        expect((await rows.nth(4).innerText()).split('\t')[0]!.trim()).toBe('沉寂型');

        // 客户名单 of 沉寂型: the client_segments report on the run's date, with rows of that group
        await page.getByTestId('segment-list-dormant').click();
        await page.waitForURL(/#\/reports\/client_segments\?date=\d{4}-\d{2}-\d{2}&segment=dormant/);
        const report = page.getByTestId('report-table');
        await report.locator('tbody tr').first().waitFor({ timeout: 30_000 });
        const lines = await report.locator('tbody tr').allInnerTexts();
        expect(lines.length).toBeGreaterThan(5);
        expect(lines.filter((l) => l.includes('沉寂型')).length).toBeGreaterThan(0);
        expect(lines.some((l) => /保守型|稳健型|平衡型|进取型/.test(l))).toBe(false);
        await page.context().close();
    });

    it('gives head office every branch summed or one, without 重新分群, in English too', async () => {
        const ctx = await browser.newContext({ locale: 'en', viewport: { width: 1440, height: 900 } });
        await ctx.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
        const page = await ctx.newPage();
        await page.goto(`${server.base}/#/login`);
        await page.locator('input[name=username]').fill('hq');
        await page.locator('input[name=password]').fill(E2E_PASSWORD);
        await page.locator('button[type=submit]').click();
        await page.locator('.RaSidebar-fixed, .MuiDrawer-root').first().waitFor();
        await page.goto(`${server.base}/#/segments`);
        await page.getByTestId('segment-card-dormant').waitFor({ timeout: 30_000 });
        await page.getByTestId('segments-branch-filter').waitFor();
        expect(await page.getByTestId('segments-refresh').count()).toBe(0);
        const main = await page.locator('#main-content').innerText();
        for (const name of ['Conservative', 'Steady', 'Balanced', 'Aggressive', 'Dormant'])
            expect(main).toContain(name);
        expect(main).toMatch(/Grouped on: Assets, Market value/);
        expect(main).not.toMatch(/\b(kpis|segments)\.[a-z_.]+/);
        expect(main).not.toMatch(/[\u4e00-\u9fff]{2}型/);
        await ctx.close();
    });

    it('is not in the teller’s menu', async () => {
        const page = await signIn(browser, server.base, 'teller', E2E_PASSWORD);
        expect(await page.getByRole('menuitem', { name: '客户分群', exact: true }).count()).toBe(0);
        await page.context().close();
    });
});
