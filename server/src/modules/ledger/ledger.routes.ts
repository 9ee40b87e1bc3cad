import { sql } from 'kysely';
import { accruedBaseNow } from '../day-end/interest.js';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, idFilter, type ListFilter, parseListQuery } from '../../http/list-query.js';
import type { Db } from '../../db/connect.js';
import { actorOf } from '../audit/audit.service.js';
import { postEntry, requestReversal } from './ledger.service.js';
import { openFundAccount } from '../clients/clients.service.js';
import { JOURNAL_TYPES } from './ledger.calc.js';

const POSTING_TYPES = [
  'deposit',
  'withdrawal',
  'transfer_in',
  'transfer_out',
  'remit_in',
  'remit_out',
  'bank_in',
  'bank_out',
  'freeze',
  'unfreeze',
] as const;
const idempotencyKey = z
  .string()
  .min(8)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/);

const postingBody = z.strictObject({
  account_id: z.number().int().positive(),
  type: z.enum(POSTING_TYPES),
  // at most 13 integer digits: larger amounts would overflow numeric(18,2) (a 500, not a 400)
  amount: z
    .string()
    .trim()
    .max(20)
    .regex(/^\d{1,13}(\.\d+)?$/),
  reference: z.string().trim().max(100).default(''),
  bank_code: z.string().max(10).nullable().default(null),
  freeze_kind: z.enum(['same_day', 'long_term']).nullable().default(null),
  idempotency_key: idempotencyKey,
});
const reverseBody = z.strictObject({ reason: z.string().trim().min(1).max(200) });

const accountSpec = {
  sortable: ['id', 'account_no', 'balance', 'frozen', 'opened_on'],
  defaultSort: ['account_no', 'ASC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    account_no: z.string().max(20).optional(),
    status: z.enum(['active', 'closed']).optional(),
  },
} as const;
const journalSpec = {
  sortable: ['id', 'business_date', 'amount', 'type'],
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter,
    account_id: z.number().int().positive().optional(),
    client_id: z.number().int().positive().optional(),
    type: z.enum(JOURNAL_TYPES).optional(),
    business_date_gte: z.iso.date().optional(),
    business_date_lte: z.iso.date().optional(),
  },
} as const;

function accounts(db: Db, scope: number | null, f: ListFilter<typeof accountSpec>) {
  let q = db.selectFrom('fund_accounts as a').innerJoin('clients as c', 'c.id', 'a.client_id');
  if (scope !== null) q = q.where('a.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('a.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.client_id !== undefined) q = q.where('a.client_id', '=', f.client_id);
  if (f.account_no) q = q.where('a.account_no', '=', f.account_no);
  if (f.status) q = q.where('a.status', '=', f.status);
  return q;
}
const ACCOUNT_COLUMNS = [
  'a.id',
  'a.account_no',
  'a.client_id',
  'c.client_no',
  'c.name as client_name',
  'a.currency',
  'a.balance',
  'a.frozen',
  'a.unwithdrawable',
  'a.credit_line',
  'a.status',
  'a.branch_id',
  'a.opened_on',
  'a.version',
] as const;

function journal(db: Db, scope: number | null, f: ListFilter<typeof journalSpec>) {
  let q = db
    .selectFrom('fund_journal_all as j')
    .innerJoin('fund_accounts as a', 'a.id', 'j.account_id')
    .leftJoin('operators as op', 'op.id', 'j.operator_id');
  if (scope !== null) q = q.where('j.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('j.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.account_id !== undefined) q = q.where('j.account_id', '=', f.account_id);
  if (f.client_id !== undefined) q = q.where('a.client_id', '=', f.client_id);
  if (f.type) q = q.where('j.type', '=', f.type);
  if (f.business_date_gte) q = q.where('j.business_date', '>=', f.business_date_gte);
  if (f.business_date_lte) q = q.where('j.business_date', '<=', f.business_date_lte);
  return q;
}

const transferSpec = {
  sortable: ['id', 'business_date', 'amount'],
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter,
    client_id: z.number().int().positive().optional(),
    bank_code: z.string().max(10).optional(),
    type: z.enum(['bank_in', 'bank_out']).optional(),
    business_date_gte: z.iso.date().optional(),
    business_date_lte: z.iso.date().optional(),
  },
} as const;

