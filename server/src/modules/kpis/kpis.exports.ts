import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Decimal } from 'decimal.js';
import type { Label, ReportColumn, Row } from '../../../../reports/src/define-report.js';
import { w } from '../../../../reports/src/messages.js';
import { businessDate } from '../../../../reports/src/params.js';
import { rowsQuery } from '../../../../reports/src/rows.js';
import type { ListExport } from '../../../../reports/src/run.js';
import type { AppEnv } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { route, z } from '../../http/route.js';
import { sendListExport } from '../reports/reports.routes.js';
import type { Span } from './kpis.periods.js';
import {
  type Figures,
  figures,
  figuresPerBranch,
  type KpiScope,
  kpiRules,
  managers,
  rankings,
  tiers,
  trend,
} from './kpis.queries.js';

/**
 * 经营指标 exports: each table of the KPI page (GET /kpis/<name>) as .xlsx, PDF or CSV through the
 * report renderers (header block in words, 序号, 千分位, 小计/合计, signature line), with the same
 * query as its JSON route and the same scope, behind the right `kpis.export`. The rows are the ones
 * the JSON route returns (the kpis.queries functions), handed to the engine as a typed record set.
 */

type C = Context<AppEnv>;
type Scope = KpiScope & { lastClosed: string | null };

/** The JSON routes' own checks (kpis.routes.ts), handed in so both read a request the same way. */
export interface KpiChecks {
  scopeOf: (c: C, requested: number | undefined) => Promise<Scope>;
  checkDate: (c: C, s: KpiScope, field: string, date: string, tradingDay: boolean) => Promise<void>;
  checkSpan: (c: C, s: KpiScope, from: string | undefined, to: string | undefined, max?: number) => Promise<Span>;
  periodsFor: (c: C, s: Scope, q: Record<string, unknown>) => Promise<{ period: Span; previous: Span; year_ago: Span }>;
  maxTrendDays: number;
}

const L = (zh: string, en: string): Label => ({ zh, en });
const money = (key: string, label: Label, sum = true): ReportColumn => ({ key, label, type: 'money', sum });
const count = (key: string, label: Label, sum = true): ReportColumn => ({ key, label, type: 'count', sum });
/** 市场占有率 in 万分之 and 佣金率 in ‰, as the screen shows them: numbers with the unit in the title. */
const bp = (key: string): ReportColumn => ({
  key,
  label: L('市场占有率（万分之）', 'Market share (bp)'),
  type: 'price',
  decimals: 2,
  width: 12,
});
const permille = (key: string): ReportColumn => ({
  key,
  label: L('佣金率（‰）', 'Commission rate (‰)'),
  type: 'price',
  decimals: 3,
  width: 12,
});

/** The figures F (summary and branch comparison): amounts in 元, 万分之, ‰, counts of clients. */
const figureColumns = (sum: boolean): ReportColumn[] => [
  money('turnover', L('交易额', 'Turnover'), sum),
  bp('market_share_bp'),
  money('commission', L('佣金收入（毛）', 'Commission (gross)'), sum),
  money('net_commission', L('净佣金收入', 'Net commission'), sum),
  permille('commission_rate_permille'),
  money('client_assets', L('客户资产', 'Client assets'), sum),
  money('cash', L('客户资金', 'Client cash'), sum),
  money('market_value', L('证券市值', 'Market value'), sum),
  money('net_inflow', L('资金净流入', 'Net inflow'), sum),
  count('accounts_total', L('客户总数', 'Clients'), sum),
  count('accounts_new', L('新开户', 'New accounts'), sum),
  count('accounts_closed', L('销户', 'Closed accounts'), sum),
  count('accounts_net', L('净增户', 'Net new accounts'), sum),
  count('accounts_active', L('有效户', 'Active accounts'), sum),
  count('accounts_dormant', L('沉寂户', 'Dormant accounts'), sum),
];

