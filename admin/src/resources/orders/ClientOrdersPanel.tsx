import { Paper, Typography } from '@mui/material';
import { ListBase, Pagination, useCanAccess, useTranslate } from 'react-admin';
import { OrderTable } from './OrderList';

/** The client's latest orders under the ticket, with 撤单 and 批量撤单 (查询 and 撤单 without leaving the counter). */
export const ClientOrdersPanel = ({ clientId }: { clientId: unknown }) => {
    const translate = useTranslate();
    const { canAccess: canList } = useCanAccess({ resource: 'orders', action: 'list' });
    const { canAccess: canCancel } = useCanAccess({ resource: 'orders', action: 'edit' });
    if (!canList) return null;
    return (
        <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }}>
            <Typography variant="subtitle1">{translate('counter.recent.orders')}</Typography>
            <ListBase
                resource="orders"
                filter={{ client_id: clientId }}
                sort={{ field: 'id', order: 'DESC' }}
                perPage={10}
                disableSyncWithLocation
                storeKey={false}
            >
                <OrderTable
                    bulkCancel={!!canCancel}
                    withClient={false}
                    storeKey="orders.counter.datatable"
                    hiddenColumns={['business_date', 'market', 'channel', 'seat_no']}
                />
                <Pagination rowsPerPageOptions={[10, 25, 50]} />
            </ListBase>
        </Paper>
    );
};
