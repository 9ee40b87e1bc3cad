import { sql } from 'kysely';
import { Decimal } from 'decimal.js';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../audit/audit.service.js';
import { computeFees, resolveSchedules } from '../fees/fees.calc.js';
import { schedulesInForce } from '../fees/fees.service.js';
import { postInTransaction } from '../ledger/ledger.service.js';
import { moveFrozenShares } from '../orders/orders.service.js';
import { nextTradingDayOf } from '../calendar/calendar.service.js';
import { invariantViolations } from './invariants.queries.js';

/** What a step reports: rows it touched and a line for the operator. */
export interface StepResult {
  rows: number;
  detail: string;
}
export interface StepContext {
  trx: Db;
  actor: Actor;
  date: string;
}
export type Step = { name: string; run: (ctx: StepContext) => Promise<StepResult> };

/** 1 闭市: from here on the day takes no orders (postings wait on the business date, then date tomorrow). */
const closeDay: Step = {
  name: 'close_day',
  run: async ({ trx, date }) => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM orders WHERE business_date = ${date}`.execute(trx);
    return { rows: rows[0]!.n, detail: `当日委托 ${rows[0]!.n} 笔` };
  },
};

/** 2 成交配对: the day's trade reports are matched when imported; here they are counted per source. */
const matchedTrades: Step = {
  name: 'match_trades',
  run: async ({ trx, date }) => {
    const { rows } = await sql<{ n: number; files: number }>`SELECT count(*)::int AS n, count(DISTINCT source)::int AS files FROM trades WHERE business_date = ${date}`.execute(trx);
    return { rows: rows[0]!.n, detail: `成交 ${rows[0]!.n} 笔，来自 ${rows[0]!.files} 个成交回报文件` };
  },
};

/**
 * 4 成交清算: every trade's fees again, with the schedules in force on its date and the same fee
 * function the order screen and the import used; a difference stops the day.
 */
const clearing: Step = {
  name: 'clearing',
  run: async ({ trx, date }) => {
    const trades = await sql<{ id: number; side: 'buy' | 'sell'; market: string; price: string; quantity: number; type: string; board: string; client_class: string; client_no: string; commission: string; stamp_duty: string; transfer_fee: string; handling_fee: string; regulatory_fee: string; net_amount: string }>`
      SELECT t.id, t.side, t.market, t.price, t.quantity, s.type, s.board, c.client_class, c.client_no, t.commission, t.stamp_duty, t.transfer_fee, t.handling_fee, t.regulatory_fee, t.net_amount
      FROM trades t JOIN securities s ON s.id = t.security_id JOIN clients c ON c.id = t.client_id WHERE t.business_date = ${date}`.execute(trx);
    const schedules = await schedulesInForce(trx, date);
    const wrong: number[] = [];
    for (const t of trades.rows) {
      const f = computeFees(t, resolveSchedules(schedules, { date, side: t.side, market: t.market, security_type: t.type, board: t.board, client_class: t.client_class, client_id: t.client_no }));
      if (f.commission !== t.commission || f.stamp_duty !== t.stamp_duty || f.transfer_fee !== t.transfer_fee || f.handling_fee !== t.handling_fee || f.regulatory_fee !== t.regulatory_fee || f.net_amount !== t.net_amount) wrong.push(t.id);
    }
    if (wrong.length) throw new AppError(409, 'DAY_END_CLEARING', 'day_end_clearing', { ids: wrong.slice(0, 10).join(', ') });
    return { rows: trades.rows.length, detail: `复核成交 ${trades.rows.length} 笔，费用一致` };
  },
};

/** 5 交割 (一级清算): the branch's net with the exchange per market and seat, set-based from the day's trades. */
const delivery: Step = {
  name: 'delivery',
  run: async ({ trx, date }) => {
    const r = await sql`
      INSERT INTO clearing_summaries (business_date, branch_id, market, seat_no, trades, buy_amount, sell_amount, commission, stamp_duty, transfer_fee, handling_fee, regulatory_fee, net_payable)
      SELECT ${date}::date, branch_id, market, seat_no, count(*),
        coalesce(sum(amount) FILTER (WHERE side = 'buy'), 0), coalesce(sum(amount) FILTER (WHERE side = 'sell'), 0),
        sum(commission), sum(stamp_duty), sum(transfer_fee), sum(handling_fee), sum(regulatory_fee),
        coalesce(sum(amount) FILTER (WHERE side = 'buy'), 0) - coalesce(sum(amount) FILTER (WHERE side = 'sell'), 0) + sum(stamp_duty) + sum(transfer_fee) + sum(handling_fee) + sum(regulatory_fee)
      FROM trades WHERE business_date = ${date} GROUP BY branch_id, market, seat_no`.execute(trx);
    const n = Number(r.numAffectedRows ?? 0);
    return { rows: n, detail: `按市场和席位汇总 ${n} 行` };
  },
};

/** 6 解冻: orders left unfilled expire and release what they froze; same-day cash freezes are released. */
const releaseFreezes: Step = {
  name: 'release_freezes',
  run: async ({ trx, actor, date }) => {
    const { rows: open } = await sql<{ id: number; order_no: string; side: string; frozen_cash: string; quantity: number; filled_quantity: number; fund_account_id: number; shareholder_account_id: number; security_id: number }>`
      SELECT id, order_no, side, frozen_cash, quantity, filled_quantity, fund_account_id, shareholder_account_id, security_id
      FROM orders WHERE business_date = ${date} AND status IN ('open', 'partially_filled') ORDER BY id FOR UPDATE`.execute(trx);
    for (const o of open) {
      if (o.side === 'buy' && new Decimal(o.frozen_cash).gt(0)) {
        await postInTransaction(trx, actor, null, { account_id: o.fund_account_id, type: 'unfreeze', amount: o.frozen_cash, reference: `日终解冻 ${o.order_no}` });
      }
      const remaining = Number(o.quantity) - Number(o.filled_quantity);
      if (o.side === 'sell' && remaining > 0) {
        const { rows } = await sql<{ id: number }>`SELECT id FROM positions WHERE shareholder_account_id = ${o.shareholder_account_id} AND security_id = ${o.security_id} FOR UPDATE`.execute(trx);
        await moveFrozenShares(trx, actor, date, rows[0]!.id, -remaining, 'unfreeze', `日终解冻 ${o.order_no}`, o.id);
      }
    }
    await sql`UPDATE orders SET status = 'expired', frozen_cash = 0, version = version + 1 WHERE business_date = ${date} AND status IN ('open', 'partially_filled')`.execute(trx);
    // what same-day freezes still hold after the orders (manual 当日冻结)
    const { rows: sameDay } = await sql<{ account_id: number; held: string }>`
      SELECT account_id, sum(frozen_delta) AS held FROM fund_journal WHERE business_date = ${date} AND freeze_kind = 'same_day' GROUP BY account_id HAVING sum(frozen_delta) > 0`.execute(trx);
    for (const a of sameDay) await postInTransaction(trx, actor, null, { account_id: a.account_id, type: 'unfreeze', amount: new Decimal(a.held).toFixed(2), reference: '日终解除当日冻结', freeze_kind: 'same_day' });
    return { rows: open.length + sameDay.length, detail: `未成交委托 ${open.length} 笔撤销解冻，当日冻结 ${sameDay.length} 笔解除` };
  },
};

/**
 * 7 利息 (DOMAIN.md §3.4): each account's closing balance is added to its accrual base; on a
 * 转息日 (or the last trading day before one) interest = base × annual rate / 360, half-up to the
 * cent, is posted and the base resets.
 */
const interest: Step = {
  name: 'interest',
  run: async ({ trx, actor, date }) => {
    const accrued = await sql`UPDATE fund_accounts SET interest_base = interest_base + greatest(balance, 0) WHERE status = 'active' AND balance > 0`.execute(trx);
    const params = await trx.selectFrom('system_params').select(['key', 'value']).where('key', 'in', ['interest_rate_annual', 'interest_capitalisation_dates']).execute();
    const rate = params.find((p) => p.key === 'interest_rate_annual')?.value ?? '0';
    const dates = (params.find((p) => p.key === 'interest_capitalisation_dates')?.value ?? '').split(',');
    // a 转息日 on a weekend or holiday is honoured by the last day-end before it passes
    const next = (await nextTradingDayOf(trx, 'SH-A', date)) ?? date;
    const year = Number(date.slice(0, 4));
    const due = dates.some((md) => [year, year + 1].some((y) => `${y}-${md}` >= date && `${y}-${md}` < next));
    if (!due) return { rows: Number(accrued.numAffectedRows ?? 0), detail: `${accrued.numAffectedRows ?? 0} 个账户累计利息积数` };
    const { rows } = await sql<{ id: number; interest_base: string }>`SELECT id, interest_base FROM fund_accounts WHERE interest_base > 0 ORDER BY id FOR UPDATE`.execute(trx);
    let posted = 0;
    for (const a of rows) {
      const amount = new Decimal(a.interest_base).times(rate).div(360).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
      if (amount.gt(0)) {
        await postInTransaction(trx, actor, null, { account_id: a.id, type: 'interest', amount: amount.toFixed(2), reference: `结息 ${date}` });
        posted++;
      }
    }
    await sql`UPDATE fund_accounts SET interest_base = 0 WHERE interest_base <> 0`.execute(trx);
    return { rows: posted, detail: `转息日：${posted} 个账户结息入账` };
  },
};

/** 8 检查: every invariant of DOMAIN.md §3.3; a violation aborts the run with nothing committed. */
const checkInvariants: Step = {
  name: 'check_invariants',
  run: async ({ trx }) => {
    const broken = await invariantViolations(trx);
    if (broken.length) throw new AppError(409, 'DAY_END_INVARIANT', 'day_end_invariant', { what: broken.slice(0, 5).join(', ') });
    return { rows: 0, detail: '账务检查全部通过' };
  },
};

/** 9 数据汇总: the day's figures per branch, for the KPI screen. */
const summaries: Step = {
  name: 'summaries',
  run: async ({ trx, date }) => {
    const r = await sql`
      INSERT INTO daily_summaries (business_date, branch_id, trades, turnover, commission, net_commission, deposits, withdrawals, client_funds, clients, new_clients, closed_clients)
      SELECT ${date}::date, b.id,
        coalesce(t.n, 0), coalesce(t.turnover, 0), coalesce(t.commission, 0), coalesce(t.net_commission, 0),
        coalesce(j.deposits, 0), coalesce(j.withdrawals, 0), coalesce(f.funds, 0),
        coalesce(c.clients, 0), coalesce(c.new_clients, 0), coalesce(c.closed_clients, 0)
      FROM branches b
      LEFT JOIN (SELECT branch_id, count(*) n, sum(amount) turnover, sum(commission) commission, sum(commission - handling_fee - regulatory_fee) net_commission
                 FROM trades WHERE business_date = ${date} GROUP BY branch_id) t ON t.branch_id = b.id
      LEFT JOIN (SELECT branch_id,
                   sum(amount) FILTER (WHERE type IN ('deposit', 'bank_in', 'transfer_in', 'remit_in')) deposits,
                   -sum(amount) FILTER (WHERE type IN ('withdrawal', 'bank_out', 'transfer_out', 'remit_out')) withdrawals
                 FROM fund_journal WHERE business_date = ${date} GROUP BY branch_id) j ON j.branch_id = b.id
      LEFT JOIN (SELECT branch_id, sum(balance) funds FROM fund_accounts WHERE currency = 'CNY' GROUP BY branch_id) f ON f.branch_id = b.id
      LEFT JOIN (SELECT branch_id, count(*) FILTER (WHERE status <> 'closed') clients, count(*) FILTER (WHERE opened_on = ${date}) new_clients,
                   count(*) FILTER (WHERE closed_on = ${date}) closed_clients FROM clients GROUP BY branch_id) c ON c.branch_id = b.id`.execute(trx);
    return { rows: Number(r.numAffectedRows ?? 0), detail: '各营业部当日数据已汇总' };
  },
};

/** 银证转账清算: the day's transfer detail per bank (the files at /api/bank_transfers/detail). */
const bankDetail: Step = {
  name: 'bank_detail',
  run: async ({ trx, date }) => {
    const { rows } = await sql<{ bank_code: string; n: number; net: string }>`
      SELECT j.bank_code, count(*)::int AS n, sum(j.amount) AS net FROM fund_journal j
      WHERE j.business_date = ${date} AND j.type IN ('bank_in', 'bank_out') AND NOT EXISTS (SELECT 1 FROM fund_journal r WHERE r.reverses_id = j.id)
      GROUP BY j.bank_code ORDER BY j.bank_code`.execute(trx);
    const n = rows.reduce((s, r) => s + r.n, 0);
    return { rows: n, detail: rows.length ? rows.map((r) => `${r.bank_code} ${r.n} 笔 净额 ${new Decimal(r.net).toFixed(2)}`).join('；') : '当日无银证转账' };
  },
};

/** 11 日期滚动: today's buys become sellable, today's proceeds withdrawable, the business date moves to the next trading day. */
const rollDate: Step = {
  name: 'roll_date',
  run: async ({ trx, date }) => {
    const next = await nextTradingDayOf(trx, 'SH-A', date);
    if (!next) throw new AppError(409, 'DAY_END_CALENDAR', 'calendar_exhausted');
    const p = await sql`UPDATE positions SET today_bought = 0 WHERE today_bought <> 0`.execute(trx);
    const a = await sql`UPDATE fund_accounts SET unwithdrawable = 0 WHERE unwithdrawable <> 0`.execute(trx);
    await trx.updateTable('system_params').set((eb) => ({ value: next, version: eb('version', '+', 1) })).where('key', '=', 'business_date').execute();
    return { rows: Number(p.numAffectedRows ?? 0) + Number(a.numAffectedRows ?? 0), detail: `下一业务日 ${next}` };
  },
};

/**
 * The day-end steps in the order of DOMAIN.md §3.5, plus the bank transfer detail. Not yet built
 * (and so not listed): the snapshots before and after clearing (3, 10), moving journals to
 * history (11, first half) and the report package (12).
 */
export const STEPS: readonly Step[] = [closeDay, matchedTrades, clearing, delivery, releaseFreezes, interest, checkInvariants, summaries, bankDetail, rollDate];