export const KPI_COLUMNS = {
  summary: [
    { key: 'row', label: L('项目', 'Item'), type: 'enum', dict: 'kpi_summary_row', width: 14 },
    { key: 'span', label: L('期间', 'Period'), type: 'text', width: 24 },
    ...figureColumns(false),
  ],
  trend: [
    { key: 'period', label: L('期间', 'Period'), type: 'text', width: 11 },
    money('turnover', L('交易额', 'Turnover')),
    money('commission', L('佣金收入', 'Commission')),
    money('net_commission', L('净佣金收入', 'Net commission')),
    money('net_inflow', L('资金净流入', 'Net inflow')),
    money('client_funds', L('客户资金（期末）', 'Client funds (period end)'), false),
    count('new_clients', L('新开户数', 'New accounts')),
    count('closed_clients', L('销户数', 'Closed accounts')),
    bp('market_share_bp'),
  ],
  tiers: [
    { key: 'tier', label: L('层级', 'Tier'), type: 'enum', dict: 'kpi_tier', width: 12 },
    count('clients', L('客户数', 'Clients')),
    { key: 'clients_share', label: L('客户数占比', 'Share of clients'), type: 'rate', width: 12 },
    money('assets', L('资产', 'Assets')),
    { key: 'assets_share', label: L('资产占比', 'Share of assets'), type: 'rate', width: 12 },
  ],
  rankings: [
    count('rank', L('名次', 'Rank'), false),
    { key: 'name', label: L('名称', 'Name'), type: 'text', width: 20 },
    { key: 'code', label: L('代码', 'Code'), type: 'code' },
    money('turnover', L('交易额', 'Turnover')),
    money('commission', L('佣金', 'Commission')),
    count('trades', L('成交笔数', 'Trades')),
  ],
  managers: [
    { key: 'name', label: L('客户经理', 'Client manager'), type: 'text', width: 14 },
    count('clients', L('客户数', 'Clients')),
    count('new_clients', L('新开户', 'New accounts')),
    money('assets', L('客户资产', 'Client assets')),
    money('turnover', L('交易额', 'Turnover')),
    money('commission', L('佣金', 'Commission')),
  ],
  branches: [{ key: 'branch_name', label: L('营业部', 'Branch'), type: 'text', width: 18 }, ...figureColumns(true)],
} satisfies Record<string, ReportColumn[]>;

/** Codes the API sends and the words a file shows instead (the screen's own words, admin/src/kpis/messages.ts). */
const WORDS: Record<string, Record<string, Label>> = {
  kpi_tier: {
    large: L('大户', 'Large'),
    medium: L('中户', 'Medium'),
    small: L('散户', 'Retail'),
    core: L('核心客户', 'Core'),
    quality: L('优质客户', 'Quality'),
    active: L('有效客户', 'Active'),
    dormant: L('沉寂客户', 'Dormant'),
  },
  kpi_tier_kind: { assets: L('按资产', 'By assets'), contribution: L('按贡献', 'By contribution') },
  kpi_summary_row: {
    current: L('本期', 'This period'),
    previous: L('上期（环比期间）', 'Prior period'),
    mom: L('环比增减', 'Change vs prior'),
    year_ago: L('去年同期（同比期间）', 'A year ago'),
    yoy: L('同比增减', 'Change vs a year ago'),
  },
  period: {
    day: L('日', 'day'),
    month: L('月', 'month'),
    ytd: L('年初至今', 'year to date'),
    range: L('自定义区间', 'date range'),
  },
  granularity: { day: L('按日', 'daily'), month: L('按月', 'monthly') },
  by: {
    clients: L('客户', 'clients'),
    securities: L('证券', 'securities'),
    managers: L('客户经理', 'client managers'),
  },
  metric: { turnover: L('按交易额', 'by turnover'), commission: L('按佣金', 'by commission') },
};

const TITLES = {
  summary: L('经营指标', 'Branch KPIs'),
  trend: L('经营趋势', 'Trend'),
  tiers: L('客户分层', 'Client tiers'),
  rankings: L('排名', 'Rankings'),
  managers: L('客户经理业绩', 'Client managers'),
  branches: L('营业部对比', 'Branch comparison'),
} as const;
type Table = keyof typeof TITLES;

const say = (c: C, category: string, code: string) => WORDS[category]![code]![c.get('lang')];
const sep = (c: C) => (c.get('lang') === 'zh' ? '；' : '; ');
const colon = (c: C) => (c.get('lang') === 'zh' ? '：' : ': ');
const spanText = (c: C, s: Span) => (s.from === s.to ? s.to : `${s.from}${w(c.get('lang'), 'to')}${s.to}`);

/** The branch of a scope in words: its name, or 全部营业部. */
async function branchOf(c: C, s: KpiScope) {
  if (s.branchId === null) return { id: null, name: w(c.get('lang'), 'all_branches') };
  const b = await s.db.selectFrom('branches').select('name').where('id', '=', s.branchId).executeTakeFirstOrThrow();
  return { id: s.branchId, name: b.name };
}

/** 万分之 / ‰ / amounts / counts: a − b, exact, at the figure's own scale (环比增减, 同比增减). */
function difference(a: Figures, b: Figures): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(a))
    out[k] =
      typeof v === 'number'
        ? v - Number(b[k as keyof Figures])
        : new Decimal(v).minus(String(b[k as keyof Figures])).toFixed();
  return out;
}

