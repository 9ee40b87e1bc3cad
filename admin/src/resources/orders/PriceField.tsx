import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatPrice } from '../fund_accounts/money';

/** A price from the server ("1452.000") as a clerk reads it ("1452.00"); 3 decimals only when used. */
export const PriceField = ({ source }: { source: string; label?: string }) => {
    const record = useRecordContext();
    const value = record?.[source];
    if (value === null || value === undefined) return null;
    return (
        <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {formatPrice(value)}
        </Typography>
    );
};
