import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import { AppError } from '../../http/errors.js';
import type { Actor } from '../audit/audit.service.js';
import { postSet } from '../ledger/ledger.batch.js';
import { clearTrades } from './clearing.js';
import { deliver, expireOrders } from './delivery.js';
import { accrue, bringAllForward } from './interest.js';
import { capitalisationDue } from './interest.calc.js';
import { nextTradingDayOf } from '../calendar/calendar.service.js';
import { invariantViolations } from './invariants.queries.js';
import { closeTheDay } from '../closing-prices/closing-prices.service.js';
import { grouped } from '../../../../reports/src/format.js';
import { segmentStep } from '../segments/segments.service.js';
import { reportPackageStep } from '../report-packages/report-packages.service.js';
import { kpiRules } from '../kpis/kpis.queries.js';
import { clientAssetsAt, isActive, openAt, tierCounts, tradedWithin } from '../kpis/kpis.sql.js';

export type { Step, StepContext, StepResult } from './day-end.step.js';
import type { Step, StepContext, StepResult } from './day-end.step.js';

/** The day's trades: what clearing and delivery expect to get through. */
async function tradesOf(trx: Db, date: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM trades WHERE business_date = ${date}`.execute(trx);
  return rows[0]!.n;
}

/** 1 闭市: from here on the day takes no orders (postings wait on the business date, then date tomorrow). */
const closeDay: Step = {
  name: 'close_day',
  run: async ({ trx, date, progress }) => {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM orders WHERE business_date = ${date}`.execute(trx);
    progress?.(rows[0]!.n, rows[0]!.n);
    return { rows: rows[0]!.n, detail: { key: 'day_end_step_close_day', params: { orders: rows[0]!.n } } };
  },
};

/** 2 成交配对: the day's trade reports are matched when imported; here they are counted per source. */
const matchedTrades: Step = {
  name: 'match_trades',
  run: async ({ trx, date, progress }) => {
    const { rows } = await sql<{
      n: number;
      files: number;
    }>`SELECT count(*)::int AS n, count(DISTINCT source)::int AS files FROM trades WHERE business_date = ${date}`.execute(
      trx,
    );
    progress?.(rows[0]!.n, rows[0]!.n);
    return {
      rows: rows[0]!.n,
      detail: { key: 'day_end_step_match_trades', params: { trades: rows[0]!.n, files: rows[0]!.files } },
    };
  },
};

/**
 * 4 成交清算: every trade's fees with the schedules in force on its date (set-based; see
 * clearing.ts). Fees the import showed intraday are corrected where a schedule changed since.
 */
const clearing: Step = {
  name: 'clearing',
  run: async ({ trx, date, progress }) => {
    const trades = progress ? await tradesOf(trx, date) : null;
    progress?.(0, trades);
    // the day's inserts can be most of these tables: fresh statistics keep the set-based plans sane
    await sql`ANALYZE trades, orders, positions`.execute(trx);
    const r = await clearTrades(trx, date);
    progress?.(r.cleared, trades);
    return {
      rows: r.cleared,
      detail: {
        key: 'day_end_step_clearing',
        params: { cleared: r.cleared, keys: r.keys, corrected: r.corrected },
      },
    };
  },
};

/**
 * 5 交割: cash and holdings per client, netted per market and seat, through the ledger's set-based
 * postings (delivery.ts); then the branch's net with the exchange per market and seat (一级清算).
 */
const delivery: Step = {
  name: 'delivery',
  run: async ({ trx, actor, date, progress }) => {
    // one set-based statement per part: the day's trades are expected, and done once delivered
    const trades = progress ? await tradesOf(trx, date) : null;
    progress?.(0, trades);
    const d = await deliver(trx, actor, date);
    progress?.(trades ?? 0, trades);
    const r = await sql`
      INSERT INTO clearing_summaries (business_date, branch_id, market, seat_no, trades, buy_amount, sell_amount, commission, stamp_duty, transfer_fee, handling_fee, regulatory_fee, net_payable)
      SELECT ${date}::date, branch_id, market, seat_no, count(*),
        coalesce(sum(amount) FILTER (WHERE side = 'buy'), 0), coalesce(sum(amount) FILTER (WHERE side = 'sell'), 0),
        sum(commission), sum(stamp_duty), sum(transfer_fee), sum(handling_fee), sum(regulatory_fee),
        coalesce(sum(amount) FILTER (WHERE side = 'buy'), 0) - coalesce(sum(amount) FILTER (WHERE side = 'sell'), 0) + sum(stamp_duty) + sum(transfer_fee) + sum(handling_fee) + sum(regulatory_fee)
      FROM trades WHERE business_date = ${date} GROUP BY branch_id, market, seat_no`.execute(trx);
    const n = Number(r.numAffectedRows ?? 0);
    return {
      rows: d.cash.entries + d.holdings.entries,
      detail: {
        key: 'day_end_step_delivery',
        params: {
          cash_entries: d.cash.entries,
          cash_accounts: d.cash.accounts,
          cash_net: grouped(d.cash.amount, 2),
          holdings_entries: d.holdings.entries,
          summaries: n,
        },
      },
    };
  },
};

