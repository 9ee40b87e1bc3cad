import { Edit, SimpleForm, TextInput, useNotify, useRecordContext, useRedirect, type RaRecord } from 'react-admin';
import { RoleInputs } from './RoleInputs';
import { RolePendingChange } from './RolePendingChange';
import { RoleShowLayout } from './RoleShowLayout';
import { toRoleUpdate } from './roleTransforms';

/** Built-in roles are defined by the product: reached by URL, their edit page is read-only. */
const RoleEditContent = () => {
    const record = useRecordContext();
    if (!record) return null;
    if (record.built_in) return <RoleShowLayout />;
    return (
        <SimpleForm>
            <RolePendingChange editing />
            <TextInput source="code" disabled />
            <RoleInputs />
        </SimpleForm>
    );
};

/**
 * After a save: a change of rights answers 202 with `pending_approval_id` — the name is saved,
 * the rights wait for 复核 — so say that, not "updated", and open the role's page, which shows the
 * change waiting.
 */
const useRoleSaved = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    return (data: RaRecord & { pending_approval_id?: number | null }) => {
        if (data?.pending_approval_id)
            notify('resources.roles.pending.submitted', {
                type: 'warning',
                messageArgs: { id: data.pending_approval_id },
                autoHideDuration: 8000,
            });
        else notify('ra.notification.updated', { type: 'info', messageArgs: { smart_count: 1 } });
        redirect('show', 'roles', data.id, data);
    };
};

// Pessimistic so a separation-of-duties refusal shows under the matrix before leaving the page.
export const RoleEdit = () => {
    const onSuccess = useRoleSaved();
    return (
        <Edit transform={toRoleUpdate} mutationMode="pessimistic" mutationOptions={{ onSuccess }}>
            <RoleEditContent />
        </Edit>
    );
};
