import AddShoppingCartIcon from '@mui/icons-material/AddShoppingCart';
import { Menu, useCanAccess, useTranslate } from 'react-admin';
import { COUNTER_ORDER_PATH } from './orderPaths';

/** The menu entry of the 柜台委托 page, for operators who may place orders (Menu.Item checks no rights). */
export const CounterOrderMenuItem = () => {
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'orders', action: 'create' });
    if (!canAccess) return null;
    return (
        <Menu.Item
            to={COUNTER_ORDER_PATH}
            primaryText={translate('counter.order.title')}
            leftIcon={<AddShoppingCartIcon />}
        />
    );
};
