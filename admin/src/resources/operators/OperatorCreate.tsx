import { Create, PasswordInput, SimpleForm, TextInput, required, useGetIdentity } from 'react-admin';
import type { AppIdentity } from '../../providers/authProvider';
import { OperatorInputs } from './OperatorInputs';
import { toOperatorCreate } from './operatorChoices';

export const OperatorCreate = () => {
    // Most operators are created for the creator's own branch (the only one a branch admin sees).
    const { data: identity } = useGetIdentity();
    const branchId = (identity as AppIdentity | undefined)?.branch.id;
    return (
        <Create transform={toOperatorCreate} redirect="show">
            <SimpleForm defaultValues={{ branch_id: branchId, role_ids: [] }}>
                <TextInput source="username" validate={required()} autoComplete="off" />
                <OperatorInputs />
                <PasswordInput
                    source="password"
                    validate={required()}
                    autoComplete="new-password"
                    helperText="resources.operators.helper.password"
                />
            </SimpleForm>
        </Create>
    );
};
