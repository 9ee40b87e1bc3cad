import { Create, SimpleForm, TextInput, regex, required } from 'react-admin';
import { RoleInputs } from './RoleInputs';
import { toRoleCreate } from './roleTransforms';

export const RoleCreate = () => (
    <Create transform={toRoleCreate} redirect="show">
        <SimpleForm defaultValues={{ permissions: [], all_branches: false, description: '' }}>
            <TextInput
                source="code"
                validate={[required(), regex(/^[a-z][a-z0-9_]*$/, 'ra.validation.regex')]}
                helperText="resources.roles.helper.code"
            />
            <RoleInputs />
        </SimpleForm>
    </Create>
);
