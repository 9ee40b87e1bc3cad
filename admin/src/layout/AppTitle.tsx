import { useEffect } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

/**
 * The product name in the current language; also keeps the browser tab title and the page's
 * lang attribute (fonts, screen readers) in step with the language switcher.
 */
export const AppTitle = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const title = translate('app.title');
    useEffect(() => {
        document.title = title;
        document.documentElement.lang = locale;
    }, [title, locale]);
    return <>{title}</>;
};
