import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import {
    AutocompleteInput,
    Button,
    ColumnsButton,
    LinkBase,
    DataTable,
    DateInput,
    FilterButton,
    List,
    ReferenceInput,
    SelectInput,
    TextInput,
    TopToolbar,
    useCanAccess,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { LocalDateField } from '../../components/LocalDateField';
import { GuardedReferenceField } from '../clients/GuardedReferenceField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { NO_WRAP_TABLE, SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { BulkCancelOrdersButton } from './BulkCancelOrdersButton';
import { CancelOrderButton } from './CancelOrderButton';
import { ChannelField } from './ChannelField';
import { OrderSideField } from './OrderSideField';
import { OrderStatusField } from './OrderStatusField';
import { OrderTradesButton } from './OrderTradesButton';
import { COUNTER_ORDER_PATH } from './orderPaths';
import { ORDER_STATUS_CHOICES, SIDE_CHOICES, isCancellable } from './orderStatus';
import { PriceField } from './PriceField';
import { QuantityField } from './QuantityField';
import { BranchColumn, useWithBranchFilter } from '../../components/BranchColumn';

const orderFilters = [
    <ReferenceInput key="client_id" source="client_id" reference="clients" alwaysOn>
        <AutocompleteInput sx={{ minWidth: 260 }} />
    </ReferenceInput>,
    <SelectInput key="status" source="status" choices={ORDER_STATUS_CHOICES} alwaysOn />,
    <SelectInput key="side" source="side" choices={SIDE_CHOICES} />,
    <TextInput key="code" source="code" />,
    <DateInput key="business_date_gte" source="business_date_gte" alwaysOn />,
    <DateInput key="business_date_lte" source="business_date_lte" alwaysOn />,
];

const OrderListActions = () => {
    const { canAccess: canCreate } = useCanAccess({ resource: 'orders', action: 'create' });
    return (
        <TopToolbar>
            <FilterButton />
            <ColumnsButton />
            {canCreate && (
                <Button label="resources.orders.actions.enter" component={LinkBase} to={COUNTER_ORDER_PATH}>
                    <AddShoppingCartIcon />
                </Button>
            )}
            <ServerExportButton />
        </TopToolbar>
    );
};

/** 委托查询: orders with filters; 撤单 per open row, 批量撤单 for the selected ones. */
export const OrderList = () => {
    const { canAccess: canCancel } = useCanAccess({ resource: 'orders', action: 'edit' });
    return (
        <List
            exporter={false}
            empty={false}
            filters={useWithBranchFilter(orderFilters)}
            actions={<OrderListActions />}
            sort={{ field: 'id', order: 'DESC' }}
            perPage={50}
            sx={SCROLLING_TABLE}
        >
            <OrderTable bulkCancel={!!canCancel} withClient />
        </List>
    );
};

interface OrderTableProps {
    bulkCancel: boolean;
    withClient: boolean;
    /** where the shown/hidden columns are remembered (the list's ColumnsButton uses the default) */
    storeKey?: string;
    hiddenColumns?: string[];
}

/** The order columns, for the 委托查询 list and the client's orders on the counter page. */
export const OrderTable = ({
    bulkCancel,
    withClient,
    storeKey,
    // shown on demand (列); the list fits 1440 px beside the menu without them
    hiddenColumns = ['business_date', 'market', 'frozen_cash', 'channel', 'seat_no'],
}: OrderTableProps) => (
    <DataTable
        storeKey={storeKey}
        hiddenColumns={hiddenColumns}
        bulkActionButtons={bulkCancel ? <BulkCancelOrdersButton /> : false}
        isRowSelectable={(record) => isCancellable(record.status)}
        rowClick={false}
        sx={NO_WRAP_TABLE}
    >
        <DataTable.Col source="order_no" />
        <DataTable.Col source="business_date" disableSort />
        {withClient && (
            <DataTable.Col source="client_id" disableSort>
                <GuardedReferenceField source="client_id" reference="clients" link="show" />
            </DataTable.Col>
        )}
        {withClient && <BranchColumn />}
        <DataTable.Col source="market" disableSort />
        <DataTable.Col source="code" />
        <DataTable.Col source="side" disableSort>
            <OrderSideField />
        </DataTable.Col>
        <DataTable.Col source="price" align="right" disableSort>
            <PriceField source="price" />
        </DataTable.Col>
        <DataTable.Col source="quantity" align="right" disableSort>
            <QuantityField source="quantity" />
        </DataTable.Col>
        <DataTable.Col source="filled_quantity" align="right" disableSort>
            <QuantityField source="filled_quantity" />
        </DataTable.Col>
        <DataTable.Col source="filled_amount" align="right" disableSort>
            <MoneyField source="filled_amount" blankZero />
        </DataTable.Col>
        <DataTable.Col source="frozen_cash" align="right" disableSort>
            <MoneyField source="frozen_cash" blankZero />
        </DataTable.Col>
        <DataTable.Col source="status">
            <OrderStatusField />
        </DataTable.Col>
        <DataTable.Col source="channel" disableSort>
            <ChannelField />
        </DataTable.Col>
        <DataTable.Col source="seat_no" disableSort />
        <DataTable.Col source="created_at">
            <LocalDateField source="created_at" />
        </DataTable.Col>
        <DataTable.Col label={false} disableSort align="right">
            <CancelOrderButton />
            <OrderTradesButton />
        </DataTable.Col>
    </DataTable>
);
