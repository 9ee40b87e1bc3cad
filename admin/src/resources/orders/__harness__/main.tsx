// TEMPORARY dev harness (deleted before hand-over): App.tsx plus this module's resources.
import { createRoot } from 'react-dom/client';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { Dashboard } from '../../../dashboard/Dashboard';
import { AppLayout } from '../../../layout/AppLayout';
import { LoginPage } from '../../../pages/LoginPage';
import { authProvider } from '../../../providers/authProvider';
import { dataProvider } from '../../../providers/dataProvider';
import { zhMessages } from '../../../i18n/zh';
import { enMessages } from '../../../i18n/en';
import { mergeMessages } from '../../../i18n/mergeMessages';
import { clients } from '../../clients';
import { fund_accounts } from '../../fund_accounts';
import { fund_journal } from '../../fund_journal';
import { orders, OrderEntryPage, COUNTER_ORDER_PATH, orderMessages } from '..';
import { trades } from '../../trades';
import { positions } from '../../positions';
import { shareholder_accounts } from '../../shareholder_accounts';
import { renderAutoResources } from '../../../auto';

const msgs: Record<string, any> = { 'zh-CN': mergeMessages(zhMessages, orderMessages.zh), en: mergeMessages(enMessages, orderMessages.en) };
const i18nProvider = polyglotI18nProvider(l => msgs[l] ?? msgs['zh-CN'], 'zh-CN', [{ locale: 'zh-CN', name: '中文' }, { locale: 'en', name: 'English' }]);

createRoot(document.getElementById('root')!).render(
    <Admin disableTelemetry dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} layout={AppLayout} loginPage={LoginPage} dashboard={Dashboard} requireAuth>
        <Resource {...clients} />
        <Resource {...fund_accounts} />
        <Resource {...fund_journal} />
        <Resource {...orders} />
        <Resource {...trades} />
        <Resource {...positions} />
        <Resource {...shareholder_accounts} />
        {renderAutoResources({})}
        <CustomRoutes>
            <Route path={COUNTER_ORDER_PATH} element={<OrderEntryPage />} />
        </CustomRoutes>
    </Admin>,
);