/** A row's share of its column (a fraction, shown as a percentage); null when the column sums to zero. */
const shareOf = (value: string | number, total: Decimal) =>
  total.isZero() ? null : new Decimal(value).div(total).toDecimalPlaces(6, Decimal.ROUND_HALF_UP).toFixed();

/** Streams one KPI table through the report engine (sendListExport: name, Content-Disposition, audit row). */
async function send(
  c: C,
  table: Table,
  rows: Row[],
  opts: {
    scope: KpiScope;
    period: Span;
    title?: Label;
    params: string[];
    columns?: ReportColumn[];
    group?: ListExport['group'];
  },
) {
  const { format = 'xlsx', encoding, ...query } = c.req.query();
  const lang = c.get('lang');
  const title = opts.title ?? TITLES[table];
  const columns = opts.columns ?? KPI_COLUMNS[table];
  const exp: ListExport = {
    resource: 'kpis',
    title,
    columns,
    query: (ctx) => rowsQuery(ctx.db, columns, rows),
    order: [['__n', 'asc']],
    filters: {},
    words: WORDS,
    grandTotal: table !== 'tiers' && table !== 'summary' && columns.some((col) => col.sum),
    group: opts.group,
    scope: { branch: await branchOf(c, opts.scope), period: opts.period },
  };
  const name = `${title[lang]}-${opts.period.from === opts.period.to ? opts.period.to : `${opts.period.from}_${opts.period.to}`}`;
  return sendListExport(
    c,
    exp,
    { table, ...query },
    opts.params.join(sep(c)),
    format as 'xlsx' | 'pdf' | 'csv',
    format === 'csv' && encoding === 'gbk',
    name,
  );
}

const branchId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional();
const period = z.enum(['day', 'month', 'ytd', 'range']);
const fileParams = {
  format: z.enum(['xlsx', 'pdf', 'csv']).optional().openapi({ description: 'xlsx (default), pdf or csv' }),
  encoding: z.enum(['utf8', 'gbk']).optional().openapi({ description: 'CSV only: UTF-8 with a BOM (default) or GBK' }),
};
const span = { from: businessDate, to: businessDate, branch_id: branchId };

const exportRoute = <Q extends z.ZodRawShape>(table: Table, summary: string, query: Q) =>
  route('kpis.export', {
    method: 'get',
    path: `/kpis/${table}/export`,
    tags: ['kpis'],
    summary: `${TITLES[table].zh} ${TITLES[table].en}: ${summary}, as .xlsx, PDF or CSV (the report renderer)`,
    request: { query: z.object({ ...query, ...fileParams }) },
  });

