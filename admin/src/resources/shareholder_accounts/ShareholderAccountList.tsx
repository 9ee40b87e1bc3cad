import {
    AutocompleteInput,
    CreateButton,
    DataTable,
    FilterButton,
    List,
    ReferenceInput,
    SelectInput,
    TextInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { LocalDateField } from '../../components/LocalDateField';
import { GuardedReferenceField } from '../clients/GuardedReferenceField';
import { MarketField } from './MarketField';
import { ShareholderStatusField } from './ShareholderStatusField';
import { MARKET_CHOICES, normalizeShareholderCode } from './shareholderCode';
import { BranchColumn, useWithBranchFilter } from '../../components/BranchColumn';

const holderFilters = [
    <ReferenceInput key="client_id" source="client_id" reference="clients" alwaysOn>
        <AutocompleteInput sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <SelectInput key="market" source="market" choices={MARKET_CHOICES} alwaysOn />,
    // the server matches the code exactly
    <TextInput key="code" source="code" parse={normalizeShareholderCode} />,
];

const ShareholderAccountListActions = () => (
    <TopToolbar>
        <FilterButton />
        <CreateButton />
        <ServerExportButton />
    </TopToolbar>
);

/** 股东账户: each client's exchange accounts, one per market. */
export const ShareholderAccountList = () => (
    <List
        exporter={false}
        filters={useWithBranchFilter(holderFilters)}
        actions={<ShareholderAccountListActions />}
        sort={{ field: 'id', order: 'ASC' }}
    >
        <DataTable bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="client_id" disableSort>
                <GuardedReferenceField source="client_id" reference="clients" link="show" />
            </DataTable.Col>
            <BranchColumn />
            <DataTable.Col source="market">
                <MarketField />
            </DataTable.Col>
            <DataTable.Col source="code" />
            <DataTable.Col source="status" disableSort>
                <ShareholderStatusField />
            </DataTable.Col>
            <DataTable.Col source="opened_on" />
            <DataTable.Col source="created_at" disableSort>
                <LocalDateField source="created_at" />
            </DataTable.Col>
        </DataTable>
    </List>
);
