import { Alert } from '@mui/material';
import { Edit, SimpleForm, useRecordContext, useTranslate } from 'react-admin';
import { ClientActions } from './ClientActions';
import { ClientInputs } from './ClientInputs';
import { toClientUpdate } from './clientChoices';

const ClosedNotice = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (record?.status !== 'closed') return null;
    return <Alert severity="info">{translate('resources.clients.messages.closed_read_only')}</Alert>;
};

// Pessimistic: the server validates (ID numbers, references, stale version) and its field
// errors must land beside the inputs before we leave the page.
export const ClientEdit = () => (
    <Edit transform={toClientUpdate} mutationMode="pessimistic" redirect="show" actions={<ClientActions view="edit" />}>
        <SimpleForm sx={{ maxWidth: 720 }}>
            <ClosedNotice />
            <ClientInputs mode="edit" />
        </SimpleForm>
    </Edit>
);
