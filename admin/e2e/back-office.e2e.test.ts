import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, shot } from './browser.js';
import { signIn as signInAs, idNumber, filter } from './session.js';

/**
 * The back office at 1440 × 900: a change of a role's rights says it awaits 复核 and shows the
 * rights it adds and removes by name, on the role's page and in the manager's inbox; the trading
 * calendar opens on a month; day-end's pre-check holds the run until each warning is
 * acknowledged (never run here: the other files share the open business date); the clearing
 * dialog chooses a bank by name; head office's business lists name each row's 营业部 and filter
 * by it, a branch's do not; the IT admin's menu has no empty group heading.
 */
const base = inject('baseUrl');
const password = inject('demoPassword');
const WIDTH = 1440;
let browser: Browser;

beforeAll(async () => {
    browser = await launch();
});
afterAll(async () => {
    await browser?.close();
});

const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, password, { width: WIDTH, height: 900 });

/** A call to the API from the signed-in page; a refusal throws with the server's answer. */
const api = async (page: Page, path: string, body?: unknown, contentType = 'application/json') => {
    const { status, json } = await page.evaluate(
        async ([path, body, contentType]) => {
            const me = await (await fetch('/api/auth/me')).json();
            const r = await fetch(
                path as string,
                body === undefined
                    ? {}
                    : {
                          method: 'POST',
                          headers: { 'content-type': contentType as string, 'x-csrf-token': me.csrf_token },
                          body: typeof body === 'string' ? body : JSON.stringify(body),
                      },
            );
            return { status: r.status, json: await r.json().catch(() => null) };
        },
        [path, body, contentType] as const,
    );
    if (status >= 400) throw new Error(`${path} → ${status} ${JSON.stringify(json)}`);
    return json;
};

/** Texts that must never reach the screen in place of names: permission codes, raw record ids. */
const CODES = /clients\.(list|show|edit)|#role:|role:\d/;

/** The menu's group headings, each with the number of items under it. */
const menuGroups = (page: Page) =>
    page.evaluate(() => {
        const out: { heading: string; items: number }[] = [];
        for (const h of document.querySelectorAll('.MuiListSubheader-root')) {
            let items = 0;
            for (let n = h.nextElementSibling; n && !n.classList.contains('MuiListSubheader-root'); ) {
                if (n.matches('[role=menuitem]') || n.querySelector('[role=menuitem]')) items++;
                n = n.nextElementSibling;
            }
            out.push({ heading: (h.textContent ?? '').trim(), items });
        }
        return out;
    });

/** An item of the 添加筛选 menu (a menuitemcheckbox in react-admin 5), by its exact label. */
const filterItem = (page: Page, label: string) =>
    page.locator('.MuiMenu-paper [role^=menuitem]').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });

/** The header cells of the first table on the page. */
const headers = async (page: Page) =>
    (await page.locator('thead th').allInnerTexts()).map((t) => t.trim()).filter(Boolean);

