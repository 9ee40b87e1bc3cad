import { useEffect } from 'react';
import { useTranslate } from 'react-admin';

/** The product name in the current language; also keeps the browser tab title in step. */
export const AppTitle = () => {
    const translate = useTranslate();
    const title = translate('app.title');
    useEffect(() => {
        document.title = title;
    }, [title]);
    return <>{title}</>;
};
