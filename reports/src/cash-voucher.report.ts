import { sql } from 'kysely';
import { z } from 'zod';
import { defineReport } from './define-report.js';
import type { ParamSpec } from './params.js';
import { inBranch, rows } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/** The journal entry a voucher is printed for, by its 流水号 (the entry's id). */
const entry: ParamSpec = {
  name: 'entry_id',
  kind: 'integer',
  label: L('流水号', 'Entry no.'),
  schema: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  required: true,
  min: 1,
};

/** What a voucher moved: the balance, or (a freeze, an unfreeze) the frozen cash; always as a positive sum. */
const moved = sql`CASE WHEN j.amount <> 0 THEN abs(j.amount) ELSE abs(j.frozen_delta) END`;

/**
 * 资金凭证: the counter's voucher for one fund journal entry — printed after a deposit, a
 * withdrawal or a transfer for the client to sign, and reprinted from the entry later. The
 * amount stands in figures and in Chinese capitals (中文大写, the banking standard's, as the
 * confirmation at the counter showed it), with the balance after the entry, the teller who
 * posted it and the note; under it the lines to sign: 客户签字, 经办, 复核. The entry is read
 * from the current or the history journal; another branch's entry is a 404.
 */
export default defineReport<{ entry_id: number }>({
  id: 'cash_voucher',
  title: L('资金业务凭证', 'Cash voucher'),
  description: L(
    '一笔资金流水的柜台凭证：金额（含大写）、余额、柜员、摘要，供客户签字',
    'The counter voucher of one fund journal entry: amount (also in Chinese capitals), balance, teller, note; for the client to sign',
  ),
  params: [entry],
  dateParam: '',
  subject: async (ctx, p) => {
    const { rows: found } = await sql<{ date: string; currency: string }>`
      SELECT j.business_date::text AS date, a.currency FROM fund_journal_all j JOIN fund_accounts a ON a.id = j.account_id
      WHERE j.id = ${p.entry_id} ${inBranch(ctx, 'j.branch_id')}`.execute(ctx.db);
    return found[0];
  },
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT j.id, j.business_date, a.account_no, c.client_no || ' ' || c.name AS client_name, a.currency, j.type,
        ${moved} AS amount, a.currency || ' ' || (${moved})::text AS amount_words,
        j.balance_after, j.frozen_after, op.name AS operator_name, j.reference, br.name AS branch_name
      FROM fund_journal_all j
      JOIN fund_accounts a ON a.id = j.account_id
      JOIN clients c ON c.id = a.client_id
      JOIN branches br ON br.id = j.branch_id
      LEFT JOIN operators op ON op.id = j.operator_id
      WHERE j.id = ${p.entry_id} ${inBranch(ctx, 'j.branch_id')}`,
    ),
  order: [['id', 'asc']],
  columns: [
    { key: 'business_date', label: L('业务日期', 'Business date'), type: 'date' },
    { key: 'id', label: L('流水号', 'Entry no.'), type: 'code', width: 10 },
    { key: 'account_no', label: L('资金账号', 'Account'), type: 'code' },
    { key: 'client_name', label: L('客户', 'Client'), type: 'text', width: 20 },
    { key: 'type', label: L('业务类别', 'Type'), type: 'enum', dict: 'journal_type' },
    { key: 'currency', label: L('币种', 'Currency'), type: 'enum', dict: 'currency', width: 8 },
    { key: 'amount', label: L('金额', 'Amount'), type: 'money' },
    { key: 'balance_after', label: L('余额', 'Balance'), type: 'money' },
    { key: 'amount_words', label: L('金额大写', 'Amount in words'), type: 'amount_words', wide: true },
    { key: 'frozen_after', label: L('冻结余额', 'Frozen'), type: 'money' },
    { key: 'operator_name', label: L('柜员', 'Teller'), type: 'text', width: 10 },
    { key: 'reference', label: L('摘要', 'Note'), type: 'text', width: 30, wide: true },
  ],
  grandTotal: false,
  orientation: 'portrait',
  layout: 'voucher',
  signatures: [L('客户签字', 'Client signature'), L('经办', 'Handled by'), L('复核', 'Checked by')],
});
