import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { pdfPages } from '../../reports/test/files.js';
import { launch, shot } from './browser.js';
import { signIn as signInAs, idNumber, filter } from './session.js';

/**
 * The counter flow at 1440 × 900, as a teller works it: 开户 with the SH-A and SZ-A shareholder
 * accounts in the same step; a deposit above the confirmation line read back in Chinese capitals
 * (Enter alone posts nothing); the voucher printed from the success message; the order ticket
 * finding the new shareholder account, a large order asking for confirmation; the orders list and
 * the client's journal fitting the screen without scrolling the page sideways.
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

/** A call to the API from the signed-in page (for checks the screens do not show). */
const api = (page: Page, path: string, body?: unknown) =>
    page.evaluate(
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
            return r.json();
        },
        [path, body] as const,
    );

/** How wide the page is: wider than the window means it scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

describe('the counter flow in a browser (1440 × 900)', () => {
    it('opens an account with SH-A and SZ-A, confirms a large deposit in capitals, prints its voucher, finds the shareholder account at the ticket', async () => {
        const teller = await signIn('teller');

        // 开户: 沪A and 深A are ticked by default; required fields are marked
        await teller.goto(`${base}/#/clients/create`);
        await teller.getByText('带 * 的为必填项').waitFor();
        const sh = teller.getByRole('checkbox', { name: /上海A股/ });
        const sz = teller.getByRole('checkbox', { name: /深圳A股/ });
        await sh.waitFor();
        expect(await sh.isChecked()).toBe(true);
        expect(await sz.isChecked()).toBe(true);
        expect(await teller.getByRole('checkbox', { name: /上海B股/ }).isChecked()).toBe(false);
        await teller.locator('input[name=name]').fill('顾晓岚');
        await teller.locator('input[name=id_number]').fill(idNumber('21050219900505003'));
        await teller.locator('input[name=phone]').fill('13904140520');
        await shot(teller, 'e2e-30-open-with-markets');
        await teller.getByRole('button', { name: '开户' }).click();
        await teller.waitForURL(/#\/clients\/\d+\/show/);
        const clientId = Number(/clients\/(\d+)\/show/.exec(teller.url())![1]);
        await teller.getByText(/股东账户 上海A股（A\d{9}）、深圳A股（0\d{9}）/).waitFor();
        const holders = (await api(teller, `/api/shareholder_accounts?${filter({ client_id: clientId })}`)) as {
            market: string;
            code: string;
        }[];
        expect(holders.map((h) => h.market).sort()).toEqual(['SH-A', 'SZ-A']);
        const szCode = holders.find((h) => h.market === 'SZ-A')!.code;
        expect(szCode).toMatch(/^0\d{9}$/);

        // 存取款 above the line: Enter opens the confirmation with the amount in capitals …
        await teller.getByText('存取款', { exact: true }).first().click();
        const amount = teller.locator('input[name=amount]');
        await amount.waitFor();
        await amount.fill('1234567.80');
        await teller.getByTestId('amount-words').getByText('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整').waitFor();
        await amount.press('Enter');
        const dialog = teller.getByRole('dialog');
        await dialog.getByText('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整').waitFor();
        await expect.poll(() => dialog.getByTestId('confirm-amount').textContent()).toBe('1,234,567.80');
        await shot(teller, 'e2e-31-deposit-confirmation');
        // … and Enter again does not post: it goes back to the form
        await teller.keyboard.press('Enter');
        await dialog.waitFor({ state: 'detached' });
        const journal = () => api(teller, `/api/fund_journal?${filter({ client_id: clientId })}`) as Promise<unknown[]>;
        expect(await journal()).toEqual([]);
        // confirmed with the button, it posts once
        await amount.press('Enter');
        await dialog.getByRole('button', { name: '确认记账' }).click();
        const posted = teller.getByTestId('cash-posted');
        await posted.getByText(/已记账：存入 1,234,567.80 元（流水号 \d+）/).waitFor();
        const entries = (await journal()) as { id: number; amount: string }[];
        expect(entries.map((e) => e.amount)).toEqual(['1234567.80']);
        await shot(teller, 'e2e-32-deposit-posted');

        // the voucher, from the success message, as PDF
        const [download] = await Promise.all([
            teller.waitForEvent('download'),
            posted.getByRole('button', { name: '打印凭证' }).click(),
        ]);
        expect(download.suggestedFilename()).toBe(`资金业务凭证-${entries[0]!.id}.pdf`);
        const bytes = readFileSync((await download.path())!);
        expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
        const text = (await pdfPages(bytes)).join(' ');
        expect(text.replaceAll(' ', '')).toContain('人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角整');
        expect(text).toContain('1,234,567.80');
        expect(text).toContain('顾晓岚');

        // the order ticket finds the SZ-A account opened with the client
        const prev = (
            await api(teller, '/api/orders/estimate', {
                client_id: clientId,
                code: '000001',
                side: 'buy',
                price: '1.00',
                quantity: 100,
            })
        ).security.prev_close as string;
        await teller.goto(`${base}/#/counter/order?client_id=${clientId}&code=000001&side=buy`);
        const price = teller.getByRole('textbox', { name: '委托价格' });
        const quantity = teller.getByRole('textbox', { name: '委托数量' });
        await price.fill(prev);
        await quantity.fill('20000');
        await teller.getByText('检查通过，可以下单').waitFor();
        await teller.getByText(szCode).first().waitFor();
        expect(await teller.getByText('请先开立').count()).toBe(0);
        // a large order asks for confirmation too; Enter does not place it
        await quantity.press('Enter');
        await dialog.getByRole('button', { name: '确认买入' }).waitFor();
        await expect
            .poll(async () => (await dialog.getByTestId('confirm-amount-words').textContent()) ?? '')
            .toMatch(/^人民币.+[角分整]$/);
        await shot(teller, 'e2e-33-order-confirmation');
        await teller.keyboard.press('Enter');
        await dialog.waitFor({ state: 'detached' });
        expect(await api(teller, `/api/orders?${filter({ client_id: clientId })}`)).toEqual([]);
        // a small one goes straight through
        await quantity.fill('100');
        await teller.getByText('检查通过，可以下单').waitFor();
        const submit = teller.getByRole('button', { name: '买入下单' });
        await expect.poll(() => submit.isEnabled()).toBe(true);
        await submit.click();
        await teller
            .getByText(/委托已提交/)
            .first()
            .waitFor();
        expect(await dialog.count()).toBe(0);

        // the orders list and the client's journal fit 1440 px: a wide table scrolls inside, never the page
        await teller.goto(`${base}/#/orders`);
        await teller.locator('tbody tr').first().waitFor();
        await shot(teller, 'e2e-34-orders-1440');
        expect(await pageWidth(teller)).toBeLessThanOrEqual(WIDTH);
        await teller.goto(`${base}/#/clients/${clientId}/show/journal`);
        await teller.locator('tbody tr').first().waitFor();
        expect(await pageWidth(teller)).toBeLessThanOrEqual(WIDTH);
        await teller.goto(`${base}/#/clients/${clientId}/show/positions`);
        await teller.getByRole('tab', { name: '持仓' }).waitFor();
        expect(await pageWidth(teller)).toBeLessThanOrEqual(WIDTH);
    });

    it('closes an account: 销户结息 from the client page, the balance paid out, then 销户', async () => {
        const teller = await signIn('teller');
        const client = (await api(teller, '/api/clients', {
            name: '关晓峰',
            id_number: idNumber('21050219800707001'),
            phone: '13904140707',
        })) as { id: number; fund_account_id: number };
        const key = () => `e2e-close-${Date.now()}-${Math.random()}`;
        await api(teller, '/api/fund_journal', {
            account_id: client.fund_account_id,
            type: 'deposit',
            amount: '800.00',
            idempotency_key: key(),
        });
        await teller.goto(`${base}/#/clients/${client.id}/show`);
        await teller.getByRole('button', { name: '销户结息' }).click();
        await teller.getByRole('dialog').getByRole('button', { name: '确认' }).click();
        // opened today, the base is empty: nothing is due, and the closing is no longer refused for it
        await teller.getByText(/已结息：0\.00 元/).waitFor();
        await api(teller, '/api/fund_journal', {
            account_id: client.fund_account_id,
            type: 'withdrawal',
            amount: '800.00',
            idempotency_key: key(),
        });
        await teller.reload();
        await teller.getByRole('button', { name: '销户', exact: true }).click();
        await teller.getByRole('dialog').getByRole('button', { name: '确认' }).click();
        await expect
            .poll(async () => ((await api(teller, `/api/clients/${client.id}`)) as { status: string }).status)
            .toBe('closed');
        await shot(teller, 'e2e-35-client-closed');
    });
});
