import {
    AutocompleteArrayInput,
    ReferenceArrayInput,
    ReferenceInput,
    SelectInput,
    TextInput,
    required,
} from 'react-admin';

/** Inputs shared by create and edit. A 400 on role_ids (separation of duties) shows under the roles. */
export const OperatorInputs = () => (
    <>
        <TextInput source="name" validate={required()} />
        <ReferenceInput source="branch_id" reference="branches" sort={{ field: 'code', order: 'ASC' }} perPage={200}>
            <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <TextInput source="phone" />
        <ReferenceArrayInput source="role_ids" reference="roles" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
            <AutocompleteArrayInput optionText="name" sx={{ minWidth: 400 }} />
        </ReferenceArrayInput>
    </>
);
