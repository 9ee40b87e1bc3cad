import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { statusColor } from './clientChoices';

/** 正常 / 冻结 / 挂失 / 销户 as a coloured chip. */
// source/label are read by the show layout and DataTable to label the column.
export const ClientStatusField = (_props: { source?: string; label?: string; size?: 'small' | 'medium' }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Chip
            size={_props.size ?? 'small'}
            color={statusColor(record.status)}
            variant={record.status === 'normal' ? 'outlined' : 'filled'}
            sx={{ width: 'fit-content' }}
            label={translate(`resources.clients.status.${record.status}`, { _: record.status })}
        />
    );
};
