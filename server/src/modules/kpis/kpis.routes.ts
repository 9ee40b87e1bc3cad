import type { Context } from 'hono';
import { businessDate } from '../../../../reports/src/params.js';
import { type AppEnv, branchScope } from '../../http/context.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { route, router, z } from '../../http/route.js';
import { withKpiExports } from './kpis.exports.js';
import { addDays, type PeriodKind, periodsOf, type Span } from './kpis.periods.js';
import {
  branchExists,
  businessDates,
  figures,
  figuresPerBranch,
  kpiRules,
  type KpiScope,
  managers,
  rankings,
  tiers,
  tradingCalendar,
  trend,
} from './kpis.queries.js';

const branchId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();
const period = z.enum(['day', 'month', 'ytd', 'range']);
const span = { from: businessDate.optional(), to: businessDate.optional(), branch_id: branchId };

/** The longest span a KPI reads: a year and a day (as the reports); a trend by month three years. */
const MAX_DAYS = 366;
const MAX_TREND_DAYS = 1100;

type C = Context<AppEnv>;
const word = (c: C, zh: string, en: string) => (c.get('lang') === 'zh' ? zh : en);

/**
 * The scope of a request: a branch operator's own branch (another branch's id → 404, as for its
 * records); head office every branch, or the one it names (an unknown one → 404).
 */
async function scopeOf(c: C, requested: number | undefined): Promise<KpiScope & { lastClosed: string | null }> {
  const me = c.get('me')!;
  const { db } = c.get('deps');
  const own = branchScope(me);
  if (requested !== undefined && ((own !== null && requested !== own) || !(await branchExists(db, requested))))
    throw notFound();
  const { openDate, lastClosed } = await businessDates(db);
  return { db, branchId: requested ?? own, openDate, lastClosed };
}

/** A date is not after the open business date; a `day` is a trading day (as the report forms). */
async function checkDate(c: C, s: KpiScope, field: string, date: string, tradingDay: boolean) {
  if (date > s.openDate)
    throw badRequest({
      [field]: word(c, `不能晚于当前业务日期 ${s.openDate}`, `cannot be after the open business date ${s.openDate}`),
    });
  if (tradingDay && (await tradingCalendar(s.db, date, date)).get(date) === false)
    throw badRequest({ [field]: word(c, `${date} 不是交易日`, `${date} is not a trading day`) });
}

async function checkSpan(c: C, s: KpiScope, from: string | undefined, to: string | undefined, max = MAX_DAYS) {
  if (!from || !to) {
    const f: Record<string, string> = {};
    if (!from) f.from = word(c, '请选择起始日期', 'The start date is required');
    if (!to) f.to = word(c, '请选择截止日期', 'The end date is required');
    throw badRequest(f);
  }
  if (from > to) throw badRequest({ to: word(c, '截止日期不能早于起始日期', 'The end date is before the start date') });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > max)
    throw badRequest({
      to: word(c, `期间最长 ${max} 天，所选为 ${days} 天`, `A period spans at most ${max} days, not ${days}`),
    });
  await checkDate(c, s, 'to', to, false);
  return { from, to } as Span;
}

/** The period of a summary and its 环比 and 同比 periods, on the SH-A trading calendar. */
async function periodsFor(c: C, s: KpiScope & { lastClosed: string | null }, q: Record<string, unknown>) {
  const kind = (q.period ?? 'month') as PeriodKind;
  const date = (q.date as string | undefined) ?? s.lastClosed ?? s.openDate;
  let range: Partial<Span> = {};
  if (kind === 'range') range = await checkSpan(c, s, q.from as string, q.to as string);
  else await checkDate(c, s, 'date', date, kind === 'day');
  const end = range.to ?? date;
  const calendar = await tradingCalendar(s.db, addDays(end, -800), end);
  const isTradingDay = (d: string) => calendar.get(d) ?? ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  return periodsOf(kind, date, range, isTradingDay);
}

