import { DeleteButton, EditButton, ListButton, Show, TopToolbar } from 'react-admin';
import { RoleShowLayout } from './RoleShowLayout';

// Edit and delete hide themselves for built-in roles: authProvider.canAccess looks at the record.
const RoleShowActions = () => (
    <TopToolbar>
        <EditButton />
        <DeleteButton mutationMode="pessimistic" />
        <ListButton />
    </TopToolbar>
);

export const RoleShow = () => (
    <Show actions={<RoleShowActions />}>
        <RoleShowLayout />
    </Show>
);
