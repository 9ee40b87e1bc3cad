import { ListButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { AuditActionField } from './AuditActionField';
import { AuditDiffTable } from './AuditDiffTable';
import { AuditResourceField } from './AuditResourceField';

const AuditLogShowActions = () => (
    <TopToolbar>
        <ListButton />
    </TopToolbar>
);

export const AuditLogShow = () => (
    <Show actions={<AuditLogShowActions />}>
        {/* Short fields side by side; the change table spans the full width below them. */}
        <SimpleShowLayout
            sx={{
                '& .RaSimpleShowLayout-stack': {
                    display: 'grid',
                    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
                    gap: 1,
                    '& > *': { m: 0 },
                },
                '& .ra-field-diff': { gridColumn: '1 / -1' },
            }}
        >
            <TextField source="id" />
            <LocalDateField source="at" />
            <ReferenceField source="operator_id" reference="operators" emptyText="-">
                <TextField source="username" />
            </ReferenceField>
            <TextField source="username" emptyText="-" />
            <ReferenceField source="branch_id" reference="branches" link={false} emptyText="-" />
            <TextField source="ip" emptyText="-" />
            <AuditActionField source="action" />
            <AuditResourceField source="resource" />
            <TextField source="record_id" emptyText="-" />
            <TextField source="detail" emptyText="-" />
            <TextField source="request_id" emptyText="-" />
            <AuditDiffTable label="resources.audit_log.diff.title" className="ra-field-diff" />
        </SimpleShowLayout>
    </Show>
);
