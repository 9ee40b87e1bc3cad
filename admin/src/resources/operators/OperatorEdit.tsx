import { Edit, SimpleForm, TextInput } from 'react-admin';
import { OperatorActions } from './OperatorActions';
import { OperatorInputs } from './OperatorInputs';
import { toOperatorUpdate } from './operatorChoices';

// Pessimistic: the server validates (role conflicts, stale version) and its field errors
// must land beside the inputs before we leave the page.
export const OperatorEdit = () => (
    <Edit
        transform={toOperatorUpdate}
        mutationMode="pessimistic"
        redirect="show"
        actions={<OperatorActions view="edit" />}
    >
        <SimpleForm>
            <TextInput source="username" disabled />
            <OperatorInputs />
        </SimpleForm>
    </Edit>
);
