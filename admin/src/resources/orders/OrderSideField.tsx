import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** 买入 in red, 卖出 in green, as on every Chinese trading screen. */
export const OrderSideField = ({ source = 'side' }: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const side = record?.[source];
    if (!side) return null;
    return (
        <Typography
            component="span"
            variant="body2"
            sx={{ color: side === 'buy' ? 'error.main' : 'success.main', fontWeight: 500 }}
        >
            {translate(`resources.orders.side.${side}`, { _: String(side) })}
        </Typography>
    );
};
