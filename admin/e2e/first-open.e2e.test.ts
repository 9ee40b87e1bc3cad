import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot } from './browser.js';

/**
 * The first open of a visitor without a session: one question to the server (a 401 is an answer,
 * never retried), the sign-in page drawn from the small entry — under 250 KB of compressed
 * JavaScript — with the console's code loading behind it; assets compressed and cached for good.
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

describe('first open', () => {
    it('asks /auth/me once, draws the sign-in page from under 250 KB of compressed JavaScript, then the console', async () => {
        const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        const page = await ctx.newPage();
        let meCalls = 0;
        const scripts: { url: string; bytes: number; encoding?: string; cache?: string }[] = [];
        page.on('request', (r) => {
            if (r.url().endsWith('/api/auth/me')) meCalls++;
        });
        page.on('response', async (r) => {
            if (!r.url().endsWith('.js')) return;
            const h = await r.allHeaders();
            scripts.push({
                url: r.url(),
                bytes: Number(h['content-length'] ?? 0),
                encoding: h['content-encoding'],
                cache: h['cache-control'],
            });
        });
        await page.goto(`${base}/`);
        await page.locator('input[name=username]').waitFor();
        // the scripts the sign-in page needed (the console's own chunk may start loading behind it)
        const beforeForm = scripts.filter((s) => !/\/App-/.test(s.url));
        const compressed = beforeForm.reduce((n, s) => n + s.bytes, 0);
        console.log(`sign-in page: ${beforeForm.length} scripts, ${Math.round(compressed / 1024)} KB compressed`);
        expect(compressed).toBeGreaterThan(0);
        expect(compressed).toBeLessThan(250 * 1024);
        for (const s of beforeForm) {
            // the build leaves files under 1 KB as they are (precompress in vite.config.ts)
            if (s.encoding === undefined) expect(s.bytes, s.url).toBeLessThan(1024);
            else expect(['br', 'gzip'], s.url).toContain(s.encoding);
            expect(s.cache, s.url).toContain('immutable');
        }
        await page.waitForTimeout(1500); // a retry, if there were one, would have gone out by now
        expect(meCalls).toBe(1);
        await shot(page, 'first-open-sign-in');

        await page.locator('input[name=username]').fill('teller');
        await page.locator('input[name=password]').fill(password);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByText('欢迎').first().waitFor();
        await ctx.close();
    });

    it('refuses a wrong password with the server reason, in the chosen language', async () => {
        const ctx = await browser.newContext({ locale: 'en', viewport: { width: 1440, height: 900 } });
        const page = await ctx.newPage();
        await page.goto(`${base}/`);
        await page.getByLabel('语言').click();
        await page.getByRole('option', { name: 'English' }).click();
        await page.locator('input[name=username]').fill('clerk');
        await page.locator('input[name=password]').fill('not-the-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByText('Wrong username or password').waitFor();
        await ctx.close();
    });
});