/** 6 解冻: orders left unfilled expire and release what they froze; same-day cash freezes are released. */
const releaseFreezes: Step = {
  name: 'release_freezes',
  run: async ({ trx, actor, date, progress }) => {
    const r = await expireOrders(trx, actor, date);
    progress?.(r.orders, r.orders);
    return {
      rows: r.cash.entries + r.shares.entries + r.sameDay.entries,
      detail: {
        key: 'day_end_step_release_freezes',
        params: { orders: r.orders, cash: r.cash.entries, shares: r.shares.entries, same_day: r.sameDay.entries },
      },
    };
  },
};

/**
 * 收盘价: the day's closes — imported from the quotation file, recorded by the (simulated)
 * exchange, or carried forward from the previous close for a security without one (a suspended
 * stock closes where it was) — and each close becomes tomorrow's previous close, the base of
 * tomorrow's price band (DOMAIN.md §3.2). Holdings are valued at D with these closes.
 */
const closingPrices: Step = {
  name: 'closing_prices',
  run: async ({ trx, actor, date, progress }) => {
    const r = await closeTheDay(trx, actor, date);
    progress?.(r.closes, r.closes);
    return {
      rows: r.closes,
      detail: {
        key: 'day_end_step_closing_prices',
        params: { closes: r.closes, imported: r.imported, exchange: r.exchange, carried: r.carried, rolled: r.rolled },
      },
    };
  },
};

/**
 * 7 利息 (DOMAIN.md §3.4): each account's closing balance is added to its accrual base; on a
 * 转息日 (or the last trading day before one) interest = base × annual rate / 360, half-up to the
 * cent, is posted and the base resets.
 */
const interest: Step = {
  name: 'interest',
  run: async ({ trx, actor, date, progress }): Promise<StepResult> => {
    const accrued = await accrue(trx, date);
    progress?.(accrued, null);
    const params = await trx
      .selectFrom('system_params')
      .select(['key', 'value'])
      .where('key', 'in', ['interest_rate_annual', 'interest_capitalisation_dates'])
      .execute();
    const rate = params.find((p) => p.key === 'interest_rate_annual')?.value ?? '0';
    const dates = (params.find((p) => p.key === 'interest_capitalisation_dates')?.value ?? '')
      .split(',')
      .map((d) => d.trim());
    const next = (await nextTradingDayOf(trx, 'SH-A', date)) ?? date;
    if (!capitalisationDue(dates, date, next))
      return { rows: accrued, detail: { key: 'day_end_step_interest_accrued', params: { accounts: accrued } } };
    await bringAllForward(trx, date);
    // interest = base × rate / 360, half-up to the cent (PostgreSQL's round of a positive numeric)
    const posted = await postSet(
      trx,
      actor,
      date,
      '结息',
      sql`
      SELECT id AS account_id, 0 AS seq, 'interest' AS type, round(interest_base * ${rate}::numeric / 360, 2) AS amount, 0::numeric AS frozen_delta,
        NULL AS freeze_kind, NULL AS bank_code, ${`结息 ${date}`} AS reference
      FROM fund_accounts WHERE interest_base > 0`,
    );
    // the base restarts: every closing through D is settled (interest_settled_to, the full invariant check's start)
    await sql`UPDATE fund_accounts SET interest_base = 0, interest_accrued_to = ${date}::date, interest_settled_to = ${date}::date WHERE interest_base <> 0`.execute(
      trx,
    );
    progress?.(posted.entries, posted.entries);
    return {
      rows: posted.entries,
      detail: {
        key: 'day_end_step_interest_posted',
        params: { accounts: posted.entries, amount: grouped(posted.amount, 2) },
      },
    };
  },
};

/** 8 检查: every invariant of DOMAIN.md §3.3; a violation aborts the run with nothing committed. */
const checkInvariants: Step = {
  name: 'check_invariants',
  run: async ({ trx }) => {
    const broken = await invariantViolations(trx, 'day');
    if (broken.length)
      throw new AppError(409, 'DAY_END_INVARIANT', 'day_end_invariant', { what: broken.slice(0, 5).join(', ') });
    return { rows: 0, detail: { key: 'day_end_step_check_invariants' } };
  },
};

