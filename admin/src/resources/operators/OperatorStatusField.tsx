import LockIcon from '@mui/icons-material/Lock';
import { Chip, Stack } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { isLocked } from './operatorChoices';

/** Status as a coloured chip, plus a "locked" chip while repeated failed sign-ins lock the account. */
// source/label are read by the show layout and DataTable to label the column (resources.operators.fields.status).
export const OperatorStatusField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    return (
        <Stack direction="row" spacing={0.5}>
            <Chip
                size="small"
                color={record.status === 'active' ? 'success' : 'default'}
                variant={record.status === 'active' ? 'outlined' : 'filled'}
                label={translate(`resources.operators.status.${record.status}`, { _: record.status })}
            />
            {isLocked(record.locked_until) && (
                <Chip
                    size="small"
                    color="warning"
                    icon={<LockIcon />}
                    label={translate('resources.operators.messages.locked')}
                />
            )}
        </Stack>
    );
};