export const ledgerRoutes = router()
  .openapi(
    route('bank_transfers.list', {
      method: 'get',
      path: '/bank_transfers',
      tags: ['bank_transfers'],
      summary: "银证转账查询 Bank-securities transfers (the journal's bank entries, per bank and client)",
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), transferSpec);
      const { type, bank_code, ...rest } = list.filter;
      let base = journal(c.get('deps').db, branchScope(c.get('me')!), rest)
        .innerJoin('clients as c', 'c.id', 'a.client_id')
        .where('j.type', 'in', type ? [type] : ['bank_in', 'bank_out']);
      if (bank_code) base = base.where('j.bank_code', '=', bank_code);
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .select([
          'j.id',
          'j.business_date',
          'j.type',
          'j.amount',
          'j.bank_code',
          'j.reference',
          'j.balance_after',
          'j.account_id',
          'a.account_no',
          'a.client_id',
          'c.client_no',
          'c.name as client_name',
          'j.created_at',
        ])
        .orderBy(sql.ref(`j.${list.sort.field}`), list.sort.order)
        .orderBy('j.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('bank_transfers', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('fund_accounts.list', {
      method: 'get',
      path: '/fund_accounts',
      tags: ['fund_accounts'],
      summary: '资金账户 Fund accounts with balance, frozen and available',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), accountSpec);
      const base = accounts(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .select([
          ...ACCOUNT_COLUMNS,
          sql<string>`(a.balance - a.frozen)::numeric(18,2)`.as('available'),
          sql<string>`${accruedBaseNow()}::numeric(20,2)`.as('interest_base'),
          sql<string>`greatest(a.balance - a.frozen - a.unwithdrawable, 0)::numeric(18,2)`.as('withdrawable'),
        ])
        .orderBy(sql.ref(`a.${list.sort.field}`), list.sort.order)
        .orderBy('a.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('fund_accounts', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('fund_accounts.create', {
      method: 'post',
      path: '/fund_accounts',
      tags: ['fund_accounts'],
      summary: '开资金账户 A fund account in another currency (USD/HKD for B shares)',
      request: jsonBody(z.strictObject({ client_id: z.number().int().positive(), currency: z.string().max(3) })),
    }),
    async (c) =>
      c.json(await openFundAccount(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json')), 201),
  )
  .openapi(
    route('fund_accounts.show', {
      method: 'get',
      path: '/fund_accounts/{id}',
      tags: ['fund_accounts'],
      summary: '资金账户详情 One fund account',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await accounts(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .select([
          ...ACCOUNT_COLUMNS,
          sql<string>`(a.balance - a.frozen)::numeric(18,2)`.as('available'),
          sql<string>`${accruedBaseNow()}::numeric(20,2)`.as('interest_base'),
          sql<string>`greatest(a.balance - a.frozen - a.unwithdrawable, 0)::numeric(18,2)`.as('withdrawable'),
        ])
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('fund_journal.list', {
      method: 'get',
      path: '/fund_journal',
      tags: ['fund_journal'],
      summary: '资金流水 The fund journal (append-only)',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), journalSpec);
      const base = journal(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll('j')
        .select(['a.account_no', 'a.client_id', 'op.name as operator_name'])
        .orderBy(sql.ref(`j.${list.sort.field}`), list.sort.order)
        .orderBy('j.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('fund_journal', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('fund_journal.show', {
      method: 'get',
      path: '/fund_journal/{id}',
      tags: ['fund_journal'],
      summary: '流水详情 One journal entry',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await journal(c.get('deps').db, branchScope(c.get('me')!), { id: Number(c.req.valid('param').id) })
        .selectAll('j')
        .select(['a.account_no', 'a.client_id', 'op.name as operator_name'])
        .executeTakeFirst();
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  )
  .openapi(
    route('fund_journal.create', {
      method: 'post',
      path: '/fund_journal',
      tags: ['fund_journal'],
      summary: '存取款、转账、冻结解冻 Post to the ledger (idempotent by idempotency_key)',
      request: jsonBody(postingBody),
    }),
    async (c) => {
      const entry = await postEntry(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json'));
      return c.json(entry, 201);
    },
  )
  .openapi(
    route('fund_journal.create', {
      method: 'post',
      path: '/fund_journal/{id}/reverse',
      tags: ['fund_journal'],
      summary: '当日冲销 Ask for a same-day reversal (a second operator approves it)',
      request: { params: idParams, ...jsonBody(reverseBody) },
    }),
    async (c) => {
      const r = await requestReversal(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        c.req.valid('json').reason,
      );
      return c.json(r, 202);
    },
  );
