import { BooleanField, NumberField, ReferenceField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { OperatorActions } from './OperatorActions';
import { OperatorRolesField } from './OperatorRolesField';
import { OperatorStatusField } from './OperatorStatusField';

export const OperatorShow = () => (
    <Show actions={<OperatorActions view="show" />}>
        <TabbedShowLayout>
            <TabbedShowLayout.Tab label="resources.operators.sections.account">
                <TextField source="id" />
                <TextField source="username" />
                <TextField source="name" />
                <ReferenceField source="branch_id" reference="branches" link="show" />
                <TextField source="phone" emptyText="-" />
                <OperatorRolesField source="role_ids" />
                <OperatorStatusField source="status" />
                <LocalDateField source="created_at" />
                <LocalDateField source="updated_at" />
            </TabbedShowLayout.Tab>
            <TabbedShowLayout.Tab label="resources.operators.sections.security" path="security">
                <LocalDateField source="last_login_at" emptyText="-" />
                <BooleanField source="must_change_password" />
                <NumberField source="failed_logins" />
                <LocalDateField source="locked_until" emptyText="-" />
                <NumberField source="version" />
            </TabbedShowLayout.Tab>
        </TabbedShowLayout>
    </Show>
);
