import { apiDate } from '../../http/dates.js';
import { sql } from 'kysely';
import { route, router, idParams, listParams, jsonBody, versionField, z } from '../../http/route.js';
import { requirePermission } from '../../http/access.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, countUpTo, idFilter, parseListQuery, textFilter } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { findClient, openClient, setClientStatus, settleClosingInterest, updateClient } from './clients.service.js';
import { withListExports } from '../reports/list-export.js';
import { clients } from './clients.queries.js';
import { clientsExport } from './clients.export.js';

const tags = ['clients'];
const phone = z
  .string()
  .trim()
  .max(20)
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})?$/);
const fields = {
  name: z.string().trim().min(1).max(30),
  phone,
  address: z.string().trim().max(200),
  client_class: z.string().max(20),
  client_manager_id: z.number().int().positive().nullable(),
  allow_counter: z.boolean(),
  allow_phone: z.boolean(),
  allow_online: z.boolean(),
  agent_name: z.string().trim().max(30),
  agent_id_number: z.string().trim().max(18),
  agent_phone: phone,
};
const openBody = z.strictObject({
  ...fields,
  phone: phone.default(''),
  address: fields.address.default(''),
  client_class: fields.client_class.default('retail'),
  client_manager_id: fields.client_manager_id.default(null),
  allow_counter: fields.allow_counter.default(true),
  allow_phone: fields.allow_phone.default(true),
  allow_online: fields.allow_online.default(true),
  agent_name: fields.agent_name.default(''),
  agent_id_number: fields.agent_id_number.default(''),
  agent_phone: phone.default(''),
  id_number: z.string().trim().max(18),
  // 开户 opens these markets' shareholder accounts in the same transaction (SH-A, SZ-A, …)
  markets: z.array(z.string().max(8)).max(10).default([]),
});
const updateBody = z.strictObject({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
  version: versionField,
  id: z.unknown().optional(),
});
const statusBody = z.strictObject({ status: z.enum(['normal', 'frozen', 'lost', 'closed']), version: versionField });
const settleBody = z.strictObject({
  idempotency_key: z
    .string()
    .min(8)
    .max(80)
    .regex(/^[A-Za-z0-9_-]+$/),
});

const listSpec = {
  sortable: ['id', 'client_no', 'name', 'opened_on', 'status', 'client_class'],
  defaultSort: ['client_no', 'ASC'],
  filters: {
    id: idFilter,
    q: textFilter,
    client_no: z.string().max(20).optional(),
    id_number: z.string().max(18).optional(),
    status: z.enum(['normal', 'frozen', 'lost', 'closed']).optional(),
    client_class: z.string().max(20).optional(),
    client_manager_id: z.number().int().positive().optional(),
    opened_on_gte: apiDate.optional(),
    opened_on_lte: apiDate.optional(),
    // head office picks a branch; a branch operator's filter on another branch selects nothing
    branch_id: z.number().int().positive().optional(),
  },
} as const;

export const clientRoutes = withListExports(router(), [[clientsExport, listSpec]])
  .openapi(
    route('clients.list', {
      method: 'get',
      path: '/clients',
      tags,
      summary: '客户列表 Clients (find by account, ID number or name)',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), listSpec);
      const base = clients(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .selectAll('c')
        .orderBy(sql.ref(`c.${list.sort.field}`), list.sort.order)
        .orderBy('c.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('clients', list.offset, rows.length, n));
    },
  )
  .openapi(
    route('clients.show', {
      method: 'get',
      path: '/clients/{id}',
      tags,
      summary: '客户资料 One client',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await findClient(c.get('deps').db, branchScope(c.get('me')!), Number(c.req.valid('param').id));
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('clients.create', {
      method: 'post',
      path: '/clients',
      tags,
      summary:
        '开户 Open an account (ID number checked; a CNY fund account and the shareholder accounts of `markets` are opened too)',
      request: jsonBody(openBody),
    }),
    async (c) => {
      const body = c.req.valid('json');
      // opening shareholder accounts with the client takes that right too (the route checked clients.create)
      if (body.markets.length) await requirePermission('shareholder_accounts.create')(c, async () => {});
      const row = await openClient(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), body);
      return c.json(row, 201);
    },
  )
  .openapi(
    route('clients.edit', {
      method: 'put',
      path: '/clients/{id}',
      tags,
      summary: '修改客户资料 Edit client and agent data',
      request: { params: idParams, ...jsonBody(updateBody) },
    }),
    async (c) => {
      const { id: _id, ...input } = c.req.valid('json') as Record<string, unknown> & { version: number };
      const row = await updateClient(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        input,
      );
      return c.json(row, 200);
    },
  )
  .openapi(
    route('clients.edit', {
      method: 'post',
      path: '/clients/{id}/status',
      tags,
      summary:
        '客户状态 Freeze, report lost, restore or close (close needs the interest settled, zero cash, no holdings)',
      request: { params: idParams, ...jsonBody(statusBody) },
    }),
    async (c) => {
      const { status, version } = c.req.valid('json');
      const row = await setClientStatus(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        status,
        version,
      );
      return c.json(row, 200);
    },
  )
  .openapi(
    route('fund_journal.create', {
      method: 'post',
      path: '/clients/{id}/settle_interest',
      tags,
      summary:
        '销户结息 Settle the interest a closing client is due: the accrual base to the day before, base × rate / 360 posted as interest (idempotent by idempotency_key)',
      request: { params: idParams, ...jsonBody(settleBody) },
    }),
    async (c) => {
      const r = await settleClosingInterest(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        c.req.valid('json').idempotency_key,
      );
      return c.json(r, 200);
    },
  );