/**
 * 9 数据汇总: the day's figures per branch, for the KPI screen, and what the KPIs read of this
 * close (kpiSummaries): live tables at day-end are the day's close.
 */
const summaries: Step = {
  name: 'summaries',
  run: async ({ trx, date, progress }) => {
    await kpiCloseTables(trx, date);
    const r = await sql`
      INSERT INTO daily_summaries (business_date, branch_id, trades, turnover, commission, net_commission, deposits, withdrawals, client_funds, clients, new_clients, closed_clients,
        cash, market_value, accounts_total, accounts_active)
      SELECT ${date}::date, b.id,
        coalesce(t.n, 0), coalesce(t.turnover, 0), coalesce(t.commission, 0), coalesce(t.net_commission, 0),
        coalesce(j.deposits, 0), coalesce(j.withdrawals, 0), coalesce(f.funds, 0),
        coalesce(c.clients, 0), coalesce(c.new_clients, 0), coalesce(c.closed_clients, 0),
        coalesce(a.cash, 0), coalesce(a.market_value, 0), coalesce(c.accounts_total, 0), coalesce(c.accounts_active, 0)
      FROM branches b
      LEFT JOIN (SELECT branch_id, count(*) n, sum(amount) turnover, sum(commission) commission, sum(commission - handling_fee - regulatory_fee) net_commission
                 FROM trades WHERE business_date = ${date} GROUP BY branch_id) t ON t.branch_id = b.id
      LEFT JOIN (SELECT branch_id,
                   sum(amount) FILTER (WHERE type IN ('deposit', 'bank_in', 'transfer_in', 'remit_in')) deposits,
                   -sum(amount) FILTER (WHERE type IN ('withdrawal', 'bank_out', 'transfer_out', 'remit_out')) withdrawals
                 FROM fund_journal WHERE business_date = ${date} GROUP BY branch_id) j ON j.branch_id = b.id
      LEFT JOIN (SELECT branch_id, sum(balance) funds FROM fund_accounts WHERE currency = 'CNY' GROUP BY branch_id) f ON f.branch_id = b.id
      LEFT JOIN (SELECT branch_id, sum(cash) cash, sum(market_value) market_value FROM kpi_close_assets GROUP BY branch_id) a ON a.branch_id = b.id
      LEFT JOIN (SELECT c.branch_id, count(*) FILTER (WHERE c.status <> 'closed') clients, count(*) FILTER (WHERE c.opened_on = ${date}) new_clients,
                   count(*) FILTER (WHERE c.closed_on = ${date}) closed_clients,
                   count(*) FILTER (WHERE ${openAt('c', date)}) accounts_total,
                   count(*) FILTER (WHERE ${openAt('c', date)} AND ${isActive(await kpiRules(trx))}) accounts_active
                 FROM clients c LEFT JOIN kpi_close_assets ca ON ca.client_id = c.id LEFT JOIN kpi_close_traded traded ON traded.client_id = c.id
                 GROUP BY c.branch_id) c ON c.branch_id = b.id`.execute(trx);
    const k = await kpiSummaries(trx, date, progress);
    return {
      rows: Number(r.numAffectedRows ?? 0) + k,
      detail: { key: 'day_end_step_summaries' },
    };
  },
};

/**
 * The close's client assets (clientAssetsAt) and the clients who traded within the 有效户 window
 * (tradedWithin), over every branch, into two temporary tables the summaries read several times.
 */
async function kpiCloseTables(trx: Db, date: string) {
  const all = { branchId: null, openDate: date };
  const rules = await kpiRules(trx);
  await sql`DROP TABLE IF EXISTS kpi_close_assets, kpi_close_traded`.execute(trx);
  await sql`CREATE TEMP TABLE kpi_close_assets ON COMMIT DROP AS ${clientAssetsAt(all, date)}`.execute(trx);
  await sql`CREATE TEMP TABLE kpi_close_traded ON COMMIT DROP AS ${tradedWithin(all, rules, date)}`.execute(trx);
  await sql`CREATE INDEX ON kpi_close_assets (client_id)`.execute(trx);
  await sql`ANALYZE kpi_close_assets`.execute(trx);
  await sql`ANALYZE kpi_close_traded`.execute(trx);
}

/**
 * What the KPI API reads of a closed day besides daily_summaries: the tiers (tierCounts, exactly
 * as /kpis/tiers counts them) of every branch that has clients and of all branches together
 * (contribution ranks within the scope; with one branch holding every client the two are equal),
 * and per client manager and client branch the clients open and their assets at the close, the
 * clients opened and the turnover and commission of their trades that day.
 */
