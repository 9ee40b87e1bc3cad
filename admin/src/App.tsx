import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, localStorageStore, type Store } from 'react-admin';
import { QueryClient } from '@tanstack/react-query';
import { Route } from 'react-router-dom';
import { Dashboard } from './dashboard/Dashboard';
import { AppLayout } from './layout/AppLayout';
import { AppTitle } from './layout/AppTitle';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { LoginPage } from './pages/LoginPage';
import { authProvider, CHANGE_PASSWORD_PATH } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { audit_log } from './resources/audit_log';
import { branches } from './resources/branches';
import { operators } from './resources/operators';
import { roles } from './resources/roles';
import { renderAutoResources } from './auto';
import { clients } from './resources/clients';
import { fund_accounts } from './resources/fund_accounts';
import { fund_journal } from './resources/fund_journal';
import { bank_transfers } from './resources/bank_transfers';
import { day_end_runs } from './resources/day_end_runs';
import { backups } from './resources/backups';
import { report_packages } from './resources/report_packages';
import { export_jobs } from './resources/export_jobs';
import { orders, COUNTER_ORDER_PATH } from './resources/orders';
import { trades } from './resources/trades';
import { positions } from './resources/positions';
import { shareholder_accounts } from './resources/shareholder_accounts';
import { approvals } from './approvals';
import { FeeScheduleCreate, FeeScheduleEdit } from './fees';
import { REPORTS_PATH, ReportListPage, ReportPage } from './reports';
import { TradingCalendarList } from './resources/trading_calendar';
import { KPIS_PATH } from './kpis/KpiMenuItem';
import { SEGMENTS_PATH } from './segments/SegmentsMenuItem';

/**
 * react-admin resets its store on logout, which would also forget the language the operator
 * picked; keep that one preference across sessions (the next operator at the counter shares it).
 */
const createStore = (): Store => {
    const store = localStorageStore();
    return {
        ...store,
        reset: () => {
            const locale = store.getItem('locale');
            store.reset();
            if (locale !== undefined) store.setItem('locale', locale);
        },
    };
};

const store = createStore();

/** Heavy screens load on first use: the API reference (its renderer) and the order ticket. */
const ApiDocsPage = lazy(() => import('./pages/ApiDocsPage').then((m) => ({ default: m.ApiDocsPage })));
const OrderEntryPage = lazy(() =>
    import('./resources/orders/OrderEntryPage').then((m) => ({ default: m.OrderEntryPage })),
);
/** 经营指标 with its chart library (echarts), for the operators who open it. */
const KpiPage = lazy(() => import('./kpis/KpiPage').then((m) => ({ default: m.KpiPage })));
/** 客户分群, with the same chart library. */
const SegmentsPage = lazy(() => import('./segments/SegmentsPage').then((m) => ({ default: m.SegmentsPage })));

/**
 * A refusal is an answer, not a glitch: 401 (no or expired session), 403 and 404 are never
 * retried (react-query's default retried the 401 of /auth/me with growing delays, eight seconds
 * of 加载中 before the sign-in page); other failures are retried once.
 */
const queryClient = new QueryClient({
    defaultOptions: {
        queries: {
            retry: (failures, error) => {
                const status = (error as { status?: number } | null)?.status;
                return !(status === 401 || status === 403 || status === 404) && failures < 1;
            },
        },
    },
});

export const App = () => (
    <Admin
        disableTelemetry
        title={<AppTitle />}
        dataProvider={dataProvider}
        authProvider={authProvider}
        queryClient={queryClient}
        i18nProvider={i18nProvider}
        store={store}
        layout={AppLayout}
        loginPage={LoginPage}
        dashboard={Dashboard}
        requireAuth
    >
        <Resource {...operators} />
        <Resource {...roles} />
        <Resource {...audit_log} />
        <Resource {...branches} />
        <Resource {...approvals} />
        <Resource {...clients} />
        <Resource {...fund_accounts} />
        <Resource {...fund_journal} />
        <Resource {...bank_transfers} />
        <Resource {...day_end_runs} />
        <Resource {...backups} />
        <Resource {...report_packages} />
        <Resource {...export_jobs} />
        <Resource {...orders} />
        <Resource {...trades} />
        <Resource {...positions} />
        <Resource {...shareholder_accounts} />
        {renderAutoResources({
            // branches keep their hand-written screens; fee schedules add the live fee preview; the
            // trading calendar opens on a month view, its generated list the second view
            exclude: ['branches'],
            overrides: {
                fee_schedules: { edit: FeeScheduleEdit, create: FeeScheduleCreate },
                trading_calendar: { list: TradingCalendarList },
            },
        })}
        <CustomRoutes>
            <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
            <Route path="/api-docs" element={<ApiDocsPage />} />
            <Route path={COUNTER_ORDER_PATH} element={<OrderEntryPage />} />
            <Route path={REPORTS_PATH} element={<ReportListPage />} />
            <Route path={`${REPORTS_PATH}/:id`} element={<ReportPage />} />
            <Route path={KPIS_PATH} element={<KpiPage />} />
            <Route path={SEGMENTS_PATH} element={<SegmentsPage />} />
        </CustomRoutes>
    </Admin>
);
