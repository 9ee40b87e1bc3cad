import { sql } from 'kysely';
import { FILTER } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { asReportQuery, localTimeText } from '../../../../reports/src/sql.js';
import { accounts, bankTransfers, journal } from './ledger.queries.js';

const L = (zh: string, en: string) => ({ zh, en });
const bankName = (lang: 'zh' | 'en') => (lang === 'zh' ? 'bk.name_zh' : 'bk.name_en');
/** A reversed entry (冲销) did not happen: its reversal names it. */
const reversed = sql<string>`CASE WHEN EXISTS (SELECT 1 FROM fund_journal_all r WHERE r.reverses_id = j.id) THEN 'true' ELSE 'false' END`;

/** 资金余额: every fund account the list selects, with balance, frozen, available and withdrawable cash. */
export const fundAccountsExport: ListExport = {
  resource: 'fund_accounts',
  title: L('资金余额', 'Fund balances'),
  query: (ctx, f) =>
    asReportQuery(
      accounts(ctx.db, ctx.branchId, f)
        .innerJoin('branches as br', 'br.id', 'a.branch_id')
        .select([
          'a.id',
          'a.account_no',
          'c.client_no',
          'c.name as client_name',
          'a.currency',
          'a.balance',
          'a.frozen',
          sql<string>`(a.balance - a.frozen)::numeric(18,2)`.as('available'),
          sql<string>`greatest(a.balance - a.frozen - a.unwithdrawable, 0)::numeric(18,2)`.as('withdrawable'),
          'a.credit_line',
          'a.status',
          'a.opened_on',
          'br.name as branch_name',
        ]),
    ),
  order: [['account_no', 'asc']],
  columns: [
    { key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 },
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code', width: 13 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 8 },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'balance', label: L('资金余额', 'Balance'), type: 'money', width: 15 },
    { key: 'frozen', label: L('冻结资金', 'Frozen'), type: 'money', width: 14 },
    { key: 'available', label: L('可用资金', 'Available'), type: 'money', width: 15 },
    { key: 'withdrawable', label: L('可取资金', 'Withdrawable'), type: 'money', width: 15 },
    { key: 'credit_line', label: L('信用额度', 'Credit line'), type: 'money', width: 12 },
    { key: 'status', label: L('状态', 'Status'), type: 'enum', dict: 'account_status', width: 6 },
    { key: 'opened_on', label: L('开户日期', 'Opened on'), type: 'date' },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    client_id: FILTER.client_id,
    account_no: { label: L('资金账号', 'Account') },
    status: { label: L('状态', 'Status'), kind: 'enum', dict: 'account_status' },
  },
};

