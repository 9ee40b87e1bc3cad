import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatMoney, moneySign } from '../fund_accounts/money';

const numbers = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * 参考市值: quantity × the previous close, as the server's positions query values it (in SQL
 * numeric, to the cent): the 证券余额 list, the client's holdings and the list's export show the
 * same figure.
 */
export const MarketValueField = (_props: { label?: string }) => {
    const record = useRecordContext();
    const value = record?.market_value;
    return value === null || value === undefined ? null : (
        <Typography component="span" variant="body2" sx={numbers}>
            {formatMoney(value)}
        </Typography>
    );
};

/** 浮动盈亏: market value − cost (the server's); red for a gain and green for a loss, as Chinese screens show them. */
export const ProfitField = (_props: { label?: string }) => {
    const record = useRecordContext();
    const value = record?.profit;
    if (value === null || value === undefined) return null;
    const sign = moneySign(value);
    return (
        <Typography
            component="span"
            variant="body2"
            sx={{ ...numbers, color: sign > 0 ? 'error.main' : sign < 0 ? 'success.main' : undefined }}
        >
            {sign > 0 ? `+${formatMoney(value)}` : formatMoney(value)}
        </Typography>
    );
};
