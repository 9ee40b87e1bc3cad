import { useRecordContext, useTranslate } from 'react-admin';

/** A market code with its name: "SH-A 上海A股". */
export const MarketField = ({ source = 'market' }: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const market = record?.[source];
    if (!market) return null;
    return <>{`${market} ${translate(`counter.markets.${market}`, { _: '' })}`.trim()}</>;
};
