import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { rows } from '../../../../reports/src/sql.js';
import type { Db } from '../../db/connect.js';
import { inTransaction } from '../../db/transaction.js';
import { audit, type Actor } from '../audit/audit.service.js';
import { parseStatement, type DetailLine } from './bank-files.csv.js';

/** The day's bank-securities transfers with one bank (reversed ones left out: they did not happen). */
function dayTransfers(scope: number | null, date: string, bank: string) {
  return sql<{
    journal_id: number;
    business_date: string;
    bank_code: string;
    bank_name_zh: string | null;
    bank_name_en: string | null;
    account_no: string;
    client_no: string;
    client_name: string;
    type: string;
    amount: string;
  }>`
    SELECT j.id AS journal_id, CAST(${date} AS text) AS business_date, j.bank_code,
      bk.name_zh AS bank_name_zh, bk.name_en AS bank_name_en,
      a.account_no, c.client_no, c.name AS client_name, j.type, abs(j.amount)::numeric(18,2) AS amount
    FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id JOIN clients c ON c.id = a.client_id
      LEFT JOIN banks bk ON bk.code = j.bank_code
    WHERE j.business_date = ${date} AND j.bank_code = ${bank} AND j.type IN ('bank_in', 'bank_out')
      AND NOT EXISTS (SELECT 1 FROM fund_journal_all r WHERE r.reverses_id = j.id)
      ${scope === null ? sql`` : sql`AND j.branch_id = ${scope}`}`;
}

/** The day's transfers with one bank as the reconciliation compares them (IN/OUT, as the statement says). */
export async function dayDetail(db: Db, scope: number | null, date: string, bank: string): Promise<DetailLine[]> {
  const { rows } = await sql<DetailLine & { type: string }>`SELECT * FROM (${dayTransfers(scope, date, bank)}) d
    ORDER BY journal_id`.execute(db);
  return rows.map((r) => ({
    business_date: date,
    bank_code: bank,
    journal_id: Number(r.journal_id),
    account_no: r.account_no,
    client_no: r.client_no,
    client_name: r.client_name,
    direction: r.type === 'bank_in' ? 'IN' : 'OUT',
    amount: new Decimal(r.amount).toFixed(2),
  }));
}

const L = (zh: string, en: string) => ({ zh, en });

/**
 * 银证转账清算明细: the day's transfers with one bank as a file of the report renderer (CSV, UTF-8
 * with a BOM or GBK on request, or .xlsx), for the operator who checks it and sends it to the bank:
 * Chinese column titles (English for an English request), the bank by code and by name, the
 * direction in words (银证转入 / 银证转出) and the amount with two decimals. The bank's statement
 * that comes back has its own format (bank-files.csv.ts), which the reconciliation reads.
 */
export function clearingDetailExport(date: string, bank: string): ListExport {
  return {
    resource: 'bank_transfers',
    title: L('银证转账清算明细', 'Bank transfer clearing detail'),
    query: (ctx) =>
      rows(
        ctx,
        sql`SELECT d.*, ${ctx.lang === 'zh' ? sql`d.bank_name_zh` : sql`coalesce(nullif(d.bank_name_en, ''), d.bank_name_zh)`} AS bank_name
          FROM (${dayTransfers(ctx.branchId, date, bank)}) d`,
      ),
    order: [['journal_id', 'asc']],
    columns: [
      { key: 'business_date', label: L('业务日期', 'Business date'), type: 'date' },
      { key: 'bank_code', label: L('银行代码', 'Bank code'), type: 'code', width: 8 },
      { key: 'bank_name', label: L('银行名称', 'Bank'), type: 'text', width: 14 },
      { key: 'journal_id', label: L('流水号', 'Entry no.'), type: 'code', width: 9 },
      { key: 'account_no', label: L('资金账号', 'Account'), type: 'code', width: 13 },
      { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
      { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 8 },
      { key: 'type', label: L('转账方向', 'Direction'), type: 'enum', dict: 'journal_type', width: 9 },
      { key: 'amount', label: L('金额', 'Amount'), type: 'money', width: 14 },
    ],
    // transfers in and out in one column: a 合计 of them would add what goes opposite ways
    grandTotal: false,
    orientation: 'landscape',
    filters: {},
  };
}

export type Mismatch = {
  journal_id: number;
  line?: number;
  problem: 'missing_at_bank' | 'missing_here' | 'amount_differs' | 'direction_differs' | 'wrong_date_or_bank';
  ours?: string;
  theirs?: string;
};

/**
 * 银行清算对账: the bank's statement against the day's detail, line by line on the transfer serial.
 * Reports what matches and every difference; writes nothing but its record (bank_reconciliations,
 * which the day-end pre-check reads) and its audit row.
 */
export async function reconcile(
  db: Db,
  actor: Actor,
  scope: number | null,
  date: string,
  bank: string,
  statement: string,
) {
  const ours = await dayDetail(db, scope, date, bank);
  const { lines, bad } = parseStatement(statement);
  const byId = new Map(ours.map((l) => [l.journal_id, l]));
  const seen = new Set<number>();
  const mismatches: Mismatch[] = [];
  let matched = 0;
  for (const l of lines) {
    if (l.business_date !== date || l.bank_code !== bank) {
      mismatches.push({ journal_id: l.journal_id, line: l.line, problem: 'wrong_date_or_bank' });
      continue;
    }
    const o = byId.get(l.journal_id);
    if (!o)
      mismatches.push({
        journal_id: l.journal_id,
        line: l.line,
        problem: 'missing_here',
        theirs: `${l.direction} ${l.amount}`,
      });
    else if (o.direction !== l.direction)
      mismatches.push({
        journal_id: l.journal_id,
        line: l.line,
        problem: 'direction_differs',
        ours: o.direction,
        theirs: l.direction,
      });
    else if (!new Decimal(o.amount).eq(l.amount))
      mismatches.push({
        journal_id: l.journal_id,
        line: l.line,
        problem: 'amount_differs',
        ours: o.amount,
        theirs: l.amount,
      });
    else matched++;
    seen.add(l.journal_id);
  }
  for (const o of ours)
    if (!seen.has(o.journal_id))
      mismatches.push({ journal_id: o.journal_id, problem: 'missing_at_bank', ours: `${o.direction} ${o.amount}` });
  const total = (xs: { amount: string; direction: string }[]) =>
    xs.reduce((s, x) => (x.direction === 'IN' ? s.plus(x.amount) : s.minus(x.amount)), new Decimal(0)).toFixed(2);
  const result = {
    business_date: date,
    bank_code: bank,
    ours: ours.length,
    theirs: lines.length,
    matched,
    unreadable_lines: bad,
    mismatches,
    net_ours: total(ours),
    net_theirs: total(lines),
  };
  // on record for the day-end pre-check: a bank with transfers and no clean reconciliation is a warning
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('bank_reconciliations')
      .values({
        business_date: date,
        bank_code: bank,
        branch_id: scope,
        ours: ours.length,
        theirs: lines.length,
        matched,
        differences: mismatches.length + bad.length,
        net_ours: result.net_ours,
        net_theirs: result.net_theirs,
        operator_id: actor.operator_id,
        created_at: actor.at,
      })
      .execute();
    await audit(trx, actor, {
      action: 'reconcile',
      resource: 'bank_transfers',
      detail: `${bank} ${date}: ${matched} matched, ${mismatches.length} differences`,
    });
  });
  return result;
}
