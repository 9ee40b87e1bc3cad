import ApiIcon from '@mui/icons-material/Api';
import { Menu, useTranslate } from 'react-admin';

/**
 * Resource items come from react-admin, which hides those whose list the operator may not
 * open (authProvider.canAccess); the API reference is open to every signed-in operator.
 */
export const AppMenu = () => {
    const translate = useTranslate();
    return (
        <Menu>
            <Menu.DashboardItem primaryText={translate('app.menu.dashboard')} />
            <Menu.ResourceItems />
            <Menu.Item to="/api-docs" primaryText={translate('app.menu.api_docs')} leftIcon={<ApiIcon />} />
        </Menu>
    );
};
