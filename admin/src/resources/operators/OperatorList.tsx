import {
    CreateButton,
    DataTable,
    EditButton,
    FilterButton,
    List,
    ReferenceField,
    ReferenceInput,
    AutocompleteInput,
    SelectInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { LocalDateField } from '../../components/LocalDateField';
import { QuickSearchInput } from '../../components/QuickSearchInput';
import { OPERATOR_STATUS_CHOICES } from './operatorChoices';
import { OperatorRolesField } from './OperatorRolesField';
import { OperatorStatusField } from './OperatorStatusField';
import { ResetOperatorPasswordButton } from './ResetOperatorPasswordButton';
import { ToggleOperatorStatusButton } from './ToggleOperatorStatusButton';

const operatorFilters = [
    <QuickSearchInput key="q" source="q" alwaysOn placeholder="resources.operators.helper.q" />,
    <ReferenceInput key="branch_id" source="branch_id" reference="branches" sort={{ field: 'code', order: 'ASC' }}>
        <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={OPERATOR_STATUS_CHOICES} />,
    <ReferenceInput key="role_id" source="role_id" reference="roles" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
    </ReferenceInput>,
];

const OperatorListActions = () => (
    <TopToolbar>
        <FilterButton />
        <CreateButton />
        <ServerExportButton />
    </TopToolbar>
);

export const OperatorList = () => (
    <List
        exporter={false}
        filters={operatorFilters}
        actions={<OperatorListActions />}
        sort={{ field: 'id', order: 'ASC' }}
    >
        <DataTable bulkActionButtons={false}>
            <DataTable.Col source="id" />
            <DataTable.Col source="username" />
            <DataTable.Col source="name" />
            <DataTable.Col source="branch_id">
                <ReferenceField source="branch_id" reference="branches" link={false} />
            </DataTable.Col>
            <DataTable.Col source="role_ids" disableSort>
                <OperatorRolesField />
            </DataTable.Col>
            <DataTable.Col source="status">
                <OperatorStatusField />
            </DataTable.Col>
            <DataTable.Col source="last_login_at">
                <LocalDateField source="last_login_at" emptyText="-" />
            </DataTable.Col>
            <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                <ToggleOperatorStatusButton />
                <ResetOperatorPasswordButton />
                <EditButton />
            </DataTable.Col>
        </DataTable>
    </List>
);
