import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, shot } from './browser.js';
import { E2E_PASSWORD, startServer, type RunningServer } from './server.js';

/**
 * Every list and show screen, in Chinese and in English, read as a person reads it: a console of
 * its own with a few days of demo history (so the lists have rows to read), each menu entry
 * opened by the first demo operator who has it, then its first row. A screen fails on
 *  - a raw enum code where the data dictionary has a word (`expired`, `institution`, `CNY`, `ICBC`),
 *  - an i18n key left untranslated (`resources.orders.fields.status`),
 *  - an id where a reference has a name (`#1`, `#role:6`),
 *  - raw JSON (`{}`, `["clients.list"]`), an IPv6-mapped address (`::ffff:127.0.0.1`),
 *  - an amount without 千分位 (`6403448952.70`),
 *  - a permission code shown beside its name (`clients.list`).
 */
const USERS = ['admin', 'hq', 'clerk', 'manager', 'teller'] as const;
const LOCALES = [
    { locale: 'zh-CN', label: 'zh' },
    { locale: 'en', label: 'en' },
] as const;

let server: RunningServer;
let browser: Browser;
/** code → its labels, for the codes whose label is not the code itself */
let codes: Map<string, string[]>;
/** the operators' logins, which are lowercase words on purpose */
let usernames: Set<string>;

beforeAll(async () => {
    server = await startServer({ scale: 0.05, days: 3 });
    browser = await launch();
    codes = await dictionaryCodes();
}, 300_000);
afterAll(async () => {
    await browser?.close();
    await server?.stop();
});