export const kpiRoutes = router()
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/kpis/summary',
      tags: ['kpis'],
      summary:
        '经营指标 The KPIs of a period (day, month to date, year to date or a range) with 环比 and 同比 (default: the month to the last closed day)',
      request: { query: z.object({ date: businessDate.optional(), period: period.optional(), ...span }) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await scopeOf(c, q.branch_id);
      const p = await periodsFor(c, s, q);
      const rules = await kpiRules(s.db);
      const [f, prev, ya] = await Promise.all([
        figures(s, p.period, rules),
        figures(s, p.previous, rules),
        figures(s, p.year_ago, rules),
      ]);
      return c.json({ branch_id: s.branchId, ...p, figures: f, previous_figures: prev, year_ago_figures: ya }, 200);
    },
  )
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/kpis/trend',
      tags: ['kpis'],
      summary: '经营趋势 Closed days (or months) of a span from the daily summaries',
      request: {
        query: z.object({
          ...span,
          from: businessDate,
          to: businessDate,
          granularity: z.enum(['day', 'month']).optional(),
        }),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await scopeOf(c, q.branch_id);
      const range = await checkSpan(c, s, q.from, q.to, q.granularity === 'month' ? MAX_TREND_DAYS : MAX_DAYS);
      return c.json(await trend(s, range, q.granularity ?? 'day'), 200);
    },
  )
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/kpis/tiers',
      tags: ['kpis'],
      summary: '客户分层 Clients by assets (大户/中户/散户) and by contribution (核心/优质/有效/沉寂) at a date',
      request: { query: z.object({ date: businessDate.optional(), branch_id: branchId }) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await scopeOf(c, q.branch_id);
      const date = q.date ?? s.lastClosed ?? s.openDate;
      await checkDate(c, s, 'date', date, true);
      return c.json({ date, ...(await tiers(s, date, await kpiRules(s.db))) }, 200);
    },
  )
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/kpis/rankings',
      tags: ['kpis'],
      summary: '排名 Top clients, securities or client managers of a span (the 成交排名 report’s own query)',
      request: {
        query: z.object({
          ...span,
          from: businessDate,
          to: businessDate,
          by: z.enum(['clients', 'securities', 'managers']).optional(),
          metric: z.enum(['turnover', 'commission']).optional(),
          top: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await scopeOf(c, q.branch_id);
      const range = await checkSpan(c, s, q.from, q.to);
      return c.json(await rankings(s, range, q.by ?? 'clients', q.metric ?? 'turnover', q.top ?? 10), 200);
    },
  )
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/kpis/managers',
      tags: ['kpis'],
      summary: '客户经理业绩 Client managers: clients, new clients, their assets, turnover and commission',
      request: { query: z.object({ ...span, from: businessDate, to: businessDate }) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await scopeOf(c, q.branch_id);
      return c.json(await managers(s, await checkSpan(c, s, q.from, q.to)), 200);
    },
  )
  .openapi(
    route('kpis.list', {
      method: 'get',
      path: '/kpis/branches',
      tags: ['kpis'],
      summary: '营业部对比 Head office: each branch’s KPIs for a period',
      request: {
        query: z.object({
          date: businessDate.optional(),
          period: period.optional(),
          from: businessDate.optional(),
          to: businessDate.optional(),
        }),
      },
    }),
    async (c) => {
      if (!c.get('me')!.all_branches) throw forbidden();
      const q = c.req.valid('query');
      const s = await scopeOf(c, undefined);
      const p = await periodsFor(c, s, q);
      return c.json(await figuresPerBranch(s, p.period, await kpiRules(s.db)), 200);
    },
  );

// each table's .xlsx / PDF / CSV (GET /kpis/<table>/export, right kpis.export), read with the checks above
withKpiExports(kpiRoutes, { scopeOf, checkDate, checkSpan, periodsFor, maxTrendDays: MAX_TREND_DAYS });
