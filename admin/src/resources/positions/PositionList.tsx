import MoveDownIcon from '@mui/icons-material/MoveDown';
import {
    AutocompleteInput,
    CreateButton,
    DataTable,
    FilterButton,
    List,
    ReferenceInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { GuardedReferenceField } from '../clients/GuardedReferenceField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { NO_WRAP_TABLE } from '../fund_accounts/tableSx';
import { PriceField } from '../orders/PriceField';
import { QuantityField } from '../orders/QuantityField';
import { FreezeSharesButton } from './FreezeSharesButton';
import { MarketValueField, ProfitField } from './MarketValueField';
import { SellHoldingButton } from './SellHoldingButton';

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
        <CreateButton label="resources.positions.actions.transfer" icon={<MoveDownIcon />} />
        <ServerExportButton />
    </TopToolbar>
);

/**
 * 证券余额: each holding with its frozen shares, today's buys (T+1, not sellable), what can be
 * sold, cost and the reference market value at the previous close.
 */
export const PositionList = () => (
    <List
        exporter={false}
        empty={false}
        filters={positionFilters}
        actions={<PositionListActions />}
        sort={{ field: 'id', order: 'ASC' }}
        perPage={50}
    >
        <DataTable bulkActionButtons={false} rowClick={false} sx={NO_WRAP_TABLE}>
            <DataTable.Col source="client_id" disableSort>
                <GuardedReferenceField source="client_id" reference="clients" link="show" />
            </DataTable.Col>
            <DataTable.Col source="shareholder_code" disableSort />
            <DataTable.Col source="market" disableSort />
            <DataTable.Col source="code" disableSort />
            <DataTable.Col source="name" disableSort />
            <DataTable.Col source="quantity" align="right">
                <QuantityField source="quantity" />
            </DataTable.Col>
            <DataTable.Col source="frozen" align="right" disableSort>
                <QuantityField source="frozen" blankZero />
            </DataTable.Col>
            <DataTable.Col source="today_bought" align="right" disableSort>
                <QuantityField source="today_bought" blankZero />
            </DataTable.Col>
            <DataTable.Col source="sellable" align="right" disableSort>
                <QuantityField source="sellable" />
            </DataTable.Col>
            <DataTable.Col source="cost" align="right">
                <MoneyField source="cost" />
            </DataTable.Col>
            <DataTable.Col source="prev_close" align="right" disableSort>
                <PriceField source="prev_close" />
            </DataTable.Col>
            <DataTable.Col source="market_value" align="right" disableSort>
                <MarketValueField />
            </DataTable.Col>
            <DataTable.Col source="profit" align="right" disableSort>
                <ProfitField />
            </DataTable.Col>
            <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
                <SellHoldingButton />
                <FreezeSharesButton />
            </DataTable.Col>
        </DataTable>
    </List>
);
