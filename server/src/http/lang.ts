import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';

export type Lang = 'zh' | 'en';

/** The language of the request being served: zod reads it to word its messages. */
export const requestLang = new AsyncLocalStorage<Lang>();

/** `Accept-Language: en…` gets English; everything else the default, Chinese. */
export function langOf(acceptLanguage: string | undefined | null): Lang {
  return acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh';
}

const zhLocale = z.locales.zhCN();
const enLocale = z.locales.en();

// Zod's messages follow the request's language (one global hook, read per issue).
z.config({
  localeError: (issue) => (requestLang.getStore() === 'en' ? enLocale : zhLocale).localeError(issue),
});
