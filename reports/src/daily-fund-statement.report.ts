import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { grouped } from './format.js';
import { P } from './params.js';
import { currencyLabel, inBranch, journalTypeValues, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 资金日计表: the branch's day per currency — 上日余额, the count, debits (cash out) and credits
 * (cash in) of each business type, freezes apart since they do not move the balance, 本日余额 —
 * and the check line 上日余额 + 贷方 − 借方 = 本日余额. The closing equals the total of 资金余额
 * for the same date; the opening is the previous day's closing.
 */
export default defineReport<{ date: string; currency?: string }>({
  id: 'daily_fund_statement',
  title: L('资金日计表', 'Daily fund statement'),
  description: L(
    '营业部一日的资金：上日余额、各业务借贷发生额、本日余额，按币种，附平衡校验',
    "The branch's day per currency: opening, debits and credits by business type, closing, and the check line",
  ),
  params: [P.date(), P.currency(), P.branch()],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      WITH acc AS (
        SELECT a.id, a.currency, a.balance FROM fund_accounts a
        WHERE a.opened_on <= ${p.date}::date ${inBranch(ctx, 'a.branch_id')} ${when(p.currency, 'a.currency')}
      ),
      later AS (
        SELECT j.account_id, sum(j.amount) AS amount FROM fund_journal_all j
        WHERE j.business_date > ${p.date}::date GROUP BY j.account_id
      ),
      closing AS (
        SELECT acc.currency, sum(acc.balance - coalesce(later.amount, 0)) AS balance
        FROM acc LEFT JOIN later ON later.account_id = acc.id GROUP BY acc.currency
      ),
      day AS (
        SELECT acc.currency, j.type, count(*) AS entries,
          sum(CASE WHEN j.amount < 0 THEN -j.amount ELSE 0 END) AS debit,
          sum(CASE WHEN j.amount > 0 THEN j.amount ELSE 0 END) AS credit,
          sum(j.frozen_delta) AS frozen
        FROM fund_journal_all j JOIN acc ON acc.id = j.account_id
        WHERE j.business_date = ${p.date}::date
        GROUP BY acc.currency, j.type
      ),
      lines(seq, line) AS (VALUES ${journalTypeValues()})
      SELECT * FROM (
        SELECT cl.currency, 0 AS seq, 'opening' AS line, NULL::bigint AS entries,
          cl.balance - coalesce((SELECT sum(d.credit - d.debit) FROM day d WHERE d.currency = cl.currency), 0) AS opening,
          NULL::numeric AS debit, NULL::numeric AS credit, NULL::numeric AS frozen, NULL::numeric AS closing
        FROM closing cl
        UNION ALL
        SELECT cl.currency, l.seq, l.line, coalesce(d.entries, 0), NULL, coalesce(d.debit, 0), coalesce(d.credit, 0),
          coalesce(d.frozen, 0), NULL
        FROM closing cl CROSS JOIN lines l LEFT JOIN day d ON d.currency = cl.currency AND d.type = l.line
        UNION ALL
        SELECT cl.currency, 99, 'closing', NULL, NULL, NULL, NULL, NULL, cl.balance FROM closing cl
      ) x`,
    ),
  order: [
    ['currency', 'asc'],
    ['seq', 'asc'],
  ],
  group: { key: 'currency', label: (r, lang) => currencyLabel(String(r.currency), lang) },
  grandTotal: false,
  columns: [
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 7 },
    { key: 'line', label: L('业务类别', 'Item'), type: 'enum', dict: 'statement_line', width: 18 },
    { key: 'entries', label: L('笔数', 'Entries'), type: 'count', sum: true, width: 8 },
    { key: 'opening', label: L('上日余额', 'Opening'), type: 'money', sum: true, width: 17 },
    { key: 'debit', label: L('借方发生额', 'Debit'), type: 'money', sum: true, width: 16 },
    { key: 'credit', label: L('贷方发生额', 'Credit'), type: 'money', sum: true, width: 16 },
    { key: 'frozen', label: L('冻结发生额', 'Frozen change'), type: 'money', sum: true, width: 14 },
    { key: 'closing', label: L('本日余额', 'Closing'), type: 'money', sum: true, width: 17 },
  ],
  orientation: 'landscape',
  // per currency: 上日余额 + 贷方 − 借方 = 本日余额, and whether it balances
  notes: (totals, lang) =>
    [...totals.groups].map(([currency, s]) => {
      const opening = new Decimal(String(s.opening ?? 0));
      const debit = new Decimal(String(s.debit ?? 0));
      const credit = new Decimal(String(s.credit ?? 0));
      const closing = new Decimal(String(s.closing ?? 0));
      const diff = opening.plus(credit).minus(debit).minus(closing);
      const f = (d: Decimal) => grouped(d.toFixed(2), 2);
      const ok = diff.isZero();
      return lang === 'zh'
        ? `${currencyLabel(currency, lang)}：上日余额 ${f(opening)} + 贷方 ${f(credit)} − 借方 ${f(debit)} = 本日余额 ${f(closing)}（${ok ? '平衡' : `不平衡，差额 ${f(diff)}`}）`
        : `${currencyLabel(currency, lang)}: opening ${f(opening)} + credit ${f(credit)} − debit ${f(debit)} = closing ${f(closing)} (${ok ? 'balanced' : `off by ${f(diff)}`})`;
    }),
});
