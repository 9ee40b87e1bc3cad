import { apiDate } from '../../http/dates.js';
import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { errorBody, notFound } from '../../http/errors.js';
import { contentRange, idFilter, parseListQuery } from '../../http/list-query.js';
import { decimalSchema } from '../../resources/field-schema.js';
import { actorOf } from '../audit/audit.service.js';
import { cancelOrder, cancelOrders, estimateOrder, placeOrder } from './orders.service.js';
import { freezeSecurities, openShareholderAccount, transferSecurities } from './positions.service.js';
import { withListExports } from '../reports/list-export.js';
import { holders, orders, POSITION_COLUMNS, positions, positionValues } from './orders.queries.js';
import { ordersExport } from './orders.export.js';
import { positionsExport } from './positions.export.js';
import { shareholderAccountsExport } from './shareholder-accounts.export.js';
import { SHAREHOLDER_MARKETS } from './shareholder-code.calc.js';

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
const positionSpec = {
  sortable: ['id', 'quantity', 'cost'],
  defaultSort: ['id', 'ASC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    shareholder_account_id: z.number().int().positive().optional(),
    branch_id: z.number().int().positive().optional(),
    held: z.boolean().optional(),
  },
} as const;
const holderSpec = {
  sortable: ['id', 'market', 'code', 'opened_on'],
  defaultSort: ['id', 'ASC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    market: z.string().max(8).optional(),
    code: z.string().max(12).optional(),
    branch_id: z.number().int().positive().optional(),
  },
} as const;

export const orderRoutes = withListExports(router(), [
  [ordersExport, orderSpec],
  [positionsExport, positionSpec],
  [shareholderAccountsExport, holderSpec],
])
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
      const { n } = await base.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('o')
        .orderBy(sql.ref(`o.${list.sort.field}`), list.sort.order)
        .orderBy('o.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('orders', list.offset, rows.length, Number(n)));
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
  )
  .openapi(
    route('positions.list', {
      method: 'get',
      path: '/positions',
      tags: ['positions'],
      summary: '证券余额 Holdings: quantity, frozen, sellable, cost, market value at the previous close, floating P/L',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), positionSpec);
      const base = positions(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const { n } = await base.select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .select([...POSITION_COLUMNS, ...positionValues()])
        .orderBy(sql.ref(`p.${list.sort.field}`), list.sort.order)
        .orderBy('p.id')
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('positions', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('positions.show', {
      method: 'get',
      path: '/positions/{id}',
      tags: ['positions'],
      summary: '持仓详情 One holding',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await positions(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .select([...POSITION_COLUMNS, ...positionValues()])
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('positions.create', {
      method: 'post',
      path: '/positions/transfer',
      tags: ['positions'],
      summary: '转托管 Securities transferred in or out (journalled)',
      request: jsonBody(
        z.strictObject({
          shareholder_account_id: z.number().int().positive(),
          code: z.string().trim().min(1).max(12),
          type: z.enum(['transfer_in', 'transfer_out']),
          quantity: z.number().int().min(1).max(100_000_000),
          cost: decimalSchema({ scale: 2, min: '0', maxValue: '100000000000' }).default('0.00'),
          idempotency_key: idempotencyKey,
        }),
      ),
    }),
    async (c) =>
      c.json(
        await transferSecurities(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    route('positions.create', {
      method: 'post',
      path: '/positions/freeze',
      tags: ['positions'],
      summary: '证券冻结解冻 Freeze or unfreeze shares of a holding (journalled)',
      request: jsonBody(
        z.strictObject({
          position_id: z.number().int().positive(),
          type: z.enum(['freeze', 'unfreeze']),
          quantity: z.number().int().min(1).max(100_000_000),
          reason: z.string().trim().min(1).max(200),
          idempotency_key: idempotencyKey,
        }),
      ),
    }),
    async (c) =>
      c.json(await freezeSecurities(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json')), 200),
  )
  .openapi(
    route('shareholder_accounts.create', {
      method: 'get',
      path: '/shareholder_accounts/markets',
      tags: ['shareholder_accounts'],
      summary: '可开股东账户的市场 The markets a shareholder account can be opened on (开户 offers them)',
    }),
    async (c) => {
      const rows = await c
        .get('deps')
        .db.selectFrom('markets')
        .select(['code', 'name_zh', 'name_en'])
        .where('status', '=', 'active')
        .where('code', 'in', SHAREHOLDER_MARKETS)
        .orderBy('id')
        .execute();
      return c.json(rows, 200);
    },
  )
  .openapi(
    route('shareholder_accounts.list', {
      method: 'get',
      path: '/shareholder_accounts',
      tags: ['shareholder_accounts'],
      summary: '股东账户 Shareholder accounts',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), holderSpec);
      const base = holders(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('h')
        .orderBy(sql.ref(`h.${list.sort.field}`), list.sort.order)
        .orderBy('h.id')
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('shareholder_accounts', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('shareholder_accounts.show', {
      method: 'get',
      path: '/shareholder_accounts/{id}',
      tags: ['shareholder_accounts'],
      summary: '股东账户详情 One shareholder account',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await holders(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .selectAll('h')
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('shareholder_accounts.create', {
      method: 'post',
      path: '/shareholder_accounts',
      tags: ['shareholder_accounts'],
      summary:
        '开股东账户 Open a shareholder account with the exchange-assigned code (none: the console assigns one, as 开户 does)',
      request: jsonBody(
        z.strictObject({
          client_id: z.number().int().positive(),
          market: z.string().max(8),
          code: z.string().trim().toUpperCase().max(12).optional(),
        }),
      ),
    }),
    async (c) =>
      c.json(
        await openShareholderAccount(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json')),
        201,
      ),
  );