async function dictionaryCodes(): Promise<Map<string, string[]>> {
    const ctx = await browser.newContext();
    const page = await signedIn(ctx, 'admin');
    const meta = (await page.evaluate(async () => (await fetch('/api/meta/resources')).json())) as {
        dictionary: Record<
            string,
            { code: string; label_zh?: string; label_en?: string; name_zh?: string; name_en?: string }[]
        >;
    };
    const ops = (await page.evaluate(async () => (await fetch('/api/operators?range=[0,999]')).json())) as {
        username: string;
    }[];
    usernames = new Set(ops.map((o) => o.username));
    const banks = (await page.evaluate(async () => (await fetch('/api/banks?range=[0,99]')).json())) as {
        code: string;
        name_zh?: string;
        name_en?: string;
        name?: string;
    }[];
    // a change of a role's rights waiting for 复核, so the approvals screens have a row to read
    await page.evaluate(async () => {
        const me = await (await fetch('/api/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token };
        const role = await (
            await fetch('/api/roles', {
                method: 'POST',
                headers,
                body: JSON.stringify({ code: 'words_check', name: '用语检查', permissions: ['clients.list'] }),
            })
        ).json();
        await fetch(`/api/roles/${role.id}`, {
            method: 'PUT',
            headers,
            body: JSON.stringify({
                name: role.name,
                version: role.version,
                permissions: ['clients.list', 'clients.show', 'orders.list'],
            }),
        });
    });
    await ctx.close();
    const out = new Map<string, string[]>();
    for (const entries of Object.values(meta.dictionary ?? {})) {
        for (const e of entries) {
            const labels = [e.label_zh ?? e.name_zh, e.label_en ?? e.name_en].filter((l): l is string => !!l);
            // a code whose words are the code itself (T+1, 1, A) can stand on a screen
            if (!/[A-Za-z]{2}/.test(e.code) || labels.every((l) => l === e.code)) continue;
            out.set(e.code, labels);
        }
    }
    for (const b of banks)
        out.set(
            b.code,
            [b.name_zh, b.name_en, b.name].filter((l): l is string => !!l),
        );
    return out;
}

async function signedIn(ctx: BrowserContext, user: string): Promise<Page> {
    const page = await ctx.newPage();
    await page.goto(`${server.base}/#/login`);
    await page.locator('input[name=username]').fill(user);
    await page.locator('input[name=password]').fill(E2E_PASSWORD);
    await page.locator('button[type=submit]').click();
    await page.locator('.RaSidebar-fixed, .MuiDrawer-root').first().waitFor();
    await page.waitForLoadState('networkidle');
    return page;
}

/** The screen's words: the main area's text, and each table row's or show field's values on their own. */
async function read(page: Page): Promise<{ text: string; rows: string[][] }> {
    return page.evaluate(() => {
        const main = document.querySelector('#main-content') ?? document.body;
        const texts = (els: Iterable<Element>) => [...els].map((e) => (e as HTMLElement).innerText.trim());
        const rows = [...main.querySelectorAll('tr')].map((tr) => texts(tr.querySelectorAll('td')));
        const fields = texts(main.querySelectorAll('.RaLabeled-value, .MuiChip-label')).map((t) => [t]);
        return { text: (main as HTMLElement).innerText, rows: [...rows, ...fields] };
    });
}

const KEY = /\b(?:resources|ra|app|reports|dashboard)\.[a-z0-9_]+\.[a-z0-9_.]+\b/;
const REFERENCE_ID = /(?:^|\s)#[a-z_]*:?\d+\b/;
const RAW_JSON = /\{\}|\{"|\["|"\]/;
const MAPPED_IP = /::ffff:/;
const AMOUNT_WITHOUT_SEPARATORS = /^-?\d{4,}\.\d{2}$/;
const SNAKE_CODE = /^[a-z]+(?:_[a-z]+)*$/;
/** The audit trail names what it touched by its key (role:6, 复核单 #1): a record number is its subject. */
const KEYED_TRAILS = new Set(['#/audit_log']);
/** Tables of codes, whose code column is what the admin administers: a key there is the subject, not a word missing. */
const CODE_TABLES = new Set(['#/dictionary', '#/system_params', '#/roles']);
const PERMISSION_CODE = /^[a-z_]+\.(?:list|show|create|edit|delete|export|import|run|approve|post|reverse|[a-z_]+)$/;

function findings(
    screen: { text: string; rows: string[][] },
    codeMap: Map<string, string[]>,
    usernames: Set<string>,
    codeTable = false,
    keyed = false,
): string[] {
    const out: string[] = [];
    const key = screen.text.match(KEY);
    if (key) out.push(`untranslated key ${key[0]}`);
    for (const line of screen.text.split('\n')) {
        if (!keyed && REFERENCE_ID.test(line)) out.push(`id for a name: ${line.trim().slice(0, 80)}`);
        if (RAW_JSON.test(line)) out.push(`raw JSON: ${line.trim().slice(0, 80)}`);
        if (MAPPED_IP.test(line)) out.push(`IPv6-mapped address: ${line.trim().slice(0, 80)}`);
    }
    for (const row of screen.rows) {
        for (const cell of row) {
            // a code beside its own words is a code table (银行, 数据字典), not a code for a word
            const labels = codeMap.get(cell);
            if (labels && !labels.some((l) => row.includes(l))) out.push(`raw code ${cell}`);
            if (AMOUNT_WITHOUT_SEPARATORS.test(cell)) out.push(`amount without 千分位 ${cell}`);
            if (PERMISSION_CODE.test(cell)) out.push(`code ${cell}`);
            // a lowercase word in a cell is a code (move_set, system_params), unless it is a login
            // a code beside a name in one cell (操作员 operators_list)
            const inner = cell.match(/(?:^|\s)([a-z]+_[a-z_]+)(?=\s|$)/);
            if (!codeTable && inner && cell !== inner[1]) out.push(`code in ${cell.slice(0, 60)}`);
            if (!codeTable && SNAKE_CODE.test(cell) && !usernames.has(cell) && !codeMap.has(cell))
                out.push(`code ${cell}`);
        }
    }
    return [...new Set(out)];
}

/** The menu's entries an operator sees: hash routes of lists. */
async function menuRoutes(page: Page): Promise<string[]> {
    const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll('.RaSidebar-fixed a[href^="#/"], .MuiDrawer-root a[href^="#/"]')].map(
            (a) => (a as HTMLAnchorElement).getAttribute('href')!,
        ),
    );
    return [...new Set(hrefs)].filter((h) => h !== '#/' && !h.startsWith('#/api-docs'));
}

describe('every word a person reads is a word', () => {
    for (const { locale, label } of LOCALES) {
        it(`lists and the first row's page, ${label}`, async () => {
            const problems: string[] = [];
            const walked = new Set<string>();
            const shows: string[] = [];
            for (const user of USERS) {
                const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
                await ctx.addInitScript(
                    (l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)),
                    locale === 'en' ? 'en' : 'zh-CN',
                );
                const page = await signedIn(ctx, user);
                for (const route of await menuRoutes(page)) {
                    if (walked.has(route)) continue;
                    walked.add(route);
                    await page.goto(`${server.base}/${route}`);
                    await settle(page);
                    const where = `${label} ${user} ${route}`;
                    for (const f of findings(
                        await read(page),
                        codes,
                        usernames,
                        CODE_TABLES.has(route),
                        KEYED_TRAILS.has(route),
                    ))
                        problems.push(`${where}: ${f}`);
                    const row = page.locator('#main-content tbody tr').first();
                    if (!(await row.count())) continue;
                    const before = page.url();
                    await row.click({ position: { x: 40, y: 10 } }).catch(() => undefined);
                    await page.waitForTimeout(300);
                    if (page.url() === before) continue;
                    shows.push(page.url().split('#')[1]!);
                    await settle(page);
                    for (const f of findings(await read(page), codes, usernames))
                        problems.push(`${where} → ${page.url().split('#')[1]}: ${f}`);
                    if (label === 'zh') await shot(page, `words-${route.replace(/[^a-z_]/g, '')}-show`);
                }
                await ctx.close();
            }
            console.log(
                `${label}: ${walked.size} lists walked (${[...walked].join(' ')}), ${shows.length} rows opened (${shows.join(' ')})`,
            );
            expect(walked.size).toBeGreaterThan(20);
            expect(problems).toEqual([]);
        }, 900_000);
    }
});

async function settle(page: Page) {
    await page.waitForLoadState('networkidle');
    await page
        .locator('.MuiLinearProgress-root, .MuiCircularProgress-root')
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => undefined);
    await page.waitForTimeout(150);
}
