import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { formatMoney, moneySign } from './money';

export interface MoneyFieldProps {
    source: string;
    /** read by the show layout and DataTable to label the column */
    label?: string;
    /** a signed movement: "+" on credits, red on debits */
    signed?: boolean;
    /** show nothing for zero (e.g. the frozen change of a deposit) */
    blankZero?: boolean;
    emptyText?: string;
}

/** A decimal-string amount, 2 decimals with thousands separators, right-aligned digits. */
export const MoneyField = ({ source, signed = false, blankZero = false, emptyText = '' }: MoneyFieldProps) => {
    const record = useRecordContext();
    const value = record?.[source];
    if (value === null || value === undefined || value === '') return <>{emptyText}</>;
    const sign = moneySign(value);
    if (blankZero && sign === 0) return null;
    const text = formatMoney(value);
    return (
        <Typography
            component="span"
            variant="body2"
            sx={{
                fontVariantNumeric: 'tabular-nums',
                whiteSpace: 'nowrap',
                color: signed && sign < 0 ? 'error.main' : signed && sign > 0 ? 'success.dark' : undefined,
            }}
        >
            {signed && sign > 0 ? `+${text}` : text}
        </Typography>
    );
};
