import {
    AutocompleteInput,
    ColumnsButton,
    DataTable,
    DateInput,
    FilterButton,
    List,
    NumberInput,
    ReferenceInput,
    SelectInput,
    TextInput,
    TopToolbar,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { LocalDateField } from '../../components/LocalDateField';
import { GuardedReferenceField } from '../clients/GuardedReferenceField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { NO_WRAP_TABLE, SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { OrderSideField } from '../orders/OrderSideField';
import { SIDE_CHOICES } from '../orders/orderStatus';
import { PriceField } from '../orders/PriceField';
import { QuantityField } from '../orders/QuantityField';
import { TradeImportButton } from './TradeImportButton';
import { TradeSimulateButton } from './TradeSimulateButton';
import { BranchColumn, useWithBranchFilter } from '../../components/BranchColumn';

const tradeFilters = [
    <ReferenceInput key="client_id" source="client_id" reference="clients" alwaysOn>
        <AutocompleteInput sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <TextInput key="code" source="code" alwaysOn />,
    <SelectInput key="side" source="side" choices={SIDE_CHOICES} />,
    // the internal order id (the 成交明细 button of the orders list filters by it)
    <NumberInput key="order_id" source="order_id" label="resources.trades.filters.order_id" />,
    <DateInput key="business_date_gte" source="business_date_gte" alwaysOn />,
    <DateInput key="business_date_lte" source="business_date_lte" alwaysOn />,
];

const TradeListActions = () => (
    <TopToolbar>
        <FilterButton />
        <ColumnsButton />
        <TradeImportButton />
        <TradeSimulateButton />
        <ServerExportButton />
    </TopToolbar>
);

/** 成交查询: fills with their amount and each fee; 成交回报导入 and 模拟撮合 for those who may. */
export const TradeList = () => (
    <List
        exporter={false}
        empty={false}
        filters={useWithBranchFilter(tradeFilters)}
        actions={<TradeListActions />}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={50}
        sx={SCROLLING_TABLE}
    >
        <DataTable
            bulkActionButtons={false}
            rowClick={false}
            sx={NO_WRAP_TABLE}
            hiddenColumns={['trade_no', 'market', 'seat_no', 'shareholder_code', 'source', 'created_at']}
        >
            <DataTable.Col source="business_date" />
            <DataTable.Col source="trade_no" disableSort />
            <DataTable.Col source="order_id" disableSort>
                <GuardedReferenceField source="order_id" reference="orders" />
            </DataTable.Col>
            <DataTable.Col source="client_id" disableSort>
                <GuardedReferenceField source="client_id" reference="clients" link="show" />
            </DataTable.Col>
            <BranchColumn />
            <DataTable.Col source="market" disableSort />
            <DataTable.Col source="code" />
            <DataTable.Col source="side" disableSort>
                <OrderSideField />
            </DataTable.Col>
            <DataTable.Col source="quantity" align="right" disableSort>
                <QuantityField source="quantity" />
            </DataTable.Col>
            <DataTable.Col source="price" align="right" disableSort>
                <PriceField source="price" />
            </DataTable.Col>
            <DataTable.Col source="amount" align="right">
                <MoneyField source="amount" />
            </DataTable.Col>
            <DataTable.Col source="commission" align="right" disableSort>
                <MoneyField source="commission" />
            </DataTable.Col>
            <DataTable.Col source="stamp_duty" align="right" disableSort>
                <MoneyField source="stamp_duty" />
            </DataTable.Col>
            <DataTable.Col source="transfer_fee" align="right" disableSort>
                <MoneyField source="transfer_fee" />
            </DataTable.Col>
            <DataTable.Col source="handling_fee" align="right" disableSort>
                <MoneyField source="handling_fee" />
            </DataTable.Col>
            <DataTable.Col source="regulatory_fee" align="right" disableSort>
                <MoneyField source="regulatory_fee" />
            </DataTable.Col>
            <DataTable.Col source="net_amount" align="right" disableSort>
                <MoneyField source="net_amount" />
            </DataTable.Col>
            <DataTable.Col source="seat_no" disableSort />
            <DataTable.Col source="shareholder_code" disableSort />
            <DataTable.Col source="source" disableSort />
            <DataTable.Col source="created_at" disableSort>
                <LocalDateField source="created_at" />
            </DataTable.Col>
        </DataTable>
    </List>
);
