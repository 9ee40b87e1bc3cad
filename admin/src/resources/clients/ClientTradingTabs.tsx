import { Box } from '@mui/material';
import {
    ColumnsButton,
    DataTable,
    ListBase,
    Pagination,
    ReferenceManyField,
    TopToolbar,
    useCanAccess,
    useRecordContext,
} from 'react-admin';
import { ClientOrdersPanel } from '../orders/ClientOrdersPanel';
import { OrderSideField } from '../orders/OrderSideField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { PositionTable } from '../positions/PositionTable';

const POSITIONS_KEY = 'positions.client.datatable';

/**
 * 持仓: the client's holdings in the columns of the 证券余额 list — the same query and the same
 * table (price, market value, floating P/L), with 卖出 (the counter ticket) and 冻结/解冻 per row.
 */
export const ClientPositionsTab = (_props: { label?: false }) => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'positions', action: 'list' });
    if (!record || !canAccess) return null;
    return (
        <Box sx={SCROLLING_TABLE}>
            <ListBase
                resource="positions"
                filter={{ client_id: record.id, held: true }}
                sort={{ field: 'id', order: 'ASC' }}
                perPage={25}
                disableSyncWithLocation
                storeKey={false}
            >
                <TopToolbar sx={{ minHeight: 0 }}>
                    <ColumnsButton storeKey={POSITIONS_KEY} />
                </TopToolbar>
                <PositionTable withClient={false} storeKey={POSITIONS_KEY} />
                <Pagination rowsPerPageOptions={[25, 50, 100]} />
            </ListBase>
        </Box>
    );
};

/** 委托: the client's orders with 撤单. */
export const ClientOrdersTab = (_props: { label?: false }) => {
    const record = useRecordContext();
    return record ? <ClientOrdersPanel clientId={record.id} /> : null;
};

/** 成交: the client's trades with their fees. */
export const ClientTradesTab = (_props: { label?: false }) => (
    <ReferenceManyField
        reference="trades"
        target="client_id"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
    >
        <DataTable bulkActionButtons={false}>
            <DataTable.Col source="business_date" />
            <DataTable.Col source="code" />
            <DataTable.Col source="side">
                <OrderSideField source="side" />
            </DataTable.Col>
            <DataTable.NumberCol source="quantity" />
            <DataTable.Col source="price" align="right" />
            <DataTable.Col source="amount" align="right">
                <MoneyField source="amount" />
            </DataTable.Col>
            <DataTable.Col source="commission" align="right">
                <MoneyField source="commission" />
            </DataTable.Col>
            <DataTable.Col source="net_amount" align="right">
                <MoneyField source="net_amount" />
            </DataTable.Col>
        </DataTable>
    </ReferenceManyField>
);
