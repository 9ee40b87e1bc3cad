/**
 * The UI locale, kept outside React so the HTTP client can send a matching Accept-Language
 * header: the server localizes its error messages, and they must match the screen.
 */
export const LOCALES = [
    { locale: 'zh-CN', name: '中文' },
    { locale: 'en', name: 'English' },
] as const;

export type AppLocale = (typeof LOCALES)[number]['locale'];

export const DEFAULT_LOCALE: AppLocale = 'zh-CN';

/** react-admin's localStorageStore keeps useLocaleState's value under this key (JSON-encoded). */
export const LOCALE_STORAGE_KEY = 'RaStore.locale';

export const isAppLocale = (value: unknown): value is AppLocale => LOCALES.some((l) => l.locale === value);

/** Reads the choice react-admin persisted, so the first requests after a reload use it too. */
export const readStoredLocale = (storage: Pick<Storage, 'getItem'> | undefined = safeLocalStorage()): AppLocale => {
    try {
        const raw = storage?.getItem(LOCALE_STORAGE_KEY);
        const value = raw == null ? null : JSON.parse(raw);
        return isAppLocale(value) ? value : DEFAULT_LOCALE;
    } catch {
        return DEFAULT_LOCALE;
    }
};

let currentLocale: AppLocale = readStoredLocale();

export const getCurrentLocale = (): AppLocale => currentLocale;

export const setCurrentLocale = (locale: string): void => {
    currentLocale = isAppLocale(locale) ? locale : DEFAULT_LOCALE;
};

function safeLocalStorage(): Storage | undefined {
    try {
        return typeof localStorage === 'undefined' ? undefined : localStorage;
    } catch {
        // Some privacy modes throw on access; fall back to the default locale.
        return undefined;
    }
}
