import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useDictLabel } from '../../components/DictField';
import { WARNING_ACTIONS } from './auditActions';

/** The action in words from the data dictionary (category audit_action), the warning ones marked. */
export const AuditActionField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const label = useDictLabel();
    if (!record?.action) return null;
    return (
        <Chip
            size="small"
            variant="outlined"
            color={WARNING_ACTIONS.has(record.action) ? 'warning' : 'default'}
            label={label('audit_action', record.action)}
        />
    );
};
