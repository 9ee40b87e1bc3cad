import ApiIcon from '@mui/icons-material/Api';
import { Divider } from '@mui/material';
import { Menu, useTranslate } from 'react-admin';
import { AutoMenuItems } from '../auto';
import { KpiMenuItem } from '../kpis/KpiMenuItem';
import { SegmentsMenuItem } from '../segments/SegmentsMenuItem';
import { ReportsMenuItems } from '../reports';
import { CounterOrderMenuItem } from '../resources/orders';

/**
 * Resource items come from react-admin, which hides those whose list the operator may not
 * open (authProvider.canAccess); the reports are those the report catalogue gives the operator;
 * the API reference is open to every signed-in operator.
 */
export const AppMenu = () => {
    const translate = useTranslate();
    return (
        <Menu>
            <Menu.DashboardItem primaryText={translate('app.menu.dashboard')} />
            <CounterOrderMenuItem />
            <KpiMenuItem />
            <SegmentsMenuItem />
            <AutoMenuItems
                extra={{
                    system: ['operators', 'roles', 'approvals', 'audit_log', 'branches', 'backups'],
                    clients: ['clients', 'fund_accounts', 'fund_journal', 'bank_transfers'],
                    trading: [
                        'orders',
                        'trades',
                        'positions',
                        'shareholder_accounts',
                        'day_end_runs',
                        'report_packages',
                    ],
                }}
            />
            <ReportsMenuItems />
            <Menu.ResourceItem name="export_jobs" />
            <Divider sx={{ my: 1 }} />
            <Menu.Item to="/api-docs" primaryText={translate('app.menu.api_docs')} leftIcon={<ApiIcon />} />
        </Menu>
    );
};
