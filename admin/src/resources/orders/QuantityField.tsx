import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** A share count with thousands separators ("5,050"); blank for zero when asked. */
export const QuantityField = ({
    source,
    blankZero = false,
}: {
    source: string;
    label?: string;
    blankZero?: boolean;
}) => {
    const record = useRecordContext();
    const value = record?.[source];
    if (value === null || value === undefined || value === '') return null;
    if (blankZero && Number(value) === 0) return null;
    return (
        <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
            {String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
        </Typography>
    );
};
