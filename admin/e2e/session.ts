import type { Browser, Page } from 'playwright-core';

/**
 * What the browser tests share: signing a demo operator in (Chinese, a window of the given size,
 * downloads allowed), an ID number that passes the check digit, a list filter for the API.
 */
export async function signIn(
    browser: Browser,
    base: string,
    user: string,
    password: string,
    viewport = { width: 1440, height: 900 },
): Promise<Page> {
    const ctx = await browser.newContext({ locale: 'zh-CN', viewport, acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/#/login`);
    await page.locator('input[name=username]').fill(user);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('欢迎').first().waitFor();
    return page;
}

/** A check-digit-valid resident ID number (GB 11643) from its first 17 digits. */
export function idNumber(first17: string): string {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    return first17 + '10X98765432'[[...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0) % 11];
}

/** `filter=…` of a list request. */
export const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;
