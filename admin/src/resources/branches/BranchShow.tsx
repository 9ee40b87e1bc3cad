import { BooleanField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { BRANCH_STATUS_CHOICES } from './branchChoices';

export const BranchShow = () => (
    <Show>
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="code" />
            <TextField source="name" />
            <BooleanField source="is_head_office" />
            <SelectField source="status" choices={BRANCH_STATUS_CHOICES} />
            <LocalDateField source="created_at" />
            <LocalDateField source="updated_at" />
        </SimpleShowLayout>
    </Show>
);