async function kpiSummaries(trx: Db, date: string, progress?: StepContext['progress']): Promise<number> {
  const rules = await kpiRules(trx);
  const from = { ca: sql`SELECT * FROM kpi_close_assets`, traded: sql`SELECT * FROM kpi_close_traded` };
  const { rows: branches } = await sql<{ branch_id: number }>`
    SELECT DISTINCT branch_id FROM clients WHERE opened_on <= ${date}::date ORDER BY branch_id`.execute(trx);
  let n = 0;
  const scopes: (number | null)[] = [null, ...branches.map((b) => Number(b.branch_id))];
  for (const branchId of scopes) {
    const r =
      branchId !== null && branches.length === 1
        ? await sql`INSERT INTO daily_tier_summaries (business_date, branch_id, kind, tier, clients, assets)
            SELECT business_date, ${branchId}, kind, tier, clients, assets FROM daily_tier_summaries
            WHERE business_date = ${date}::date AND branch_id IS NULL`.execute(trx)
        : await sql`INSERT INTO daily_tier_summaries (business_date, branch_id, kind, tier, clients, assets)
            SELECT ${date}::date, ${branchId}::bigint, t.kind, t.tier, t.clients, t.assets
            FROM (${tierCounts({ branchId, openDate: date }, date, rules, from)}) t`.execute(trx);
    n += Number(r.numAffectedRows ?? 0);
    // rows written so far, scope by scope (all branches, then each); how many in all is not known before
    progress?.(n, null);
  }
  const m = await sql`
    INSERT INTO daily_manager_summaries (business_date, manager_id, branch_id, clients, new_clients, assets, turnover, commission)
    SELECT ${date}::date, coalesce(cl.manager_id, tr.manager_id), coalesce(cl.branch_id, tr.branch_id),
      coalesce(cl.clients, 0), coalesce(cl.new_clients, 0), coalesce(cl.assets, 0), coalesce(tr.turnover, 0), coalesce(tr.commission, 0)
    FROM (SELECT c.client_manager_id AS manager_id, c.branch_id,
            count(*) FILTER (WHERE ${openAt('c', date)}) AS clients,
            count(*) FILTER (WHERE c.opened_on = ${date}::date) AS new_clients,
            sum(ca.assets) FILTER (WHERE ${openAt('c', date)}) AS assets
          FROM clients c LEFT JOIN kpi_close_assets ca ON ca.client_id = c.id
          WHERE c.client_manager_id IS NOT NULL GROUP BY c.client_manager_id, c.branch_id) cl
    FULL JOIN (SELECT c.client_manager_id AS manager_id, t.branch_id, sum(t.amount) AS turnover, sum(t.commission) AS commission
               FROM trades t JOIN clients c ON c.id = t.client_id
               WHERE t.business_date = ${date}::date AND c.client_manager_id IS NOT NULL
               GROUP BY c.client_manager_id, t.branch_id) tr
      ON tr.manager_id = cl.manager_id AND tr.branch_id = cl.branch_id`.execute(trx);
  progress?.(n + Number(m.numAffectedRows ?? 0), null);
  return n + Number(m.numAffectedRows ?? 0);
}

/** 银证转账清算: the day's transfer detail per bank (the files at /api/bank_transfers/detail). */
const bankDetail: Step = {
  name: 'bank_detail',
  run: async ({ trx, date, progress }) => {
    const { rows } = await sql<{ bank_code: string; name_zh: string; name_en: string; n: number; net: string }>`
      SELECT j.bank_code, coalesce(max(b.name_zh), j.bank_code) AS name_zh,
        coalesce(max(b.name_en), max(b.name_zh), j.bank_code) AS name_en, count(*)::int AS n, sum(j.amount) AS net
      FROM fund_journal j LEFT JOIN banks b ON b.code = j.bank_code
      WHERE j.business_date = ${date} AND j.type IN ('bank_in', 'bank_out') AND NOT EXISTS (SELECT 1 FROM fund_journal r WHERE r.reverses_id = j.id)
      GROUP BY j.bank_code ORDER BY j.bank_code`.execute(trx);
    const n = rows.reduce((s, r) => s + r.n, 0);
    progress?.(n, n);
    return {
      rows: n,
      detail: rows.length
        ? {
            key: 'day_end_step_bank_detail',
            params: {
              banks: rows.map((r) => ({
                key: 'day_end_step_bank',
                params: { bank: { zh: r.name_zh, en: r.name_en }, transfers: r.n, net: grouped(r.net, 2) },
              })),
            },
          }
        : { key: 'day_end_step_bank_none' },
    };
  },
};

