import { Create, PasswordInput, SimpleForm, TextInput, required } from 'react-admin';
import { OperatorInputs } from './OperatorInputs';
import { toOperatorCreate } from './operatorChoices';

export const OperatorCreate = () => (
    <Create transform={toOperatorCreate} redirect="show">
        <SimpleForm>
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
