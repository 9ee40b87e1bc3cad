import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { zhMessages } from '../i18n/zh';
import { enMessages } from '../i18n/en';
import { DEFAULT_LOCALE, LOCALES, getCurrentLocale, setCurrentLocale } from './locale';

const messages: Record<string, TranslationMessages> = {
    'zh-CN': zhMessages,
    en: enMessages,
};

const base = polyglotI18nProvider(
    (locale) => messages[locale] ?? messages[DEFAULT_LOCALE],
    // Start in the language the operator chose last time, so there is no flash of Chinese.
    getCurrentLocale(),
    LOCALES.map((l) => ({ ...l })),
    {
        // polyglot's Chinese rule has one form and always takes the first ("已选择 1 项" for any
        // count); our Chinese messages are written with two forms like the English ones
        pluralRules: {
            pluralTypes: { counted: (n: number) => (n === 1 ? 0 : 1) },
            pluralTypeToLanguages: { counted: ['zh', 'en'] },
        },
    },
);

/** Keeps the HTTP client's Accept-Language in step with the language switcher. */
export const i18nProvider: I18nProvider = {
    ...base,
    changeLocale: async (locale, options) => {
        await base.changeLocale(locale, options);
        setCurrentLocale(locale);
    },
};
