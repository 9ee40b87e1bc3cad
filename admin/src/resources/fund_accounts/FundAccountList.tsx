import { AutocompleteInput, FilterButton, List, ReferenceInput, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { FUND_ACCOUNT_STATUS_CHOICES } from './fundAccountChoices';
import { FundAccountTable } from './FundAccountTable';
import { useWithBranchFilter } from '../../components/BranchColumn';

const fundAccountFilters = [
    <ReferenceInput key="client_id" source="client_id" reference="clients" alwaysOn>
        <AutocompleteInput sx={{ minWidth: 280 }} />
    </ReferenceInput>,
    <TextInput key="account_no" source="account_no" />,
    <SelectInput key="status" source="status" choices={FUND_ACCOUNT_STATUS_CHOICES} />,
];

const FundAccountListActions = () => (
    <TopToolbar>
        <FilterButton />
        <ServerExportButton />
    </TopToolbar>
);

/** 资金余额 (查询管理): every fund account of the branch with its cash. */
export const FundAccountList = () => (
    <List
        exporter={false}
        title="resources.fund_accounts.list_title"
        filters={useWithBranchFilter(fundAccountFilters)}
        actions={<FundAccountListActions />}
        sort={{ field: 'account_no', order: 'ASC' }}
    >
        <FundAccountTable withClient />
    </List>
);
