import {
    AutocompleteInput,
    DataTable,
    DateInput,
    FilterButton,
    List,
    ReferenceField,
    ReferenceInput,
    SelectInput,
    TextField,
    TextInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { LocalDateField } from '../../components/LocalDateField';
import { AuditActionField } from './AuditActionField';
import { AuditResourceField } from './AuditResourceField';
import { useDictChoices } from '../../components/DictField';

const auditFilters = [
    <ReferenceInput
        key="operator_id"
        source="operator_id"
        reference="operators"
        sort={{ field: 'username', order: 'ASC' }}
    >
        <AutocompleteInput optionText="username" />
    </ReferenceInput>,
    <AuditActionInput key="action" source="action" />,
    <TextInput key="resource" source="resource" />,
    // Whole calendar days ('YYYY-MM-DD', both inclusive); the server reads them in the branch's time zone.
    <DateInput key="at_gte" source="at_gte" />,
    <DateInput key="at_lte" source="at_lte" />,
];

/** Every action the dictionary knows, by its words. */
function AuditActionInput(props: { source: string }) {
    return <SelectInput {...props} choices={useDictChoices('audit_action')} />;
}

const AuditLogListActions = () => (
    <TopToolbar>
        <FilterButton />
        <ServerExportButton />
    </TopToolbar>
);

// The trail is append-only: no create, edit, delete or bulk actions, ever.
export const AuditLogList = () => (
    <List
        exporter={false}
        filters={auditFilters}
        actions={<AuditLogListActions />}
        sort={{ field: 'at', order: 'DESC' }}
        perPage={50}
    >
        <DataTable bulkActionButtons={false}>
            <DataTable.Col source="at">
                <LocalDateField source="at" />
            </DataTable.Col>
            <DataTable.Col source="username" disableSort>
                <TextField source="username" />
            </DataTable.Col>
            <DataTable.Col source="branch_id" disableSort>
                <ReferenceField source="branch_id" reference="branches" link={false} emptyText="-" />
            </DataTable.Col>
            <DataTable.Col source="action" disableSort>
                <AuditActionField />
            </DataTable.Col>
            <DataTable.Col source="resource" disableSort>
                <AuditResourceField />
            </DataTable.Col>
            <DataTable.Col source="record_id" disableSort />
            <DataTable.Col source="ip" disableSort />
            <DataTable.Col source="detail" disableSort sx={{ maxWidth: 360 }} />
        </DataTable>
    </List>
);
