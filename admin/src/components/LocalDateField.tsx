import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';

/**
 * Timestamps are stored in UTC; show them in the browser's time zone, formatted for the
 * current UI language (zh-CN: 2026/11/22 09:30:00).
 */
export const LocalDateField = ({ showTime = true, ...props }: DateFieldProps) => {
    const [locale] = useLocaleState();
    return (
        <DateField
            locales={locale}
            showTime={showTime}
            options={showTime ? DATE_TIME_OPTIONS : DATE_OPTIONS}
            {...props}
        />
    );
};

const DATE_OPTIONS: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
    ...DATE_OPTIONS,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
};
