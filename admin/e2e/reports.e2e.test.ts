import { Decimal } from 'decimal.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';
import { signIn as signInAs, idNumber } from './session.js';

/**
 * 报表管理 as the clearing clerk uses it the morning after: a teller opened an account and took a
 * deposit, the clerk closed the day; 资金日计表 opens from the menu on the last closed date
 * (已日终), shows the deposit under 存款 and the balance check line, and downloads as .xlsx and PDF.
 */
const base = inject('baseUrl');
const password = inject('demoPassword');
// the README's pictures are refreshed on request (UPDATE_DOCS=1); a plain run leaves the tracked files alone
const DOCS_DIR = path.resolve(process.env.UPDATE_DOCS ? 'admin/docs' : (process.env.SHOTS_DIR ?? 'screenshots'));
// an amount no other test posts, so its cell is easy to find
const DEPOSIT = '123456.78';
let browser: Browser;
let downloads: string;

beforeAll(async () => {
    browser = await launch();
    downloads = mkdtempSync(path.join(tmpdir(), 'bc-e2e-reports-'));
});
afterAll(async () => {
    await browser?.close();
    rmSync(downloads, { recursive: true, force: true });
});

const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, password);

/** A call to the API from the signed-in page (the set-up the report does not cover); throws on an error answer. */
const api = async (page: Page, path: string, body?: unknown) => {
    const { status, json } = await page.evaluate(
        async ([path, body]) => {
            const me = await (await fetch('/api/auth/me')).json();
            const r = await fetch(
                path as string,
                body === undefined
                    ? {}
                    : {
                          method: 'POST',
                          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
                          body: JSON.stringify(body),
                      },
            );
            return { status: r.status, json: await r.json().catch(() => null) };
        },
        [path, body] as const,
    );
    if (status >= 400) throw new Error(`${path} → ${status} ${JSON.stringify(json)}`);
    return json;
};

describe('reports in a browser', () => {
    it('资金日计表 of the last closed day: the deposit, the check line, .xlsx and PDF', async () => {
        // the teller opens an account and takes a deposit; the clerk closes the day
        const teller = await signIn('teller');
        const client = await api(teller, '/api/clients', {
            name: '韩冬梅',
            id_number: idNumber('21050219850315004'),
            phone: '13904140418',
        });
        await api(teller, '/api/fund_journal', {
            account_id: client.fund_account_id,
            type: 'deposit',
            amount: DEPOSIT,
            idempotency_key: `e2e-report-deposit-${Date.now()}`,
        });
        const clerk = await signIn('clerk');
        // the clerk acknowledges whatever the other browser tests left to warn about (an order without its trade report)
        const { business_date: closed, warnings } = await api(clerk, '/api/day_end_runs/precheck');
        const run = await api(clerk, '/api/day_end_runs', {
            business_date: closed,
            acknowledged: (warnings as { code: string }[]).map((w) => w.code),
        });
        expect(run.status).toBe('completed');
        // the day's deposits as the journal has them (other browser tests may have taken some too)
        const journal = (await api(
            clerk,
            `/api/fund_journal?filter=${encodeURIComponent(JSON.stringify({ type: 'deposit', business_date_gte: closed, business_date_lte: closed }))}&range=[0,999]`,
        )) as { amount: string }[];
        expect(journal.map((e) => e.amount)).toContain(DEPOSIT);
        const total = journal.reduce((sum, e) => sum.plus(e.amount), new Decimal(0)).toFixed(2);
        const deposited = total.replace(/\B(?=(\d{3})+(?!\d))(?=\d*\.)/g, ',');

        // 报表管理 → 资金日计表: the last closed date preselected, its status 已日终
        await clerk.goto(`${base}/#/`);
        await clerk.getByRole('menuitem', { name: '资金日计表' }).click();
        await clerk.waitForURL(/#\/reports\/daily_fund_statement/);
        await expect.poll(() => clerk.locator('input[name=date]').inputValue()).toBe(closed);
        const header = clerk.getByTestId('report-header');
        await header.waitFor();
        expect(await header.textContent()).toContain(closed);
        expect(await clerk.getByTestId('report-status').textContent()).toBe('已日终');
        // the form says so too, beside the date (from the catalogue this visit fetched, after the day-end)
        await clerk.locator('form').getByText('已日终', { exact: true }).waitFor();

        // the deposit under 存款 (人民币), and the balance check line under the table
        const deposits = clerk
            .getByTestId('report-table')
            .locator('tbody tr', { hasText: '人民币' })
            .filter({ hasText: /存款/ })
            .first();
        await deposits.waitFor();
        expect(await deposits.textContent()).toContain(deposited);
        const notes = await clerk.getByTestId('report-notes').textContent();
        expect(notes).toMatch(/人民币：上日余额 .* \+ 贷方 .* − 借方 .* = 本日余额 .*（平衡）/);
        expect(notes).not.toContain('不平衡');
        // 小计 in bold in the 序号 column
        const subtotal = clerk.locator('tr[data-kind=subtotal]').first();
        expect(await subtotal.textContent()).toContain('小计 人民币');
        expect(
            await subtotal
                .locator('td')
                .first()
                .evaluate((td) => getComputedStyle(td).fontWeight),
        ).toBe('700');
        mkdirSync(DOCS_DIR, { recursive: true });
        await clerk.screenshot({ path: path.join(DOCS_DIR, 'report-daily-fund-statement.png'), fullPage: true });
        await shot(clerk, 'e2e-30-report-daily-fund-statement');

        // the files, under the report's Chinese name, with real content
        const xlsx = await download(clerk, '下载 Excel');
        expect(path.basename(xlsx)).toBe(`资金日计表-${closed}.xlsx`);
        expect(statSync(xlsx).size).toBeGreaterThan(5_000);
        expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
        const pdf = await download(clerk, '下载 PDF');
        expect(path.basename(pdf)).toBe(`资金日计表-${closed}.pdf`);
        expect(statSync(pdf).size).toBeGreaterThan(10_000);
        expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        await clerk.getByText(`已下载 资金日计表-${closed}.pdf`).first().waitFor();

        // the PDF's first page as a picture for the README (poppler's pdftoppm, when installed)
        if (hasPdftoppm()) {
            const prefix = path.join(DOCS_DIR, 'report-daily-fund-statement-pdf');
            execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, prefix]);
            expect(statSync(`${prefix}.png`).size).toBeGreaterThan(5_000);
        } else {
            console.log('pdftoppm not installed (Debian: poppler-utils): the PDF page picture is not made');
        }
    });
});

/** Clicks a download button and keeps the file under the name the browser was given. */
async function download(page: Page, button: string): Promise<string> {
    const wait = page.waitForEvent('download');
    await page.getByRole('button', { name: button }).click();
    const file = await wait;
    const target = path.join(downloads, file.suggestedFilename());
    await file.saveAs(target);
    return target;
}

/** Whether poppler's pdftoppm is on the PATH (CI may not have it). */
function hasPdftoppm(): boolean {
    return spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
}
