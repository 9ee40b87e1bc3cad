import type { MouseEvent } from 'react';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { Button, LinkBase, useCanAccess, useRecordContext } from 'react-admin';

/** 成交明细: the trades of an order that has fills (成交查询 filtered by the order). */
export const OrderTradesButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'trades', action: 'list' });
    if (!record || !canAccess || !(Number(record.filled_quantity) > 0)) return null;
    const filter = encodeURIComponent(JSON.stringify({ order_id: record.id }));
    return (
        <Button
            label="resources.orders.actions.trades"
            component={LinkBase}
            to={`/trades?filter=${filter}`}
            onClick={(e: MouseEvent) => e.stopPropagation()}
        >
            <ListAltIcon />
        </Button>
    );
};
