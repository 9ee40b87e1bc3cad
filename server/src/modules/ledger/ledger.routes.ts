import { sql } from 'kysely';
import { accruedBaseNow } from '../day-end/interest.js';
import { route, router, idParams, listParams, jsonBody, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, countUpTo, parseListQuery } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { postEntry, requestReversal } from './ledger.service.js';
import { openFundAccount } from '../clients/clients.service.js';
import { confirmAbove } from '../system_params/system-params.service.js';
import { withListExports } from '../reports/list-export.js';
import {
  ACCOUNT_COLUMNS,
  accountSpec,
  accounts,
  bankTransfers,
  journal,
  journalSpec,
  transferSpec,
} from './ledger.queries.js';
import { bankTransfersExport, fundAccountsExport, fundJournalExport } from './ledger.export.js';

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

export const ledgerRoutes = withListExports(router(), [
  [bankTransfersExport, transferSpec],
  [fundAccountsExport, accountSpec],
  [fundJournalExport, journalSpec],
])
  .openapi(
    route('fund_journal.create', {
      method: 'get',
      path: '/fund_journal/confirmation',
      tags: ['fund_journal'],
      summary:
        '柜台确认金额 The amount above which the counter confirms a cash posting (system parameter confirm_cash_above)',
    }),
    async (c) => c.json({ confirm_above: await confirmAbove(c.get('deps').db, 'cash') }, 200),
  )
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
      const base = bankTransfers(c.get('deps').db, branchScope(c.get('me')!), list.filter);
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .select([
          'j.id',
          'j.business_date',
          'j.type',
          'j.amount',
          'j.bank_code',
          'bk.name_zh as bank_name_zh',
          'bk.name_en as bank_name_en',
          'j.reference',
          'j.balance_after',
          'j.account_id',
          'a.account_no',
          'a.client_id',
          'c.client_no',
          'c.name as client_name',
          'j.created_at',
          'j.branch_id',
        ])
        .orderBy(sql.ref(`j.${list.sort.field}`), list.sort.order)
        .orderBy('j.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('bank_transfers', list.offset, rows.length, n));
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
      const n = await countUpTo(c.get('deps').db, base);
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
      return c.json(rows, 200, contentRange('fund_accounts', list.offset, rows.length, n));
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
      const n = await countUpTo(c.get('deps').db, base);
      const rows = await base
        .selectAll('j')
        .select(['a.account_no', 'a.client_id', 'op.name as operator_name'])
        .orderBy(sql.ref(`j.${list.sort.field}`), list.sort.order)
        .orderBy('j.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows, 200, contentRange('fund_journal', list.offset, rows.length, n));
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
