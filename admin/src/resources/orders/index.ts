import ReceiptIcon from '@mui/icons-material/Receipt';
import type { ResourceProps } from 'react-admin';
import { OrderList } from './OrderList';

export const orders: ResourceProps = {
    name: 'orders',
    list: OrderList,
    icon: ReceiptIcon,
    recordRepresentation: 'order_no',
};

export { CounterOrderMenuItem } from './CounterOrderMenuItem';
export { COUNTER_ORDER_PATH, counterOrderLink } from './orderPaths';
export { orderMessages } from './messages';
