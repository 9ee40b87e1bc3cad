import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatMoney, moneySign } from '../fund_accounts/money';
import { floatingProfit, marketValue } from './positionLogic';

const numbers = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** 参考市值: quantity × previous close, computed on the decimal digits. */
export const MarketValueField = (_props: { label?: string }) => {
    const record = useRecordContext();
    const value = record ? marketValue(record.quantity, record.prev_close) : null;
    return value === null ? null : (
        <Typography component="span" variant="body2" sx={numbers}>
            {formatMoney(value)}
        </Typography>
    );
};

/** 浮动盈亏: market value − cost; red for a gain and green for a loss, as Chinese screens show them. */
export const ProfitField = (_props: { label?: string }) => {
    const record = useRecordContext();
    const value = record ? floatingProfit(record.quantity, record.prev_close, record.cost) : null;
    if (value === null) return null;
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
