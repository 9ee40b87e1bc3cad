import {
    CreateButton,
    DataTable,
    DateInput,
    FilterButton,
    List,
    ReferenceInput,
    AutocompleteInput,
    SelectInput,
    TextField,
    TextInput,
    TopToolbar,
    useCanAccess,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { QuickSearchInput } from '../../components/QuickSearchInput';
import { NO_WRAP_TABLE } from '../fund_accounts/tableSx';
import { CLIENT_CLASS_CHOICES, CLIENT_STATUS_CHOICES } from './clientChoices';
import { ClientClassField } from './ClientClassField';
import { ClientManagerField } from './ClientManagerField';
import { ClientStatusField } from './ClientStatusField';
import { BranchColumn, useWithBranchFilter } from '../../components/BranchColumn';

const useClientFilters = () => {
    // Only operators who may list client managers can pick one (else the lookup would be a 403).
    const { canAccess: canListManagers } = useCanAccess({ resource: 'client_managers', action: 'list' });
    return [
        <QuickSearchInput key="q" source="q" alwaysOn placeholder="resources.clients.helper.q" />,
        <TextInput key="client_no" source="client_no" />,
        <TextInput key="id_number" source="id_number" />,
        <SelectInput key="status" source="status" choices={CLIENT_STATUS_CHOICES} />,
        <SelectInput key="client_class" source="client_class" choices={CLIENT_CLASS_CHOICES} />,
        ...(canListManagers
            ? [
                  <ReferenceInput
                      key="client_manager_id"
                      source="client_manager_id"
                      reference="client_managers"
                      sort={{ field: 'code', order: 'ASC' }}
                  >
                      <AutocompleteInput optionText="name" />
                  </ReferenceInput>,
              ]
            : []),
        <DateInput key="opened_on_gte" source="opened_on_gte" />,
        <DateInput key="opened_on_lte" source="opened_on_lte" />,
    ];
};

const ClientListActions = () => {
    return (
        <TopToolbar>
            <FilterButton />
            <CreateButton />
            <ServerExportButton />
        </TopToolbar>
    );
};

export const ClientList = () => (
    <List
        exporter={false}
        filters={useWithBranchFilter(useClientFilters())}
        actions={<ClientListActions />}
        sort={{ field: 'client_no', order: 'ASC' }}
    >
        <DataTable bulkActionButtons={false} rowClick="show" sx={NO_WRAP_TABLE}>
            <DataTable.Col source="client_no" />
            <DataTable.Col source="name" />
            <BranchColumn />
            <DataTable.Col source="id_number" disableSort />
            <DataTable.Col source="client_class">
                <ClientClassField />
            </DataTable.Col>
            <DataTable.Col source="client_manager_id" disableSort>
                <ClientManagerField />
            </DataTable.Col>
            <DataTable.Col source="phone" disableSort>
                <TextField source="phone" emptyText="-" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <ClientStatusField />
            </DataTable.Col>
            <DataTable.Col source="opened_on" />
        </DataTable>
    </List>
);
