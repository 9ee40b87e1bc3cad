import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, countUpTo, idFilter, parseListQuery } from '../../http/list-query.js';
import { decimalSchema } from '../../resources/field-schema.js';
import { actorOf } from '../audit/audit.service.js';
import { freezeSecurities, transferSecurities } from '../orders/positions.service.js';
import { withListExports } from '../reports/list-export.js';
import { POSITION_COLUMNS, positions, positionValues } from './positions.queries.js';
import { positionsExport } from './positions.export.js';

const idempotencyKey = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/);

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

export const positionRoutes = withListExports(router(), [[positionsExport, positionSpec]])
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
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .select([...POSITION_COLUMNS, ...positionValues()])
        .orderBy(sql.ref(`p.${list.sort.field}`), list.sort.order)
        .orderBy('p.id')
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('positions', list.offset, rows.length, n));
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
  );
