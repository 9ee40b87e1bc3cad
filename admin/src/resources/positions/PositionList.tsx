import MoveDownIcon from '@mui/icons-material/MoveDown';
import {
    AutocompleteInput,
    ColumnsButton,
    CreateButton,
    FilterButton,
    List,
    ReferenceInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { PositionTable } from './PositionTable';
import { useWithBranchFilter } from '../../components/BranchColumn';

// shareholder accounts can be looked up by exact code only
const byHolderCode = (text: string) => (text ? { code: text.trim().toUpperCase() } : {});

const positionFilters = [
    <ReferenceInput key="client_id" source="client_id" reference="clients" alwaysOn>
        <AutocompleteInput sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <ReferenceInput key="shareholder_account_id" source="shareholder_account_id" reference="shareholder_accounts">
        <AutocompleteInput optionText="code" filterToQuery={byHolderCode} />
    </ReferenceInput>,
];

const PositionListActions = () => (
    <TopToolbar>
        <FilterButton />
        <ColumnsButton />
        <CreateButton label="resources.positions.actions.transfer" icon={<MoveDownIcon />} />
        <ServerExportButton />
    </TopToolbar>
);

/**
 * 证券余额: each holding with its frozen shares, today's buys (T+1, not sellable), what can be
 * sold, cost and the reference market value at the previous close (PositionTable, as the client
 * page shows a client's); less used columns on demand (列).
 */
export const PositionList = () => (
    <List
        exporter={false}
        empty={false}
        filters={useWithBranchFilter(positionFilters)}
        actions={<PositionListActions />}
        sort={{ field: 'id', order: 'ASC' }}
        perPage={50}
        sx={SCROLLING_TABLE}
    >
        <PositionTable withClient />
    </List>
);
