import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { freezeKindLabel, journalTypeLabel } from './journalTypes';

const COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'warning' | 'info' | 'error'> = {
    freeze: 'warning',
    unfreeze: 'info',
    reversal: 'error',
    trade_buy: 'secondary',
    trade_sell: 'secondary',
};

/** The entry type (存入, 银证转出, 冻结 …), with the freeze kind for freezes. */
// source/label are read by the show layout and DataTable to label the column.
export const JournalTypeField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    const type = translate(journalTypeLabel(record.type), { _: record.type });
    const kind = record.freeze_kind ? translate(freezeKindLabel(record.freeze_kind), { _: record.freeze_kind }) : '';
    return (
        <Chip
            size="small"
            variant="outlined"
            color={COLORS[record.type] ?? 'default'}
            label={kind ? `${type} · ${kind}` : type}
        />
    );
};
