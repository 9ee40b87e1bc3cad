import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** The audited resource by its translated name (resources.<resource>.name), else the raw code. */
export const AuditResourceField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    return (
        <Typography variant="body2" component="span">
            {record?.resource
                ? translate(`resources.${record.resource}.name`, { smart_count: 1, _: record.resource })
                : '-'}
        </Typography>
    );
};
