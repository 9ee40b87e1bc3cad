import { Edit, SimpleForm, TextInput, useRecordContext } from 'react-admin';
import { RoleInputs } from './RoleInputs';
import { RoleShowLayout } from './RoleShowLayout';
import { toRoleUpdate } from './roleTransforms';

/** Built-in roles are defined by the product: reached by URL, their edit page is read-only. */
const RoleEditContent = () => {
    const record = useRecordContext();
    if (!record) return null;
    if (record.built_in) return <RoleShowLayout />;
    return (
        <SimpleForm>
            <TextInput source="code" disabled />
            <RoleInputs />
        </SimpleForm>
    );
};

// Pessimistic so a separation-of-duties refusal shows under the matrix before leaving the page.
export const RoleEdit = () => (
    <Edit transform={toRoleUpdate} mutationMode="pessimistic" redirect="show">
        <RoleEditContent />
    </Edit>
);
