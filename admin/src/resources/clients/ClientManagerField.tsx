import { GuardedReferenceField } from './GuardedReferenceField';

/** The client's manager (客户经理) by name, "未指定" when there is none. */
// source/label are read by the show layout and DataTable to label the column.
export const ClientManagerField = (_props: { source?: string; label?: string }) => (
    <GuardedReferenceField
        source="client_manager_id"
        reference="client_managers"
        emptyText="resources.clients.messages.no_manager"
    />
);
