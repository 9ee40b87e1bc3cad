import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, shot } from './browser.js';
import { E2E_PASSWORD, type RunningServer, startServer } from './server.js';
import { signIn } from './session.js';

/**
 * 报表归档 (#/report_packages) as the clearing clerk uses it, on a small demo branch with a few
 * closed days (seeded before the archive is configured, so they have no package yet): 生成报表包
 * for a closed day twice (第 1 版 and 第 2 版, both listed), 校验 in words, and 下载 a zip.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
    server = await startServer({ scale: 0.05, days: 2 });
    browser = await launch();
}, 300_000);
afterAll(async () => {
    await browser?.close();
    await server?.stop();
});

/** The last closed business date, as the API says. */
const lastClosed = (page: Page) =>
    page.evaluate(async () => {
        const runs = await (await fetch('/api/day_end_runs?sort=["business_date","DESC"]')).json();
        return runs.find((r: { status: string }) => r.status === 'completed').business_date as string;
    });

async function generate(page: Page, date: string) {
    await page.getByRole('button', { name: '生成报表包' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name=business_date]').fill(date);
    await dialog.getByRole('button', { name: '生成', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
}

describe('报表归档', () => {
    it('builds a closed day’s package twice as two versions, verifies the chain in words and downloads a zip', async () => {
        const page = await signIn(browser, server.base, 'clerk', E2E_PASSWORD);
        const date = await lastClosed(page);
        await page.getByRole('menuitem', { name: '报表归档' }).click();
        await page.waitForURL(/#\/report_packages/);
        await page.getByText('每个已日终的业务日').waitFor();

        // the demo's archive holds the last closed day's package (its day-end's): the rebuilds are 2 and 3
        await page.getByText('第 1 版', { exact: true }).waitFor();
        await generate(page, date);
        await page.getByText(`已生成 ${date} 第 2 版报表包（7 个文件）`).waitFor();
        await generate(page, date);
        await page.getByText('第 3 版', { exact: true }).waitFor();
        const rows = page.locator('tbody tr');
        expect(await rows.count()).toBe(3);
        const first = await rows.first().innerText();
        expect(first).toContain(date);
        expect(first).toContain('资金日计表');
        expect(first).toContain('7 个文件');
        expect(first).toContain('手工生成');
        expect(first).toContain('KB');

        // a day not yet closed: the server's sentence, in the dialog
        const open = await page.evaluate(
            async () => (await (await fetch('/api/auth/me')).json()).business_date as string,
        );
        await page.getByRole('button', { name: '生成报表包' }).click();
        await page.getByRole('dialog').locator('input[name=business_date]').fill(open);
        await page.getByRole('dialog').getByRole('button', { name: '生成', exact: true }).click();
        await page.getByRole('dialog').getByText('尚未日终').waitFor();
        await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

        await page.getByRole('button', { name: '校验' }).click();
        const result = page.getByTestId('verify-result');
        await result.waitFor({ timeout: 60_000 });
        expect(await result.innerText()).toBe('校验通过：3 个报表包，哈希链完整');
        await shot(page, 'e2e-report-packages-verify');
        await page.getByRole('button', { name: '关闭' }).click();

        const [download] = await Promise.all([
            page.waitForEvent('download'),
            rows.first().getByRole('button', { name: '下载' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`^报表包-.+-${date}-v3\\.zip$`));
        const bytes = readFileSync((await download.path())!);
        expect(bytes.subarray(0, 2).toString()).toBe('PK');

        // no codes on the screen: every word is Chinese
        const text = await page.locator('main').innerText();
        expect(text).not.toMatch(/report_packages|day_end|manual|daily_fund_statement|\{"/);
        await shot(page, 'e2e-report-packages');
    });

    it('a list export past the row threshold becomes a job: the dialog follows it to 下载, and 我的导出 lists it', async () => {
        // the administrator lowers the threshold (系统参数), as a branch would for a slow machine
        const admin = await signIn(browser, server.base, 'admin', E2E_PASSWORD);
        const changed = await admin.evaluate(async () => {
            const me = await (await fetch('/api/auth/me')).json();
            const q = encodeURIComponent(JSON.stringify({ q: 'export_job_threshold_rows' }));
            const [param] = await (await fetch(`/api/system_params?filter=${q}`)).json();
            const res = await fetch(`/api/system_params/${param.id}`, {
                method: 'PUT',
                headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
                body: JSON.stringify({ value: '10', version: param.version }),
            });
            return res.status;
        });
        expect(changed).toBe(200);
        await admin.context().close();

        const page = await signIn(browser, server.base, 'clerk', E2E_PASSWORD);
        // (the menu has 资金流水 twice: the list and the report)
        await page.goto(`${server.base}/#/fund_journal`);
        await page.locator('tbody tr').first().waitFor();
        await page.getByRole('button', { name: '导出' }).click();
        await page.getByRole('menuitem').first().click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('已转为后台导出').waitFor({ timeout: 60_000 });
        const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 120_000 }),
            dialog.getByRole('button', { name: '下载' }).click({ timeout: 120_000 }),
        ]);
        expect(download.suggestedFilename()).toMatch(/^资金流水-.+\.xlsx$/);
        expect(
            readFileSync((await download.path())!)
                .subarray(0, 2)
                .toString(),
        ).toBe('PK');

        await page.getByRole('menuitem', { name: '我的导出' }).click();
        await page.waitForURL(/#\/export_jobs/);
        const row = page.locator('tbody tr').first();
        await row.getByText('已完成').waitFor();
        expect(await row.innerText()).toMatch(/资金流水-.+\.xlsx[\s\S]*已完成[\s\S]*行/);
        expect(await page.locator('main').innerText()).not.toMatch(/export_jobs|completed|fund_journal|\{"/);
        await shot(page, 'e2e-export-jobs');
    });
});
