import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, countUpTo, idFilter, parseListQuery } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { openShareholderAccount } from '../orders/positions.service.js';
import { withListExports } from '../reports/list-export.js';
import { holders, shareholderMarkets } from './shareholder-accounts.queries.js';
import { shareholderAccountsExport } from './shareholder-accounts.export.js';

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

export const shareholderAccountRoutes = withListExports(router(), [[shareholderAccountsExport, holderSpec]])
  .openapi(
    route('shareholder_accounts.create', {
      method: 'get',
      path: '/shareholder_accounts/markets',
      tags: ['shareholder_accounts'],
      summary: '可开股东账户的市场 The markets a shareholder account can be opened on (开户 offers them)',
    }),
    async (c) => c.json(await shareholderMarkets(c.get('deps').db), 200),
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
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .selectAll('h')
        .orderBy(sql.ref(`h.${list.sort.field}`), list.sort.order)
        .orderBy('h.id')
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('shareholder_accounts', list.offset, rows.length, n));
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
