import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, shot } from './browser.js';

/**
 * Issue 2 as a newcomer does it: the IT admin signs in, creates a role and an operator; the new
 * operator signs in, must change the temporary password, sees only the allowed menu, and the API
 * refuses what the menu hides.
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

async function signIn(page: Page, username: string, pw: string) {
    await page.goto(`${base}/#/login`);
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(pw);
    await page.getByRole('button', { name: '登录' }).click();
}

/** The branch manager opens the approvals inbox (复核), opens the newest pending change and approves it. */
async function approveNewestAsManager(shotName: string) {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    const page = await ctx.newPage();
    await signIn(page, 'manager', password);
    await page.getByText('欢迎').first().waitFor();
    await page.goto(`${base}/#/approvals`);
    await page.locator('tbody tr').first().waitFor();
    await shot(page, `${shotName}-inbox`);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText (what the user sees), not the DOM property
    const id = (await page.locator('tbody tr').first().locator('td').first().innerText()).trim();
    await page.goto(`${base}/#/approvals/${id}/show`);
    await page.getByRole('button', { name: '复核通过' }).first().click();
    await shot(page, `${shotName}-decision`);
    const decided = page.waitForResponse((r) => r.url().endsWith(`/api/approvals/${id}/approve`));
    await page.getByRole('dialog').getByRole('button', { name: '复核通过' }).click();
    expect((await decided).status()).toBe(200);
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await shot(page, `${shotName}-approved`);
    await ctx.close();
}

async function menuItems(page: Page) {
    await page.getByRole('menuitem').first().waitFor();
    return (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

describe("the console's foundation in a browser", () => {
    it('admin creates a role and an operator; the operator sees only what the role allows', async () => {
        const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(base);
        await page.locator('input[name=username]').waitFor();
        await shot(page, 'e2e-01-login');

        await signIn(page, 'admin', password);
        await page.getByText('欢迎').first().waitFor();
        expect(await menuItems(page)).toEqual(expect.arrayContaining(['柜员', '角色', '操作日志']));
        await shot(page, 'e2e-02-admin-home');

        // a role that may only read the branch list and the audit trail
        await page.goto(`${base}/#/roles/create`);
        await page.locator('input[name=code]').fill('e2e_viewer');
        await page.locator('input[name=name]').fill('查询专员');
        for (const box of ['营业部 · 列表', '营业部 · 查看', '操作日志 · 列表', '操作日志 · 查看'])
            await page.getByLabel(box, { exact: true }).check();
        await shot(page, 'e2e-03-role-matrix');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('查询专员').first().waitFor();

        // an operator holding it, with a temporary password
        await page.goto(`${base}/#/operators/create`);
        await page.locator('input[name=username]').fill('e2e_zhao');
        await page.locator('input[name=name]').fill('赵一鸣');
        await page.locator('input[name=password]').fill('Temp2026e2e');
        await page.getByRole('combobox', { name: '角色' }).click();
        await page.getByRole('option', { name: '查询专员' }).click();
        await page.keyboard.press('Escape');
        await shot(page, 'e2e-04-operator-create');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('e2e_zhao').first().waitFor();
        await shot(page, 'e2e-05-operator-created');

        // giving the operator a role is a grant: the branch manager approves it (复核)
        await approveNewestAsManager('e2e-05b-grant');

        // the new operator: forced to change the password, then a menu of exactly the granted rights
        const ctx2 = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
        const page2 = await ctx2.newPage();
        await signIn(page2, 'e2e_zhao', 'Temp2026e2e');
        await page2.waitForURL(/change-password/);
        await shot(page2, 'e2e-06-forced-password-change');
        await page2.locator('input[name=current_password]').fill('Temp2026e2e');
        await page2.locator('input[name=new_password]').fill('Mine2026e2e');
        await page2.locator('input[name=confirm_password]').fill('Mine2026e2e');
        await page2.getByRole('button', { name: /修改密码|保存/ }).click();
        await page2.waitForURL((u) => !u.hash.includes('change-password'));
        const items = await menuItems(page2);
        expect(items).toEqual(expect.arrayContaining(['营业部', '操作日志']));
        expect(items).not.toContain('柜员');
        expect(items).not.toContain('角色');
        await shot(page2, 'e2e-07-limited-menu');

        // the server refuses what the menu hides
        const status = await page2.evaluate(
            async () => (await fetch('/api/operators', { credentials: 'same-origin' })).status,
        );
        expect(status).toBe(403);
        const allowed = await page2.evaluate(
            async () => (await fetch('/api/audit_log', { credentials: 'same-origin' })).status,
        );
        expect(allowed).toBe(200);
        await ctx2.close();
        await ctx.close();
    });
});

describe('fee schedules under maker-checker, with the live preview', () => {
    it('the IT admin changes the commission rate, the manager approves it, the preview shows the new fees', async () => {
        const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 1000 } });
        const page = await ctx.newPage();
        await signIn(page, 'admin', password);
        await page.getByText('欢迎').first().waitFor();
        const id = await page.evaluate(async () => {
            const filter = encodeURIComponent(JSON.stringify({ fee_item: 'commission', scope: 'default' }));
            const rows = (await (await fetch(`/api/fee_schedules?filter=${filter}`)).json()) as {
                id: number;
                effective_to: string | null;
            }[];
            return rows.find((r) => r.effective_to === null)!.id;
        });
        await page.goto(`${base}/#/fee_schedules`);
        await page.locator('tbody tr').first().waitFor();
        await shot(page, 'e2e-10-fee-schedules');
        await page.goto(`${base}/#/fee_schedules/${id}`);
        const preview = page.getByRole('table', { name: '费用试算' });
        // 600519 × 100 at 1,500.00 = 150,000.00; commission at 0.0003 = 45.00
        await preview.getByRole('cell', { name: '45.00', exact: true }).waitFor();
        await page.locator('input[name=rate]').fill('0.00025');
        // the preview follows the draft: 150,000.00 × 0.00025 = 37.50
        await preview.getByRole('cell', { name: '37.50', exact: true }).waitFor();
        await shot(page, 'e2e-11-fee-edit-preview');
        await page.getByRole('button', { name: '保存' }).click();
        await page.getByText('已提交复核').first().waitFor();
        await shot(page, 'e2e-12-fee-submitted');

        await approveNewestAsManager('e2e-13-fee');

        // saved and in force: the preview now shows 37.50 without any draft change
        await page.goto(`${base}/#/fee_schedules/${id}/show`);
        await page.goto(`${base}/#/fee_schedules/${id}`);
        await page.getByRole('table', { name: '费用试算' }).getByRole('cell', { name: '37.50', exact: true }).waitFor();
        expect(await page.locator('input[name=rate]').inputValue()).toMatch(/^0\.000250*$/);
        await shot(page, 'e2e-14-fee-after-approval');
        await ctx.close();
    });
});
