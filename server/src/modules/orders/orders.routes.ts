import { apiDate } from '../../http/dates.js';
import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { errorBody, notFound } from '../../http/errors.js';
import { contentRange, countUpTo, idFilter, parseListQuery } from '../../http/list-query.js';
import { decimalSchema } from '../../resources/field-schema.js';
import { actorOf } from '../audit/audit.service.js';
import { cancelOrder, cancelOrders, estimateOrder, placeOrder } from './orders.service.js';
import { withListExports } from '../reports/list-export.js';
import { orders } from './orders.queries.js';
import { ordersExport } from './orders.export.js';

const idempotencyKey = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/);
const orderFields = {
  client_id: z.number().int().positive(),
  market: z.string().max(8).optional(),
  code: z.string().trim().min(1).max(12),
  side: z.enum(['buy', 'sell']),
  price: decimalSchema({ scale: 3, min: '0.001', maxValue: '999999' }),
  quantity: z.number().int().min(1).max(100_000_000),
  channel: z.enum(['counter', 'phone', 'online']).default('counter'),
};
const orderBody = z.strictObject({ ...orderFields, idempotency_key: idempotencyKey });
// the estimate answers as soon as the client and the code are typed: price and quantity may still be missing
const estimateBody = z.strictObject({
  ...orderFields,
  price: orderFields.price.optional(),
  quantity: orderFields.quantity.optional(),
});
const batchBody = z.strictObject({
  orders: z.array(z.strictObject(orderFields)).min(1).max(200),
  idempotency_key: idempotencyKey,
});
const cancelBatchBody = z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(500) });

const orderSpec = {
  sortable: ['id', 'order_no', 'created_at', 'status', 'code'],
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    status: z.string().max(20).optional(),
    side: z.enum(['buy', 'sell']).optional(),
    code: z.string().max(6).optional(),
    business_date_gte: apiDate.optional(),
    business_date_lte: apiDate.optional(),
    branch_id: z.number().int().positive().optional(),
  },
} as const;
export const orderRoutes = withListExports(router(), [[ordersExport, orderSpec]])
  .openapi(
    route('orders.list', {
      method: 'get',
      path: '/orders',
      tags: ['orders'],
      summary: '委托查询 Orders',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), orderSpec);
      const base = orders(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .selectAll('o')
        .orderBy(sql.ref(`o.${list.sort.field}`), list.sort.order)
        .orderBy('o.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('orders', list.offset, rows.length, n));
    },
  )
  .openapi(
    route('orders.create', {
      method: 'post',
      path: '/orders/estimate',
      tags: ['orders'],
      summary: '委托试算 What an order would freeze and cost, and what is wrong with it (nothing is written)',
      request: jsonBody(estimateBody),
    }),
    async (c) =>
      c.json(await estimateOrder(c.get('deps').db, branchScope(c.get('me')!), c.req.valid('json'), c.get('lang')), 200),
  )
  .openapi(
    route('orders.create', {
      method: 'post',
      path: '/orders/batch',
      tags: ['orders'],
      summary: '批量委托 Several orders; each is placed or refused on its own',
      request: jsonBody(batchBody),
    }),
    async (c) => {
      const { orders: list, idempotency_key } = c.req.valid('json');
      const results = [];
      for (const [i, o] of list.entries()) {
        try {
          results.push({
            index: i,
            ok: true,
            order: await placeOrder(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), {
              ...o,
              idempotency_key: `${idempotency_key}-${i}`,
            }),
          });
        } catch (e) {
          results.push({ index: i, ok: false, error: errorBody(c, c.get('lang'), e).body.error });
        }
      }
      return c.json(results, 200);
    },
  )
  .openapi(
    route('orders.edit', {
      method: 'post',
      path: '/orders/cancel_batch',
      tags: ['orders'],
      summary: '批量撤单 Cancel several orders',
      request: jsonBody(cancelBatchBody),
    }),
    async (c) =>
      c.json(
        await cancelOrders(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json').ids, (e) => {
          const { error } = errorBody(c, c.get('lang'), e).body as {
            error: { code: string; message: string; fields?: Record<string, string> };
          };
          return { code: error.code, message: error.fields ? Object.values(error.fields)[0]! : error.message };
        }),
        200,
      ),
  )
  .openapi(
    route('orders.show', {
      method: 'get',
      path: '/orders/{id}',
      tags: ['orders'],
      summary: '委托详情 One order',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await orders(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .selectAll('o')
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('orders.create', {
      method: 'post',
      path: '/orders',
      tags: ['orders'],
      summary: '柜台委托 Place an order: checks, then freezes cash or shares (idempotent)',
      request: jsonBody(orderBody),
    }),
    async (c) =>
      c.json(await placeOrder(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json')), 201),
  )
  .openapi(
    route('orders.edit', {
      method: 'post',
      path: '/orders/{id}/cancel',
      tags: ['orders'],
      summary: '撤单 Cancel the unfilled part and release its freeze',
      request: { params: idParams },
    }),
    async (c) =>
      c.json(
        await cancelOrder(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), Number(c.req.valid('param').id)),
        200,
      ),
  );
