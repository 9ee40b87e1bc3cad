import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { statusChip } from './orderStatus';

/** 未成交 / 部分成交 / 已成交 / 已撤单 / 部分撤单 as a coloured chip. */
// source/label are read by DataTable to label the column.
export const OrderStatusField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const chip = statusChip(record.status);
    return (
        <Chip size="small" color={chip.color} variant={chip.variant} label={translate(chip.label, { _: chip.label })} />
    );
};
