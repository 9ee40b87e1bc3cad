import { Alert } from '@mui/material';
import {
    DeleteButton,
    Edit,
    SaveButton,
    SimpleForm,
    TextInput,
    Toolbar,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { RoleInputs } from './RoleInputs';
import { toRoleUpdate } from './roleTransforms';

/** Built-in roles are defined by the product: the page then only explains why nothing can be saved. */
const RoleEditToolbar = () => {
    const record = useRecordContext();
    if (record?.built_in) return null;
    return (
        <Toolbar sx={{ justifyContent: 'space-between' }}>
            <SaveButton />
            <DeleteButton />
        </Toolbar>
    );
};

const BuiltInNotice = () => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.built_in) return null;
    return (
        <Alert severity="info" sx={{ mb: 2, width: '100%' }}>
            {translate('resources.roles.messages.built_in_read_only')}
        </Alert>
    );
};

// Pessimistic so a separation-of-duties refusal shows under the matrix before leaving the page.
export const RoleEdit = () => (
    <Edit transform={toRoleUpdate} mutationMode="pessimistic" redirect="show">
        <SimpleForm toolbar={<RoleEditToolbar />}>
            <BuiltInNotice />
            <TextInput source="code" disabled />
            <RoleInputs />
        </SimpleForm>
    </Edit>
);
