import { apiDate } from '../../http/dates.js';
import { readUpload } from '../../http/upload.js';
import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { badRequest, notFound } from '../../http/errors.js';
import { contentRange, countUpTo, idFilter, parseListQuery } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { importTradeReport } from './trades.service.js';
import { recordSimulatedCloses, simulateExchange } from './exchange.sim.js';
import { withListExports } from '../reports/list-export.js';
import { trades } from './trades.queries.js';
import { tradesExport } from './trades.export.js';

const MAX_REPORT_BYTES = 20 * 1024 * 1024;
const spec = {
  sortable: ['id', 'business_date', 'code', 'amount'],
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    order_id: z.number().int().positive().optional(),
    code: z.string().max(6).optional(),
    side: z.enum(['buy', 'sell']).optional(),
    business_date_gte: apiDate.optional(),
    business_date_lte: apiDate.optional(),
    branch_id: z.number().int().positive().optional(),
  },
} as const;

export const tradeRoutes = withListExports(router(), [[tradesExport, spec]])
  .openapi(
    route('trades.list', {
      method: 'get',
      path: '/trades',
      tags: ['trades'],
      summary: '成交查询 Trades with their fees',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), spec);
      const base = trades(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .selectAll('t')
        .orderBy(sql.ref(`t.${list.sort.field}`), list.sort.order)
        .orderBy('t.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('trades', list.offset, rows.length, n));
    },
  )
  .openapi(
    route('trades.create', {
      method: 'post',
      path: '/trades/import',
      tags: ['trades'],
      summary:
        '成交回报导入 Import a trade-report CSV (multipart field "file", or a text/csv body): matched, recorded, duplicates skipped, unmatched listed',
      request: {
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().optional().openapi({ type: 'string', format: 'binary' }) }),
            },
            'text/csv': { schema: z.string() },
          },
          required: true,
        },
      },
    }),
    async (c) => {
      const file = await readUpload(c, { maxBytes: MAX_REPORT_BYTES, fallbackName: 'upload.csv', raw: 'text/csv' });
      return c.json(
        await importTradeReport(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), file.text(), file.name),
        200,
      );
    },
  )
  .openapi(
    route('trades.create', {
      method: 'post',
      path: '/trades/simulate',
      tags: ['trades'],
      summary:
        "模拟撮合 The simulated exchange fills open orders (deterministic for a seed), writes the trade report and imports it, and records the day's closing prices (closes: how many)",
      request: jsonBody(z.strictObject({ seed: z.number().int().min(0).max(1_000_000) })),
    }),
    async (c) => {
      const { db } = c.get('deps');
      const scope = branchScope(c.get('me')!);
      const seed = c.req.valid('json').seed;
      const report = await simulateExchange(db, scope, seed);
      const result = await importTradeReport(db, actorOf(c), scope, report.csv, `simulated-${seed}.csv`);
      const { closes } = await recordSimulatedCloses(db, actorOf(c), seed);
      return c.json({ file_name: `simulated-${seed}.csv`, csv: report.csv, ...result, closes }, 200);
    },
  )
  .openapi(
    route('trades.show', {
      method: 'get',
      path: '/trades/{id}',
      tags: ['trades'],
      summary: '成交详情 One trade',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await trades(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .selectAll('t')
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  );