/** 资金流水: the journal entries the list selects, oldest first, each with the balance after it. */
export const fundJournalExport: ListExport = {
  resource: 'fund_journal',
  title: L('资金流水', 'Fund journal'),
  query: (ctx, f) =>
    asReportQuery(
      journal(ctx.db, ctx.branchId, f)
        .innerJoin('clients as c', 'c.id', 'a.client_id')
        .innerJoin('branches as br', 'br.id', 'j.branch_id')
        .leftJoin('banks as bk', 'bk.code', 'j.bank_code')
        .select([
          'j.id',
          'j.business_date',
          'a.account_no',
          'c.client_no',
          'c.name as client_name',
          'a.currency',
          'j.type',
          'j.amount',
          'j.balance_after',
          'j.frozen_delta',
          'j.frozen_after',
          'j.freeze_kind',
          sql.ref(bankName(ctx.lang)).as('bank_name'),
          'j.reference',
          'j.reverses_id',
          reversed.as('reversed'),
          'op.name as operator_name',
          localTimeText('j.created_at').as('posted_at'),
          'br.name as branch_name',
        ]),
    ),
  order: [['id', 'asc']],
  columns: [
    { key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 },
    { key: 'business_date', label: L('业务日期', 'Date'), type: 'date' },
    { key: 'id', label: L('流水号', 'Entry no.'), type: 'code', width: 9 },
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code', width: 13 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 8 },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'type', label: L('业务类别', 'Type'), type: 'enum', dict: 'journal_type', width: 9 },
    { key: 'amount', label: L('发生金额', 'Amount'), type: 'money', width: 14 },
    { key: 'balance_after', label: L('资金余额', 'Balance after'), type: 'money', width: 15 },
    { key: 'frozen_delta', label: L('冻结发生额', 'Frozen change'), type: 'money', width: 13 },
    { key: 'frozen_after', label: L('冻结余额', 'Frozen after'), type: 'money', width: 14 },
    { key: 'freeze_kind', label: L('冻结类型', 'Freeze kind'), type: 'enum', dict: 'freeze_kind', width: 9 },
    { key: 'bank_name', label: L('银行', 'Bank'), type: 'text', width: 12 },
    { key: 'reference', label: L('摘要', 'Reference'), type: 'text', width: 20 },
    { key: 'reverses_id', label: L('冲销流水号', 'Reverses'), type: 'code', width: 9 },
    { key: 'reversed', label: L('已冲销', 'Reversed'), type: 'enum', dict: 'yes_no', width: 7 },
    { key: 'operator_name', label: L('柜员', 'Operator'), type: 'text', width: 8 },
    { key: 'posted_at', label: L('记账时间', 'Posted at'), type: 'text', width: 19 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    account_id: { label: L('资金账号', 'Account'), kind: 'lookup', lookup: 'fund_account' },
    client_id: FILTER.client_id,
    type: { label: L('业务类别', 'Type'), kind: 'enum', dict: 'journal_type' },
    business_date_gte: { label: L('业务日期起', 'From') },
    business_date_lte: { label: L('业务日期止', 'To') },
  },
};

/**
 * 银证转账明细: the bank transfers the list selects, for people (the bank's own file, 明细账, keeps
 * its machine format: bank-files.csv.ts): the bank by name, 转入 and 转出 in columns of their own
 * with their totals, and whether a transfer was reversed (the bank's file leaves those out).
 */
export const bankTransfersExport: ListExport = {
  resource: 'bank_transfers',
  title: L('银证转账明细', 'Bank transfers'),
  query: (ctx, f) =>
    asReportQuery(
      bankTransfers(ctx.db, ctx.branchId, f)
        .innerJoin('branches as br', 'br.id', 'j.branch_id')
        .select([
          'j.id',
          'j.business_date',
          sql.ref(bankName(ctx.lang)).as('bank_name'),
          'a.account_no',
          'c.client_no',
          'c.name as client_name',
          'j.type',
          sql<string>`CASE WHEN j.type = 'bank_in' THEN j.amount END`.as('in_amount'),
          sql<string>`CASE WHEN j.type = 'bank_out' THEN -j.amount END`.as('out_amount'),
          'j.balance_after',
          'j.reference',
          reversed.as('reversed'),
          'op.name as operator_name',
          localTimeText('j.created_at').as('posted_at'),
          'br.name as branch_name',
        ]),
    ),
  order: [['id', 'asc']],
  columns: [
    { key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 },
    { key: 'business_date', label: L('业务日期', 'Date'), type: 'date' },
    { key: 'id', label: L('流水号', 'Entry no.'), type: 'code', width: 9 },
    { key: 'bank_name', label: L('银行', 'Bank'), type: 'text', width: 12 },
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code', width: 13 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 8 },
    { key: 'type', label: L('转账方向', 'Direction'), type: 'enum', dict: 'journal_type', width: 9 },
    { key: 'in_amount', label: L('转入金额', 'In'), type: 'money', sum: true, width: 14 },
    { key: 'out_amount', label: L('转出金额', 'Out'), type: 'money', sum: true, width: 14 },
    { key: 'balance_after', label: L('资金余额', 'Balance after'), type: 'money', width: 15 },
    { key: 'reference', label: L('摘要', 'Reference'), type: 'text', width: 16 },
    { key: 'reversed', label: L('已冲销', 'Reversed'), type: 'enum', dict: 'yes_no', width: 7 },
    { key: 'operator_name', label: L('柜员', 'Operator'), type: 'text', width: 8 },
    { key: 'posted_at', label: L('记账时间', 'Posted at'), type: 'text', width: 19 },
  ],
  orientation: 'landscape',
  filters: {
    id: FILTER.id,
    branch_id: FILTER.branch_id,
    client_id: FILTER.client_id,
    bank_code: { label: L('银行', 'Bank'), kind: 'lookup', lookup: 'bank' },
    type: { label: L('转账方向', 'Direction'), kind: 'enum', dict: 'journal_type' },
    business_date_gte: { label: L('业务日期起', 'From') },
    business_date_lte: { label: L('业务日期止', 'To') },
  },
};
