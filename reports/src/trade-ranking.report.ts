import { type RawBuilder, sql } from 'kysely';
import { defineReport, type ReportContext } from './define-report.js';
import { P, periodProblem } from './params.js';
import { inBranch, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

export type TradeRankingParams = {
  date_from: string;
  date_to: string;
  dimension: 'client' | 'security' | 'client_manager';
  by: 'turnover' | 'commission';
  top: number;
  market?: string;
};

/** What a ranking groups by: its id, code and name columns. */
const DIMENSION = {
  client: { id: sql`c.id`, code: sql`c.client_no`, name: sql`c.name` },
  security: { id: sql`s.id`, code: sql`s.code`, name: sql`s.name` },
  // clients without a manager rank together under 未分配 (id null)
  client_manager: { id: sql`cm.id`, code: sql`coalesce(cm.code, '—')`, name: sql`coalesce(cm.name, '未分配')` },
};

/**
 * The ranking itself, one statement shared by 成交排名 and the KPI API's rankings
 * (server/src/modules/kpis): rank, id, code, name, trades, quantity, turnover, commission,
 * net_commission and share, the top `p.top` of the period in the context's branch (or all).
 */
export function tradeRanking(
  ctx: Pick<ReportContext, 'branchId'>,
  p: Omit<TradeRankingParams, 'market'> & { market?: string },
): RawBuilder<unknown> {
  const d = DIMENSION[p.dimension];
  const metric = p.by === 'commission' ? sql`sum(t.commission)` : sql`sum(t.amount)`;
  return sql`
      SELECT * FROM (
        SELECT row_number() OVER (ORDER BY ${metric} DESC, ${d.code}) AS rank, ${d.id} AS id,
          ${d.code} AS code, ${d.name} AS name, count(*) AS trades, sum(t.quantity) AS quantity, sum(t.amount) AS turnover,
          sum(t.commission) AS commission, sum(t.commission - t.handling_fee - t.regulatory_fee) AS net_commission,
          ${metric} / nullif(sum(${metric}) OVER (), 0) AS share
        FROM trades t
        JOIN clients c ON c.id = t.client_id
        JOIN securities s ON s.id = t.security_id
        LEFT JOIN client_managers cm ON cm.id = c.client_manager_id
        WHERE t.business_date BETWEEN ${p.date_from}::date AND ${p.date_to}::date
          ${inBranch(ctx, 't.branch_id')} ${when(p.market, 't.market')}
        GROUP BY ${d.id}, ${d.code}, ${d.name}
      ) ranked WHERE rank <= ${p.top}`;
}

/**
 * 成交排名: the top clients, securities or client managers of a period by turnover (成交金额,
 * buy + sell) or by commission, with their share of the branch's figure. Ties rank by code.
 */
export default defineReport<TradeRankingParams>({
  id: 'trade_ranking',
  title: { zh: '成交排名', en: 'Trade ranking' },
  description: {
    zh: '期间内成交金额或佣金居前的客户、证券或客户经理',
    en: 'The top clients, securities or client managers of a period by turnover or commission',
  },
  params: [
    P.dateFrom(),
    P.dateTo(),
    P.choice(
      'dimension',
      L('排名对象', 'Rank'),
      [
        { value: 'client', label: L('客户', 'Clients') },
        { value: 'security', label: L('证券', 'Securities') },
        { value: 'client_manager', label: L('客户经理', 'Client managers') },
      ],
      'client',
    ),
    P.choice(
      'by',
      L('排名依据', 'By'),
      [
        { value: 'turnover', label: L('成交金额', 'Turnover') },
        { value: 'commission', label: L('佣金', 'Commission') },
      ],
      'turnover',
    ),
    P.integer('top', L('名次', 'Top'), 1, 1000, 20),
    P.market(),
    P.branch(),
  ],
  check: periodProblem,
  dateParam: 'date_to',
  query: (ctx, p) => rows(ctx, tradeRanking(ctx, p)),
  order: [['rank', 'asc']],
  columns: [
    { key: 'rank', label: L('名次', 'Rank'), type: 'count', width: 6 },
    { key: 'code', label: L('代码', 'Code'), type: 'code', width: 11 },
    { key: 'name', label: L('名称', 'Name'), type: 'text', width: 12 },
    { key: 'trades', label: L('成交笔数', 'Trades'), type: 'count', sum: true, width: 9 },
    { key: 'turnover', label: L('成交金额', 'Turnover'), type: 'money', sum: true, width: 16 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 13 },
    { key: 'net_commission', label: L('净佣金', 'Net commission'), type: 'money', sum: true, width: 13 },
    { key: 'share', label: L('占比', 'Share'), type: 'rate', width: 10 },
  ],
  orientation: 'portrait',
});
