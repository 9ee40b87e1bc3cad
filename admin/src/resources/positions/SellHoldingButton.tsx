import type { MouseEvent } from 'react';
import SellIcon from '@mui/icons-material/Sell';
import { Button, LinkBase, useCanAccess, useRecordContext } from 'react-admin';
import { typedCode } from '../orders/orderLogic';
import { counterOrderLink } from '../orders/orderPaths';

/** 卖出: opens the counter order page for this client and holding. */
export const SellHoldingButton = () => {
    const record = useRecordContext();
    const { canAccess } = useCanAccess({ resource: 'orders', action: 'create' });
    if (!record || !canAccess || !(Number(record.sellable) > 0)) return null;
    return (
        <Button
            label="resources.positions.actions.sell"
            component={LinkBase}
            to={counterOrderLink({
                client_id: record.client_id,
                code: typedCode(String(record.market), String(record.code)),
                side: 'sell',
            })}
            onClick={(e: MouseEvent) => e.stopPropagation()}
        >
            <SellIcon />
        </Button>
    );
};
