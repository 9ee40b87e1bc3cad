import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, shot } from './browser.js';
import { signIn as signInAs } from './session.js';

/**
 * The counter, as a teller and a clearing clerk do it: open an account by ID number, deposit,
 * see a withdrawal beyond the available cash refused with its reason, place an order with the
 * live estimate; the clerk runs the simulated exchange and day-end; the client's page shows the result.
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

const signIn = (user: string): Promise<Page> => signInAs(browser, base, user, password, { width: 1366, height: 1000 });

/** A call to the API from the signed-in page (for set-up the screens do not cover here). */
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

describe('the counter in a browser', () => {
    it('opens an account, posts cash, refuses an overdraft, places an order; the clerk fills it', async () => {
        const teller = await signIn('teller');
        await teller.goto(`${base}/#/clients/create`);
        await teller.locator('input[name=name]').fill('周晓燕');
        await teller.locator('input[name=id_number]').fill(`${'21050219800101002X'.slice(0, 17)}X`);
        await teller.locator('input[name=phone]').fill('13904140417');
        await teller.getByRole('button', { name: '开户' }).click();
        // a wrong check digit is refused beside the input; fix it with the right one
        await teller.getByText('身份证号码校验位不正确').first().waitFor();
        const right = await teller.evaluate(() => {
            const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            const first17 = '21050219800101002';
            return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11];
        });
        await teller.locator('input[name=id_number]').fill(right);
        await teller.getByRole('button', { name: '开户' }).click();
        await teller.waitForURL(/#\/clients\/\d+\/show/);
        const clientId = Number(/clients\/(\d+)\/show/.exec(teller.url())![1]);
        await teller.getByText('周晓燕').first().waitFor();
        await shot(teller, 'e2e-20-client-opened');

        // 存取款 from the client page: a deposit, then a withdrawal beyond the available cash
        await teller.getByText('存取款', { exact: true }).first().click();
        await teller.locator('input[name=amount]').waitFor();
        await teller.locator('input[name=amount]').fill('200000.00');
        await teller.getByRole('button', { name: '记账' }).click();
        // above the confirmation line (confirm_cash_above): read back in capitals, then confirmed
        await teller.getByRole('dialog').getByText('人民币贰拾万元整').waitFor();
        await teller.getByRole('dialog').getByRole('button', { name: '确认记账' }).click();
        await teller
            .getByText(/已记账/)
            .first()
            .waitFor();
        await teller.getByRole('combobox', { name: '业务类型' }).click();
        await teller.getByRole('option', { name: '取出' }).click();
        await teller.locator('input[name=amount]').fill('999999.00');
        await teller.getByRole('button', { name: '记账' }).click();
        await teller.getByRole('dialog').getByRole('button', { name: '确认记账' }).click();
        await teller.getByText('可取资金不足').first().waitFor();
        await shot(teller, 'e2e-21-withdrawal-refused');

        // a shareholder account (set up through the API), then a counter order with the live estimate
        await api(teller, '/api/shareholder_accounts', { client_id: clientId, market: 'SH-A', code: 'A500000001' });
        const prev = (
            await api(teller, '/api/orders/estimate', {
                client_id: clientId,
                code: '600000',
                side: 'buy',
                price: '1.00',
                quantity: 100,
            })
        ).security.prev_close as string;
        await teller.goto(`${base}/#/counter/order?client_id=${clientId}&code=600000&side=buy`);
        await teller.getByLabel('委托价格', { exact: true }).fill(prev);
        await teller.getByLabel('委托数量', { exact: true }).fill('1000');
        const submit = teller.getByRole('button', { name: '买入下单' });
        await expectEnabled(submit);
        await shot(teller, 'e2e-22-order-ticket');
        await submit.click();
        await teller
            .getByText(/委托已提交/)
            .first()
            .waitFor();

        // the clerk runs the simulated exchange until the order fills (deterministic per seed)
        const clerk = await signIn('clerk');
        await clerk.goto(`${base}/#/trades`);
        await clerk
            .locator('tbody, .RaList-noResults, .RaEmpty-message')
            .first()
            .waitFor()
            .catch(() => undefined);
        await shot(clerk, 'e2e-23a-trades');
        await clerk.getByText('模拟撮合', { exact: true }).first().click();
        await clerk.getByRole('button', { name: '撮合' }).click();
        await clerk
            .getByRole('dialog')
            .getByText(/成交|记录/)
            .first()
            .waitFor();
        await shot(clerk, 'e2e-23-simulated-exchange');
        for (let seed = 2; seed < 30; seed++) {
            const trades = await api(
                clerk,
                `/api/trades?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`,
            );
            if ((trades as unknown[]).length) break;
            await api(clerk, '/api/trades/simulate', { seed });
        }
        const trades = (await api(
            clerk,
            `/api/trades?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`,
        )) as { quantity: number }[];
        expect(trades.length).toBeGreaterThan(0);

        // the fill settles at day-end delivery: the clerk runs it from the day-end screen
        await clerk.goto(`${base}/#/day_end_runs`);
        const { business_date: day } = (await api(clerk, '/api/day_end_runs/precheck')) as { business_date: string };
        const run = clerk.getByRole('button', { name: /执行 .* 日终/ });
        await run.waitFor();
        await shot(clerk, 'e2e-23b-day-end-precheck');
        await run.click();
        await clerk
            .getByRole('dialog')
            .getByRole('button', { name: /确认|Confirm/ })
            .click();
        // done when the business date has rolled past the day run (an earlier run's 已完成 row says nothing)
        await expect
            .poll(
                async () =>
                    ((await api(clerk, '/api/day_end_runs/precheck')) as { business_date: string }).business_date,
                {
                    timeout: 60_000,
                },
            )
            .not.toBe(day);
        await clerk
            .getByText(/日终完成/)
            .first()
            .waitFor();
        await shot(clerk, 'e2e-23c-day-end-done');

        // the client page shows the holding (delivered at day-end)
        await teller.goto(`${base}/#/clients/${clientId}/show/positions`);
        await teller.getByText('浦发银行').first().waitFor();
        await shot(teller, 'e2e-24-client-holdings');
        const a = (await api(
            teller,
            `/api/fund_accounts?filter=${encodeURIComponent(JSON.stringify({ client_id: clientId }))}`,
        )) as { frozen: string; balance: string }[];
        expect(Number(a[0]!.balance)).toBeLessThan(200000);
    });
});

async function expectEnabled(locator: ReturnType<Page['getByRole']>) {
    for (let i = 0; i < 50; i++) {
        if (await locator.isEnabled()) return;
        await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the submit button never became enabled');
}
