import { Alert } from '@mui/material';
import {
    BooleanField,
    DeleteButton,
    EditButton,
    ListButton,
    Show,
    SimpleShowLayout,
    TextField,
    TopToolbar,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { RoleBranchField } from './RoleBranchField';
import { RoleMatrixField } from './RoleMatrixField';

// Edit and delete hide themselves for built-in roles: authProvider.canAccess looks at the record.
const RoleShowActions = () => (
    <TopToolbar>
        <EditButton />
        <DeleteButton mutationMode="pessimistic" />
        <ListButton />
    </TopToolbar>
);

const BuiltInNotice = (_props: { label?: string | false }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record?.built_in) return null;
    return <Alert severity="info">{translate('resources.roles.messages.built_in_read_only')}</Alert>;
};

export const RoleShow = () => (
    <Show actions={<RoleShowActions />}>
        <SimpleShowLayout>
            <BuiltInNotice label={false} />
            <TextField source="code" />
            <TextField source="name" />
            <TextField source="description" emptyText="-" />
            <RoleBranchField source="branch_id" />
            <BooleanField source="built_in" />
            <BooleanField source="all_branches" />
            <RoleMatrixField source="permissions" />
            <LocalDateField source="updated_at" />
        </SimpleShowLayout>
    </Show>
);
