import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** 正常 / 冻结 / 注销 as a chip. */
export const ShareholderStatusField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Chip
            size="small"
            color={record.status === 'active' ? 'success' : record.status === 'frozen' ? 'warning' : 'default'}
            variant={record.status === 'active' ? 'outlined' : 'filled'}
            label={translate(`resources.shareholder_accounts.status.${record.status}`, { _: record.status })}
        />
    );
};