/** 11 流水入历史库: the day's fund and position journals move to history (the *_all views read both). */
const archive: Step = {
  name: 'archive',
  run: async ({ trx, date, progress }) => {
    // the rows to move, fund journal then position journal: done after each
    let expected: number | null = null;
    if (progress) {
      const { rows } = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM fund_journal WHERE business_date <= ${date})::int
             + (SELECT count(*) FROM position_journal WHERE business_date <= ${date})::int AS n`.execute(trx);
      expected = rows[0]!.n;
      progress(0, expected);
    }
    await sql`INSERT INTO fund_journal_history SELECT * FROM fund_journal WHERE business_date <= ${date}`.execute(trx);
    const f = await sql`DELETE FROM fund_journal WHERE business_date <= ${date}`.execute(trx);
    progress?.(Number(f.numAffectedRows ?? 0), expected);
    await sql`INSERT INTO position_journal_history SELECT * FROM position_journal WHERE business_date <= ${date}`.execute(
      trx,
    );
    const p = await sql`DELETE FROM position_journal WHERE business_date <= ${date}`.execute(trx);
    progress?.(Number(f.numAffectedRows ?? 0) + Number(p.numAffectedRows ?? 0), expected);
    return {
      rows: Number(f.numAffectedRows ?? 0) + Number(p.numAffectedRows ?? 0),
      detail: {
        key: 'day_end_step_archive',
        params: { fund: Number(f.numAffectedRows ?? 0), position: Number(p.numAffectedRows ?? 0) },
      },
    };
  },
};

/**
 * 11 日期滚动: today's buys become sellable, today's proceeds withdrawable, today's closing becomes
 * tomorrow's opening, and the business date moves to the next trading day.
 */
const rollDate: Step = {
  name: 'roll_date',
  run: async ({ trx, date, progress }) => {
    const next = await nextTradingDayOf(trx, 'SH-A', date);
    if (!next) throw new AppError(409, 'DAY_END_CALENDAR', 'calendar_exhausted');
    const p = await sql`UPDATE positions SET today_bought = 0, opening_quantity = quantity, opening_frozen = frozen
      WHERE today_bought <> 0 OR opening_quantity <> quantity OR opening_frozen <> frozen`.execute(trx);
    const a = await sql`UPDATE fund_accounts SET unwithdrawable = 0, opening_balance = balance, opening_frozen = frozen
      WHERE unwithdrawable <> 0 OR opening_balance <> balance OR opening_frozen <> frozen`.execute(trx);
    await trx
      .updateTable('system_params')
      .set((eb) => ({ value: next, version: eb('version', '+', 1) }))
      .where('key', '=', 'business_date')
      .execute();
    const rows = Number(p.numAffectedRows ?? 0) + Number(a.numAffectedRows ?? 0);
    progress?.(rows, rows);
    return { rows, detail: { key: 'day_end_step_roll_date', params: { next } } };
  },
};

/**
 * Each step's name in Chinese, for the CLI's progress lines (the screen words the same codes in
 * admin/src/resources/day_end_runs/messages.ts, `steps`; keep the two alike). The snapshots
 * around the transaction are steps of the run too.
 */
export const STEP_NAMES_ZH: Record<string, string> = {
  snapshot_before: '清算前备份',
  close_day: '闭市',
  match_trades: '成交配对',
  clearing: '成交清算',
  delivery: '交割（资金、证券交收与一级清算）',
  release_freezes: '解冻未成交委托与当日冻结',
  closing_prices: '收盘价',
  interest: '利息积数 / 结息',
  check_invariants: '账务检查',
  summaries: '数据汇总',
  segments: '客户分群',
  bank_detail: '银证转账明细',
  archive: '流水入历史库',
  roll_date: '滚动业务日期',
  report_package: '日报表包归档',
  snapshot_after: '清算后备份',
};

/**
 * The day-end steps inside the run's transaction, in the order of DOMAIN.md §3.5, plus the bank
 * transfer detail. The snapshots before and after clearing (3, 10) are taken by the run around
 * this transaction (a dump sees only committed data); the report package (12) comes with the reports.
 */
export const STEPS: readonly Step[] = [
  closeDay,
  matchedTrades,
  clearing,
  delivery,
  releaseFreezes,
  closingPrices,
  interest,
  checkInvariants,
  summaries,
  segmentStep,
  bankDetail,
  archive,
  rollDate,
  // 报表包: after the roll, so the day's reports read it as a closed, past date (as any regeneration)
  reportPackageStep,
];
