import { Chip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { WARNING_ACTIONS } from './auditActions';

/** The action code in words (audit_actions.<code>), or the raw code for actions not yet translated. */
export const AuditActionField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.action) return null;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={WARNING_ACTIONS.has(record.action) ? 'warning' : 'default'}
            label={translate(`audit_actions.${record.action}`, { _: record.action })}
        />
    );
};
