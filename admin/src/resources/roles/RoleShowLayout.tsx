import { Alert } from '@mui/material';
import { BooleanField, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { RoleBranchField } from './RoleBranchField';
import { RoleMatrixField } from './RoleMatrixField';
import { RolePendingChange } from './RolePendingChange';

const BuiltInNotice = (_props: { label?: string | false }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.built_in) return null;
    return <Alert severity="info">{translate('resources.roles.messages.built_in_read_only')}</Alert>;
};

/** A role read-only: the show page, and the edit page of a built-in role. */
export const RoleShowLayout = () => (
    <SimpleShowLayout>
        <BuiltInNotice label={false} />
        <RolePendingChange label={false} />
        <TextField source="code" />
        <TextField source="name" />
        <TextField source="description" emptyText="-" />
        <RoleBranchField source="branch_id" />
        <BooleanField source="built_in" />
        <BooleanField source="all_branches" />
        <RoleMatrixField source="permissions" />
        <LocalDateField source="updated_at" />
    </SimpleShowLayout>
);
