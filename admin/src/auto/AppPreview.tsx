// TEMPORARY preview scaffolding (deleted before hand-over).
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { Admin, CustomRoutes, Layout, Menu, Resource, localStorageStore, useTranslate, type I18nProvider } from 'react-admin';
import { Route } from 'react-router-dom';
import type { ReactNode } from 'react';
import { Dashboard } from '../dashboard/Dashboard';
import { AppAppBar } from '../layout/AppAppBar';
import { AppTitle } from '../layout/AppTitle';
import { PasswordChangeGuard } from '../layout/PasswordChangeGuard';
import { ApiDocsPage } from '../pages/ApiDocsPage';
import { ChangePasswordPage } from '../pages/ChangePasswordPage';
import { LoginPage } from '../pages/LoginPage';
import { authProvider, CHANGE_PASSWORD_PATH } from '../providers/authProvider';
import { dataProvider } from '../providers/dataProvider';
import { mergeMessages } from '../i18n/mergeMessages';
import { zhMessages } from '../i18n/zh';
import { enMessages } from '../i18n/en';
import { LOCALES, getCurrentLocale, setCurrentLocale } from '../providers/locale';
import { audit_log } from '../resources/audit_log';
import { operators } from '../resources/operators';
import { roles } from '../resources/roles';
import { approvals } from '../approvals';
import { FeeScheduleCreate, FeeScheduleEdit } from '../fees';
import { AutoMenuItems, autoMessages, renderAutoResources } from '.';

const messages: Record<string, object> = {
    'zh-CN': mergeMessages(zhMessages, autoMessages.zh),
    en: mergeMessages(enMessages, autoMessages.en),
};
const base = polyglotI18nProvider(l => (messages[l] ?? messages['zh-CN']) as any, getCurrentLocale(), LOCALES.map(l => ({ ...l })));
const i18nProvider: I18nProvider = {
    ...base,
    changeLocale: async (locale, options) => {
        await base.changeLocale(locale, options);
        setCurrentLocale(locale);
    },
};

const PreviewMenu = () => {
    const translate = useTranslate();
    return (
        <Menu>
            <Menu.DashboardItem primaryText={translate('app.menu.dashboard')} />
            <AutoMenuItems extra={{ system: ['operators', 'roles', 'approvals', 'audit_log'] }} />
        </Menu>
    );
};
const PreviewLayout = ({ children }: { children: ReactNode }) => (
    <Layout appBar={AppAppBar} menu={PreviewMenu}>
        <PasswordChangeGuard />
        {children}
    </Layout>
);

export const App = () => (
    <Admin
        disableTelemetry
        title={<AppTitle />}
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        store={localStorageStore()}
        layout={PreviewLayout}
        loginPage={LoginPage}
        dashboard={Dashboard}
        requireAuth
    >
        <Resource {...operators} />
        <Resource {...roles} />
        <Resource {...audit_log} />
        <Resource {...approvals} />
        {renderAutoResources({ overrides: { fee_schedules: { edit: FeeScheduleEdit, create: FeeScheduleCreate } } })}
        <CustomRoutes>
            <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
            <Route path="/api-docs" element={<ApiDocsPage />} />
        </CustomRoutes>
    </Admin>
);
