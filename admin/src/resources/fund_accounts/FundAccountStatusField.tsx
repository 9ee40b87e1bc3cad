import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

// source/label are read by the show layout and DataTable to label the column.
export const FundAccountStatusField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Chip
            size="small"
            color={record.status === 'active' ? 'success' : 'default'}
            variant="outlined"
            label={translate(`resources.fund_accounts.status.${record.status}`, { _: record.status })}
        />
    );
};
