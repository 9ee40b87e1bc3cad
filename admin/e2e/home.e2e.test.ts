import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, shot } from './browser.js';
import { signIn as signInAs } from './session.js';

/**
 * Every operator's home page at 1440 × 900: the panels its rights give and none of the others'.
 * The console is shared with the other browser tests, so counts are read, never pinned.
 */
const base = inject('baseUrl');
const password = inject('demoPassword');
let browser: Browser;

beforeAll(async () => {
    browser = await launch();
});
afterAll(async () => {
    await browser?.close();
});

const PANELS = [
    'approvals',
    'operators',
    'param-changes',
    'client-search',
    'openings',
    'cash',
    'orders',
    'day-end',
    'kpis',
    'branch-comparison',
] as const;

async function signIn(user: string): Promise<Page> {
    const page = await signInAs(browser, base, user, password);
    await page.locator('[data-testid^="home-"]').first().waitFor();
    return page;
}

/** The panels on the page, once none of them is still loading. */
async function panels(page: Page): Promise<string[]> {
    await page.waitForFunction(() => !document.querySelector('[data-testid^="home-"] .MuiSkeleton-root'));
    const ids = await page
        .locator('[data-testid^="home-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace(/^home-/, '')));
    return ids.filter((id) => (PANELS as readonly string[]).includes(id));
}

/** No raw codes, ids, JSON or untranslated keys on the page. */
async function noRawText(page: Page) {
    const text = await page.locator('main, #main-content, body').first().innerText();
    expect(text).not.toMatch(/home\.\w+|\{"|undefined|NaN|\[object/);
}

/** The page never scrolls sideways at 1440 px. */
async function fitsWidth(page: Page) {
    const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
}

describe('home page by rights', () => {
    it('admin: approvals, blocked operators, parameter changes today', async () => {
        const page = await signIn('admin');
        expect(await panels(page)).toEqual(['approvals', 'operators', 'param-changes']);
        const params = page.getByTestId('home-param-changes');
        await params.getByText('今日参数变更').waitFor();
        await page.getByTestId('home-operators').getByText('停用或锁定的柜员').waitFor();
        await noRawText(page);
        await fitsWidth(page);
        await shot(page, 'home-admin');
        // the trail opens filtered on today
        await params.getByRole('link', { name: '查看今日操作日志' }).click();
        await page.waitForURL(/#\/audit_log\?filter=.*at_gte/);
        await page.context().close();
    });

    it('teller: client search, openings, cash and orders of the business date', async () => {
        const page = await signIn('teller');
        expect(await panels(page)).toEqual(['client-search', 'openings', 'cash', 'orders']);
        const cash = page.getByTestId('home-cash');
        await expect(cash.getByTestId('cash-deposits').innerText()).resolves.toMatch(/存款\s*(\d[\d,]*\s*笔|—)/);
        await expect(cash.getByTestId('cash-withdrawals').innerText()).resolves.toMatch(/取款\s*(\d[\d,]*\s*笔|—)/);
        // a teller cannot run 资金日计表: no amounts, a pointer to where they are
        await cash.getByText('金额合计请查看资金日计表或资金流水').waitFor();
        expect(await cash.innerText()).not.toMatch(/¥/);
        await expect(page.getByTestId('home-openings').innerText()).resolves.toMatch(/\d/);
        await noRawText(page);
        await fitsWidth(page);
        await shot(page, 'home-teller');
        // the quick search opens the clients list filtered by what was typed
        const search = page.getByTestId('home-client-search');
        await search.getByRole('textbox').fill('刘');
        await search.getByRole('button', { name: '查询' }).click();
        await page.waitForURL(/#\/clients\?filter=/);
        expect(decodeURIComponent(page.url())).toContain('"q":"刘"');
        await page.context().close();
    });

    it('clerk: the day-end readiness (and the approvals a clerk decides)', async () => {
        const page = await signIn('clerk');
        expect(await panels(page)).toEqual(['day-end', 'approvals']);
        const dayEnd = page.getByTestId('home-day-end');
        await expect(dayEnd.getByTestId('day-end-date').innerText()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
        await expect(dayEnd.getByTestId('day-end-trade-report').innerText()).resolves.toMatch(
            /已导入|无需导入|尚未导入/,
        );
        await expect(dayEnd.getByTestId('day-end-banks').innerText()).resolves.toMatch(/已对账|未对账/);
        await noRawText(page);
        await fitsWidth(page);
        await shot(page, 'home-clerk');
        await dayEnd.getByRole('link', { name: '日终处理' }).click();
        await page.waitForURL(/#\/day_end_runs/);
        await page.context().close();
    });

    it('manager: KPIs (or a word that they are not there yet) and the approvals to decide', async () => {
        const page = await signIn('manager');
        expect(await panels(page)).toEqual(['kpis', 'approvals']);
        const kpis = page.getByTestId('home-kpis');
        const text = await kpis.innerText();
        if (await kpis.getByRole('link', { name: '查看经营指标' }).count()) {
            // figures as the server gave them, with 千分位
            await expect(kpis.getByTestId('kpi-turnover').innerText()).resolves.toMatch(/¥\d{1,3}(,\d{3})*\.\d{2}/);
        } else {
            expect(text).toMatch(/尚未上线|暂时无法读取/);
        }
        await page.getByTestId('home-approvals').getByRole('link', { name: '进入复核' }).waitFor();
        await noRawText(page);
        await fitsWidth(page);
        await shot(page, 'home-manager');
        await page.context().close();
    });
});