describe('the back office in a browser (1440 × 900)', () => {
    it('a change of rights awaits 复核: the role page and the inbox name the rights added and removed; the manager rejects it', async () => {
        const admin = await signIn('admin');

        // the IT admin's menu: every heading has items, none for the groups they may not open
        await admin.getByRole('menuitem', { name: '角色' }).waitFor();
        const groups = await menuGroups(admin);
        expect(groups.length).toBeGreaterThan(0);
        expect(groups.filter((g) => g.items === 0)).toEqual([]);
        expect(groups.map((g) => g.heading)).not.toContain('客户管理');
        expect(groups.map((g) => g.heading)).toContain('系统管理');
        await shot(admin, 'e2e-40-admin-menu');

        // a branch role with two client rights
        const code = `e2e_bo_${Date.now().toString(36)}`;
        const name = `客户查询岗${Date.now().toString(36).slice(-4)}`;
        const role = await api(admin, '/api/roles', {
            code,
            name,
            description: '',
            all_branches: false,
            permissions: ['clients.list', 'clients.show'],
        });

        // edit: add 客户 · 修改, remove 客户 · 查看
        await admin.goto(`${base}/#/roles/${role.id}`);
        const edit = admin.getByRole('checkbox', { name: '客户 · 修改', exact: true });
        const show = admin.getByRole('checkbox', { name: '客户 · 查看', exact: true });
        await edit.waitFor();
        expect(await show.isChecked()).toBe(true);
        expect(await edit.isChecked()).toBe(false);
        await edit.check();
        await show.uncheck();
        const saved = admin.waitForResponse(
            (r) => r.url().endsWith(`/api/roles/${role.id}`) && r.request().method() === 'PUT',
        );
        await admin.getByRole('button', { name: '保存' }).click();
        expect((await saved).status()).toBe(202);

        // the notification says it awaits 复核, not 已更新
        const note = admin.getByText(/权限变更已提交复核（复核单 #\d+）/);
        await note.waitFor();
        const approvalId = Number(/复核单 #(\d+)/.exec((await note.textContent()) ?? '')![1]);
        expect(await admin.getByText('已更新', { exact: true }).count()).toBe(0);

        // the role's page shows the change waiting, the rights by name
        await admin.waitForURL(new RegExp(`#/roles/${role.id}/show`));
        const pending = admin.getByTestId('role-pending-change');
        await pending.getByText(`权限变更待复核（复核单 #${approvalId}）`).waitFor();
        await pending.getByTestId('pending-added').getByText('客户 · 修改').waitFor();
        await pending.getByTestId('pending-removed').getByText('客户 · 查看').waitFor();
        expect(await pending.innerText()).not.toMatch(CODES);
        await shot(admin, 'e2e-41-role-pending-change');
        await admin.context().close();

        // the manager's inbox: the role by name, the rights added and removed by name
        const manager = await signIn('manager');
        await manager.goto(`${base}/#/approvals`);
        const row = manager.locator('tbody tr').filter({ hasText: name });
        await row.waitFor();
        expect(await row.innerText()).not.toMatch(CODES);
        await shot(manager, 'e2e-42-inbox-role-change');
        await row.locator('td').first().click();
        await manager.waitForURL(new RegExp(`#/approvals/${approvalId}/show`));
        const main = manager.locator('main');
        await main.getByText(name).first().waitFor();
        await main.getByTestId('approval-rights-added').getByText('客户 · 修改').waitFor();
        await main.getByTestId('approval-rights-removed').getByText('客户 · 查看').waitFor();
        expect(await main.innerText()).not.toMatch(CODES);
        await shot(manager, 'e2e-43-approval-role-change');

        // rejected, it leaves the role as it was
        await manager.getByRole('button', { name: '驳回' }).first().click();
        const dialog = manager.getByRole('dialog');
        await dialog.getByRole('textbox').fill('e2e：退回');
        const decided = manager.waitForResponse((r) => r.url().endsWith(`/api/approvals/${approvalId}/reject`));
        await dialog.getByRole('button', { name: '驳回' }).click();
        expect((await decided).status()).toBe(200);
        await dialog.waitFor({ state: 'detached' });
        const after = await api(manager, `/api/roles/${role.id}`);
        expect(after.pending_change).toBeNull();
        expect(after.permissions).toEqual(['clients.list', 'clients.show']);
        await manager.context().close();
    });

    it('the trading calendar opens on a month of trading days, holidays and weekends; the list is the second view', async () => {
        const admin = await signIn('admin');
        await admin.goto(`${base}/#/trading_calendar`);
        const month = admin.getByRole('tab', { name: '月历' });
        await month.waitFor();
        expect(await month.getAttribute('aria-selected')).toBe('true');
        const grid = admin.getByRole('grid');
        await grid.locator('[role=gridcell][data-kind=trading]').first().waitFor();
        expect(await grid.locator('[role=gridcell][data-kind=weekend]').count()).toBeGreaterThan(0);
        // the business date's month may have no holiday: on to the next month that has one
        const holidays = grid.locator('[role=gridcell][data-kind=holiday]');
        for (let i = 0; i < 12 && (await holidays.count()) === 0; i++) {
            const shown = await admin.getByTestId('calendar-month').textContent();
            await admin.getByRole('button', { name: '下月' }).click();
            await expect.poll(() => admin.getByTestId('calendar-month').textContent()).not.toBe(shown);
            await grid.locator('[role=gridcell][data-kind=trading]').first().waitFor();
        }
        expect(await holidays.count()).toBeGreaterThan(0);
        await expect.poll(() => admin.getByTestId('calendar-counts').textContent()).toMatch(/本月交易日 \d+ 天/);
        await shot(admin, 'e2e-44-calendar-month');

        // the list, as the second view
        await admin.getByRole('tab', { name: '列表' }).click();
        await admin.locator('tbody tr').first().waitFor();
        expect(await admin.getByRole('grid').count()).toBe(0);
        await shot(admin, 'e2e-45-calendar-list');
        // back to the month, so the next visit opens on it as a newcomer's would
        await admin.getByRole('tab', { name: '月历' }).click();
        await admin.getByRole('grid').waitFor();
        await admin.context().close();
    });

    it("day-end's pre-check: orders and no trade report → a warning to tick before the run can start (not run)", async () => {
        const clerk = await signIn('clerk');
        const before = await api(clerk, '/api/day_end_runs/precheck');
        const hadWarning = before.warnings.some((w: { code: string }) => w.code === 'no_trade_report');
        let orderId: number | undefined;
        let teller: Page | undefined;
        if (!hadWarning) {
            // a day with an order: the teller opens an account with SH-A, deposits, places a buy
            teller = await signIn('teller');
            const seq = String(Date.now() % 1000).padStart(3, '0');
            const client = await api(teller, '/api/clients', {
                name: '预检客户',
                id_number: idNumber(`31010119850315${seq}`),
                markets: ['SH-A'],
            });
            await api(teller, '/api/fund_journal', {
                account_id: client.fund_account_id,
                type: 'deposit',
                amount: '10000.00',
                idempotency_key: `e2e-bo-deposit-${Date.now()}`,
            });
            const est = await api(teller, '/api/orders/estimate', {
                client_id: client.id,
                code: '600000',
                side: 'buy',
                price: '1.00',
                quantity: 100,
            });
            const order = await api(teller, '/api/orders', {
                client_id: client.id,
                code: '600000',
                side: 'buy',
                price: est.security.prev_close,
                quantity: 100,
                idempotency_key: `e2e-bo-order-${Date.now()}`,
            });
            orderId = order.id;
        }

        await clerk.goto(`${base}/#/day_end_runs`);
        const warnings = clerk.getByTestId('day-end-warnings');
        await warnings
            .locator('[data-warning=no_trade_report]')
            .getByText(/尚未导入成交回报/)
            .waitFor();
        const run = clerk.getByRole('button', { name: /^执行 \d{4}-\d{2}-\d{2} 日终$/ });
        const boxes = warnings.getByRole('checkbox');
        const n = await boxes.count();
        expect(n).toBe(await warnings.locator('[data-warning]').count());
        expect(await run.isDisabled()).toBe(true);
        await clerk.getByText('请先逐项确认上面的提示').waitFor();
        await shot(clerk, 'e2e-46-day-end-warnings');
        // each tick but the last leaves the run disabled; the last enables it
        for (let i = 0; i < n; i++) {
            expect(await run.isDisabled()).toBe(true);
            await boxes.nth(i).check();
        }
        await expect.poll(() => run.isEnabled()).toBe(true);
        // (and looks it: the disabled grey has given way to the primary colour)
        await expect
            .poll(() => run.evaluate((b) => getComputedStyle(b).backgroundColor))
            .not.toBe('rgba(0, 0, 0, 0.12)');
        expect(await clerk.getByText('请先逐项确认上面的提示').count()).toBe(0);
        await shot(clerk, 'e2e-47-day-end-acknowledged');
        // one unticked again: disabled again — and nothing is run
        await boxes.first().uncheck();
        await expect.poll(() => run.isDisabled()).toBe(true);
        for (let i = 1; i < n; i++) await boxes.nth(i).uncheck();
        expect((await api(clerk, '/api/day_end_runs/precheck')).business_date).toBe(before.business_date);

        // leave the day as found: the order cancelled, and (since the warning is this test's own)
        // the day's trade report on record, an empty one, so the day closes without a warning
        if (teller && orderId !== undefined) {
            await api(teller, `/api/orders/${orderId}/cancel`, {});
            await api(
                clerk,
                '/api/trades/import',
                'trade_date,market,seat,shareholder_account,security_code,side,quantity,price,order_no,trade_id\n',
                'text/csv',
            );
            const after = await api(clerk, '/api/day_end_runs/precheck');
            expect(after.warnings.some((w: { code: string }) => w.code === 'no_trade_report')).toBe(false);
            await teller.context().close();
        }
        await clerk.context().close();
    });

    it('the clearing dialog chooses a bank by name', async () => {
        const clerk = await signIn('clerk');
        await clerk.goto(`${base}/#/bank_transfers`);
        await clerk.getByRole('button', { name: '银行清算' }).click();
        const dialog = clerk.getByRole('dialog');
        await dialog.getByText('银证转账清算：明细账与对账').waitFor();
        const bank = dialog.getByRole('combobox');
        await expect.poll(async () => (await bank.innerText()).trim()).not.toBe('');
        expect((await bank.innerText()).trim()).not.toMatch(/^[A-Z]+$/);
        expect(await dialog.locator('input[type=text]').count()).toBe(0);
        await bank.click();
        const options = clerk.getByRole('listbox').getByRole('option');
        await options.first().waitFor();
        await expect
            .poll(() =>
                clerk.getByRole('listbox').evaluate((l) => getComputedStyle(l.closest('.MuiPaper-root')!).opacity),
            )
            .toBe('1');
        const names = (await options.allInnerTexts()).map((t) => t.trim());
        expect(names).toContain('中国工商银行');
        for (const n of names) expect(n).not.toMatch(/^[A-Z]+$/);
        await shot(clerk, 'e2e-48-clearing-banks');
        await clerk.keyboard.press('Escape');
        await clerk.context().close();
    });

    it('head office sees 营业部 on the business lists and filters by it; a teller does not', async () => {
        const lists = ['clients', 'orders', 'fund_journal', 'fund_accounts'] as const;
        const hq = await signIn('hq');
        for (const list of lists) {
            await hq.goto(`${base}/#/${list}`);
            await hq.locator('thead th').first().waitFor();
            await expect.poll(() => headers(hq)).toContain('营业部');
            await hq.getByRole('button', { name: '添加筛选' }).click();
            await filterItem(hq, '营业部').waitFor();
            if (list === 'clients') await shot(hq, 'e2e-49-hq-clients-filter');
            await hq.keyboard.press('Escape');
        }
        // the filter by name: choosing the branch keeps its rows
        await hq.goto(`${base}/#/clients`);
        await hq.getByRole('button', { name: '添加筛选' }).click();
        await filterItem(hq, '营业部').click();
        const branch = hq.getByRole('combobox', { name: '营业部' });
        await branch.click();
        // the branch of the first row, chosen by its name: the list keeps that branch's rows
        const col = (await headers(hq)).indexOf('营业部');
        const branchName = (await hq.locator('tbody tr').first().locator('td').nth(col).innerText()).trim();
        expect(branchName).not.toMatch(/^\d*$/);
        await hq.getByRole('listbox').getByRole('option', { name: branchName, exact: true }).click();
        await hq.waitForURL(/branch_id/);
        await hq.getByRole('listbox').waitFor({ state: 'detached' });
        await hq.locator('tbody tr').first().waitFor();
        const cells = await hq.locator(`tbody tr td:nth-child(${col + 1})`).allInnerTexts();
        expect(cells.map((c) => c.trim())).toEqual(cells.map(() => branchName));
        await shot(hq, 'e2e-50-hq-clients-by-branch');
        await hq.context().close();

        const teller = await signIn('teller');
        for (const list of lists) {
            await teller.goto(`${base}/#/${list}`);
            await teller.locator('thead th').first().waitFor();
            expect(await headers(teller)).not.toContain('营业部');
            await teller.getByRole('button', { name: '添加筛选' }).click();
            await teller.locator('.MuiMenu-paper [role^=menuitem]:visible').first().waitFor();
            expect(await filterItem(teller, '营业部').count()).toBe(0);
            await teller.keyboard.press('Escape');
        }
        await shot(teller, 'e2e-51-teller-no-branch');
        await teller.context().close();
    });
});
