import { AutocompleteInput, ReferenceInput, useCanAccess } from 'react-admin';

/**
 * Picks the client manager among the branch's active ones. Hidden when the operator may not
 * list client managers (the value on the record is then left as it is).
 */
export const ClientManagerInput = () => {
    const { canAccess } = useCanAccess({ resource: 'client_managers', action: 'list' });
    if (!canAccess) return null;
    return (
        <ReferenceInput
            source="client_manager_id"
            reference="client_managers"
            filter={{ status: 'active' }}
            sort={{ field: 'code', order: 'ASC' }}
        >
            <AutocompleteInput
                optionText={(m: { code?: string; name?: string }) => `${m.name ?? ''} (${m.code ?? ''})`}
                label="resources.clients.fields.client_manager_id"
                sx={{ minWidth: 240 }}
            />
        </ReferenceInput>
    );
};