/** Mounts GET /kpis/<table>/export for each KPI table on the KPI router. */
export function withKpiExports(r: OpenAPIHono<AppEnv>, k: KpiChecks) {
  r.openapi(
    exportRoute('summary', 'the period’s figures with the 环比 and 同比 periods and their changes', {
      date: businessDate.optional(),
      period: period.optional(),
      from: businessDate.optional(),
      to: businessDate.optional(),
      branch_id: branchId,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await k.scopeOf(c, q.branch_id);
      const p = await k.periodsFor(c, s, q);
      const rules = await kpiRules(s.db);
      const [f, prev, ya] = await Promise.all([
        figures(s, p.period, rules),
        figures(s, p.previous, rules),
        figures(s, p.year_ago, rules),
      ]);
      const rows: Row[] = [
        { row: 'current', span: spanText(c, p.period), ...f },
        { row: 'previous', span: spanText(c, p.previous), ...prev },
        { row: 'mom', span: '', ...difference(f, prev) },
        { row: 'year_ago', span: spanText(c, p.year_ago), ...ya },
        { row: 'yoy', span: '', ...difference(f, ya) },
      ];
      const kind = (q.period ?? 'month') as keyof (typeof WORDS)['period'];
      return send(c, 'summary', rows, {
        scope: s,
        period: p.period,
        params: [`${c.get('lang') === 'zh' ? '期间类型' : 'Period'}${colon(c)}${say(c, 'period', kind)}`],
      });
    },
  );
  r.openapi(
    exportRoute('trend', 'closed days (or months) of a span', {
      ...span,
      granularity: z.enum(['day', 'month']).optional(),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await k.scopeOf(c, q.branch_id);
      const g = q.granularity ?? 'day';
      const range = await k.checkSpan(c, s, q.from, q.to, g === 'month' ? k.maxTrendDays : undefined);
      const rows = (await trend(s, range, g)) as unknown as Row[];
      const gw = WORDS.granularity![g]!;
      return send(c, 'trend', rows, {
        scope: s,
        period: range,
        title: L(`经营趋势（${gw.zh}）`, `Trend (${gw.en})`),
        params: [`${c.get('lang') === 'zh' ? '粒度' : 'Granularity'}${colon(c)}${say(c, 'granularity', g)}`],
      });
    },
  );
  r.openapi(
    exportRoute('tiers', 'clients by assets and by contribution at a date', {
      date: businessDate.optional(),
      branch_id: branchId,
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await k.scopeOf(c, q.branch_id);
      const date = q.date ?? s.lastClosed ?? s.openDate;
      await k.checkDate(c, s, 'date', date, true);
      const t = await tiers(s, date, await kpiRules(s.db));
      const rows: Row[] = [];
      for (const [kind, list] of [
        ['assets', t.by_assets],
        ['contribution', t.by_contribution],
      ] as const) {
        const clients = list.reduce((a, x) => a.plus(x.clients), new Decimal(0));
        const assets = list.reduce((a, x) => a.plus(x.assets), new Decimal(0));
        for (const x of list)
          rows.push({
            kind,
            tier: x.tier,
            clients: x.clients,
            clients_share: shareOf(x.clients, clients),
            assets: x.assets,
            assets_share: shareOf(x.assets, assets),
          });
      }
      const lang = c.get('lang');
      return send(c, 'tiers', rows, {
        scope: s,
        period: { from: date, to: date },
        params: [],
        group: { key: 'kind', label: (row) => WORDS.kpi_tier_kind![String(row.kind)]![lang] },
        columns: [
          { key: 'kind', label: L('分层方式', 'Basis'), type: 'enum', dict: 'kpi_tier_kind', width: 10 },
          ...KPI_COLUMNS.tiers,
        ],
      });
    },
  );
  r.openapi(
    exportRoute('rankings', 'the top clients, securities or client managers of a span', {
      ...span,
      by: z.enum(['clients', 'securities', 'managers']).optional(),
      metric: z.enum(['turnover', 'commission']).optional(),
      top: z.coerce.number().int().min(1).max(1000).optional(),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const s = await k.scopeOf(c, q.branch_id);
      const range = await k.checkSpan(c, s, q.from, q.to);
      const by = q.by ?? 'clients';
      const metric = q.metric ?? 'turnover';
      const top = q.top ?? 10;
      const rows = (await rankings(s, range, by, metric, top)) as unknown as Row[];
      const bw = WORDS.by![by]!;
      const lang = c.get('lang');
      return send(c, 'rankings', rows, {
        scope: s,
        period: range,
        title: L(`排名（${bw.zh}）`, `Rankings (${bw.en})`),
        // a client manager has no code to show
        columns: by === 'managers' ? KPI_COLUMNS.rankings.filter((col) => col.key !== 'code') : undefined,
        params: [
          `${lang === 'zh' ? '排名对象' : 'Ranked'}${colon(c)}${say(c, 'by', by)}`,
          `${lang === 'zh' ? '排序' : 'Order'}${colon(c)}${say(c, 'metric', metric)}`,
          w(lang, 'top', { n: top }),
        ],
      });
    },
  );
  r.openapi(
    exportRoute('managers', 'client managers: clients, new clients, assets, turnover and commission', span),
    async (c) => {
      const q = c.req.valid('query');
      const s = await k.scopeOf(c, q.branch_id);
      const range = await k.checkSpan(c, s, q.from, q.to);
      return send(c, 'managers', (await managers(s, range)) as unknown as Row[], {
        scope: s,
        period: range,
        params: [],
      });
    },
  );
  r.openapi(
    exportRoute('branches', 'head office: each branch’s KPIs for a period', {
      date: businessDate.optional(),
      period: period.optional(),
      from: businessDate.optional(),
      to: businessDate.optional(),
    }),
    async (c) => {
      if (!c.get('me')!.all_branches) throw forbidden();
      const q = c.req.valid('query');
      const s = await k.scopeOf(c, undefined);
      const p = await k.periodsFor(c, s, q);
      const rows = (await figuresPerBranch(s, p.period, await kpiRules(s.db))) as unknown as Row[];
      const kind = (q.period ?? 'month') as keyof (typeof WORDS)['period'];
      return send(c, 'branches', rows, {
        scope: s,
        period: p.period,
        params: [`${c.get('lang') === 'zh' ? '期间类型' : 'Period'}${colon(c)}${say(c, 'period', kind)}`],
      });
    },
  );
  return r;
}
