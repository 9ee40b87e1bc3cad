import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv, Deps } from './http/context.js';
import { ProgressHub } from './progress/progress.js';
import { errorBody } from './http/errors.js';
import { langOf, requestLang } from './http/lang.js';
import { t } from './http/messages.js';
import { route } from './http/route.js';
import { sessionMiddleware } from './http/session.middleware.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { operatorRoutes } from './modules/operators/operators.routes.js';
import { roleRoutes } from './modules/roles/roles.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { approvalRoutes } from './modules/approvals/approvals.routes.js';
import { registerAppliers } from './modules/approvals/appliers.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { feeRoutes } from './modules/fees/fees.routes.js';
import { codeChangeRoutes } from './modules/securities/code-change.routes.js';
import { RESOURCES } from './resources/registry.js';
import { resourceRoutes } from './resources/crud.routes.js';
import { metaRoutes } from './resources/meta.routes.js';
import { clientRoutes } from './modules/clients/clients.routes.js';
import { ledgerRoutes } from './modules/ledger/ledger.routes.js';
import { orderRoutes } from './modules/orders/orders.routes.js';
import { positionRoutes } from './modules/positions/positions.routes.js';
import { shareholderAccountRoutes } from './modules/shareholder-accounts/shareholder-accounts.routes.js';
import { tradeRoutes } from './modules/trades/trades.routes.js';
import { dayEndRoutes } from './modules/day-end/day-end.routes.js';
import { bankClearingRoutes } from './modules/bank-clearing/bank-clearing.routes.js';
import { backupRoutes } from './modules/backups/backups.routes.js';
import { closingPriceRoutes } from './modules/closing-prices/closing-prices.routes.js';
import { reportRoutes } from './modules/reports/reports.routes.js';
import { kpiRoutes } from './modules/kpis/kpis.routes.js';
import { boundedBody } from './http/json-body.js';
import { segmentRoutes } from './modules/segments/segments.routes.js';
import { reportPackageRoutes } from './modules/report-packages/report-packages.routes.js';
import { exportJobRoutes } from './modules/export-jobs/export-jobs.routes.js';
import { clientAddress } from './http/client-ip.js';
import { trustProxy } from './config.js';

function clientIp(c: Context): string {
  let socket = '';
  try {
    // getConnInfo is typed for its own Env; any Context carries the node-server bindings it reads
    socket = getConnInfo(c as never).remote.address ?? '';
  } catch {
    // app.request() in tests has no socket
  }
  return clientAddress(socket, c.req.header('x-forwarded-for'), trustProxy());
}

/** The whole API, built from its dependencies so tests drive it with `app.request()`. */
export function createApp(deps: Deps) {
  registerAppliers();
  deps.progress ??= new ProgressHub();
  const api = new OpenAPIHono<AppEnv>();
  api.use('*', requestId());
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('lang', langOf(c.req.header('accept-language')));
    c.set('ip', clientIp(c));
    c.set('sessionExpired', false);
    await requestLang.run(c.get('lang'), next);
  });
  api.use('*', secureHeaders());
  api.use('*', boundedBody);
  api.use('*', sessionMiddleware);

  api.route('/', authRoutes);
  api.route('/', operatorRoutes);
  api.route('/', roleRoutes);
  api.route('/', auditRoutes);
  api.route('/', approvalRoutes);
  api.route('/', calendarRoutes);
  api.route('/', feeRoutes);
  api.route('/', codeChangeRoutes);
  api.route('/', metaRoutes);
  api.route('/', clientRoutes);
  api.route('/', ledgerRoutes);
  api.route('/', orderRoutes);
  api.route('/', positionRoutes);
  api.route('/', shareholderAccountRoutes);
  api.route('/', tradeRoutes);
  api.route('/', dayEndRoutes);
  api.route('/', bankClearingRoutes);
  api.route('/', backupRoutes);
  api.route('/', closingPriceRoutes);
  api.route('/', reportRoutes);
  api.route('/', kpiRoutes);
  api.route('/', segmentRoutes);
  api.route('/', reportPackageRoutes);
  api.route('/', exportJobRoutes);
  // declared parameter resources: one definition each, routes generated
  for (const def of RESOURCES) api.route('/', resourceRoutes(def));

  api.openapi(
    route('signed_in', { method: 'get', path: '/openapi.json', tags: ['docs'], summary: '接口文档 This document' }),
    (c) => c.json(openapiDocument(api), 200),
  );

  api.onError((err, c) => {
    const { status, body } = errorBody(c, c.get('lang') ?? 'zh', err);
    if (status >= 500) console.error(`[${body.request_id}]`, err);
    return c.json(body, status as 400);
  });

  const app = new OpenAPIHono<AppEnv>();
  app.route('/api', api);
  // main.ts serves the admin's files after these routes; anything still unmatched is a JSON 404
  app.notFound((c) =>
    c.json(
      {
        error: { code: 'NOT_FOUND', message: t(langOf(c.req.header('accept-language')), 'route_not_found') },
        request_id: '',
      },
      404,
    ),
  );
  return app;
}

export function openapiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: '营业部运营管理平台 API',
      version: '0.1.0',
      description: 'ra-data-simple-rest conventions; `x-permission` names the right each route needs.',
    },
    servers: [{ url: '/api' }],
  });
}
