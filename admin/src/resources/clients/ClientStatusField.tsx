import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { statusColor } from './clientChoices';

interface ClientStatusFieldProps {
    /** read by the show layout and DataTable to label the column */
    source?: string;
    label?: string;
    size?: 'small' | 'medium';
}

/** 正常 / 冻结 / 挂失 / 销户 as a coloured chip. */
export const ClientStatusField = ({ size = 'small' }: ClientStatusFieldProps) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Chip
            size={size}
            color={statusColor(record.status)}
            variant={record.status === 'normal' ? 'outlined' : 'filled'}
            sx={{ width: 'fit-content' }}
            label={translate(`resources.clients.status.${record.status}`, { _: record.status })}
        />
    );
};
