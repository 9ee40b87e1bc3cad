import { BooleanInput, TextInput, required } from 'react-admin';
import { RoleMatrixInput } from './RoleMatrixInput';

/** Inputs shared by create and edit (the code input differs: editable only on create). */
export const RoleInputs = () => (
    <>
        <TextInput source="name" validate={required()} />
        <TextInput source="description" multiline minRows={2} sx={{ width: '100%', maxWidth: 640 }} />
        <BooleanInput source="all_branches" helperText="resources.roles.helper.all_branches" />
        <RoleMatrixInput source="permissions" />
    </>
);
