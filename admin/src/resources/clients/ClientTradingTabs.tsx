import { DataTable, Pagination, ReferenceManyField, useRecordContext, type RaRecord } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { ClientHoldingsPanel } from '../orders/ClientHoldingsPanel';
import { ClientOrdersPanel } from '../orders/ClientOrdersPanel';
import { OrderSideField } from '../orders/OrderSideField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { COUNTER_ORDER_PATH } from '../orders';

/** 持仓: the client's holdings; picking one opens the counter order ticket to sell it. */
export const ClientPositionsTab = (_props: { label?: false }) => {
    const record = useRecordContext();
    const navigate = useNavigate();
    if (!record) return null;
    const sell = (h: RaRecord) => navigate(`${COUNTER_ORDER_PATH}?client_id=${record.id}&code=${h.code}&side=sell`);
    return <ClientHoldingsPanel clientId={record.id} onPick={sell} />;
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
