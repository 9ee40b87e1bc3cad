import {
    AutocompleteInput,
    ColumnsButton,
    CreateButton,
    DateInput,
    FilterButton,
    List,
    ReferenceInput,
    SelectInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { JOURNAL_TYPE_CHOICES } from './journalTypes';
import { JournalTable } from './JournalTable';
import { useWithBranchFilter } from '../../components/BranchColumn';

// fund_accounts can be looked up by exact account number only (no free-text search on the server).
const byAccountNo = (text: string) => (text ? { account_no: text.trim() } : {});

const journalFilters = [
    <ReferenceInput key="client_id" source="client_id" reference="clients" alwaysOn>
        <AutocompleteInput sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <ReferenceInput key="account_id" source="account_id" reference="fund_accounts">
        <AutocompleteInput optionText="account_no" filterToQuery={byAccountNo} sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <SelectInput key="type" source="type" choices={JOURNAL_TYPE_CHOICES} />,
    <DateInput key="business_date_gte" source="business_date_gte" alwaysOn />,
    <DateInput key="business_date_lte" source="business_date_lte" alwaysOn />,
];

const FundJournalListActions = () => (
    <TopToolbar>
        <FilterButton />
        <ColumnsButton />
        <CreateButton label="resources.fund_journal.actions.post" />
        <ServerExportButton />
    </TopToolbar>
);

/** 资金流水 (查询管理): the append-only journal with filters; 冲销 per row (same day, with approval). */
export const FundJournalList = () => (
    <List
        exporter={false}
        empty={false}
        filters={useWithBranchFilter(journalFilters)}
        actions={<FundJournalListActions />}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={50}
        sx={SCROLLING_TABLE}
    >
        <JournalTable withClient />
    </List>
);
