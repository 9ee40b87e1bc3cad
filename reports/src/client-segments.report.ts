import { sql } from 'kysely';
import { defineReport } from './define-report.js';
import { P } from './params.js';
import { inBranch, rows, when } from './sql.js';

const L = (zh: string, en: string) => ({ zh, en });

/** The groups' words, for the form's choice and the 小计 labels (cells use the dictionary). */
const SEGMENT_WORDS = {
  conservative: L('保守型', 'Conservative'),
  steady: L('稳健型', 'Steady'),
  balanced: L('平衡型', 'Balanced'),
  aggressive: L('进取型', 'Aggressive'),
  dormant: L('沉寂型', 'Dormant'),
};

/**
 * 客户分群名单: the clients of a behavioural group (server/src/modules/segments) with the
 * indicators they were grouped on, from the segmentation run of the date asked (the latest run of
 * each branch keeps its clients; the 客户分群 screen links here with that run's date).
 */
export default defineReport<{ date: string; segment?: string }>({
  id: 'client_segments',
  title: L('客户分群名单', 'Client segments'),
  description: L(
    '客户行为分群（保守型、稳健型、平衡型、进取型、沉寂型）的客户名单及分群指标',
    'The clients of each behavioural group (conservative, steady, balanced, aggressive, dormant) with their indicators',
  ),
  params: [
    { ...P.date(), label: L('分群日期', 'Segmented as at') },
    P.choice(
      'segment',
      L('客户类型', 'Group'),
      Object.entries(SEGMENT_WORDS).map(([value, label]) => ({ value, label })),
    ),
    P.branch(),
  ],
  dateParam: 'date',
  query: (ctx, p) =>
    rows(
      ctx,
      sql`
      SELECT CASE cs.segment WHEN 'conservative' THEN 1 WHEN 'steady' THEN 2 WHEN 'balanced' THEN 3
               WHEN 'aggressive' THEN 4 ELSE 5 END AS segment_order,
        cs.segment, c.client_no, c.id, c.name AS client_name, coalesce(cm.name, '') AS manager_name,
        cs.assets, cs.market_value, cs.trade_count, cs.commission, cs.turnover, cs.turnover_rate, cs.pnl,
        br.name AS branch_name
      FROM client_segments cs
      JOIN segment_runs r ON r.id = cs.run_id
      JOIN clients c ON c.id = cs.client_id
      LEFT JOIN client_managers cm ON cm.id = c.client_manager_id
      JOIN branches br ON br.id = cs.branch_id
      WHERE r.as_of = ${p.date}::date ${inBranch(ctx, 'cs.branch_id')} ${when(p.segment, 'cs.segment')}`,
    ),
  order: [
    ['segment_order', 'asc'],
    ['client_no', 'asc'],
    ['id', 'asc'],
  ],
  group: {
    key: 'segment_order',
    label: (r, lang) => SEGMENT_WORDS[String(r.segment) as keyof typeof SEGMENT_WORDS]?.[lang] ?? '',
  },
  perBranch: true,
  columns: [
    { key: 'segment', label: L('客户类型', 'Group'), type: 'enum', dict: 'client_segment', width: 8 },
    { key: 'client_no', label: L('客户号', 'Client no.'), type: 'code', width: 11 },
    { key: 'client_name', label: L('客户名', 'Client'), type: 'text', width: 9 },
    { key: 'manager_name', label: L('客户经理', 'Manager'), type: 'text', width: 9 },
    { key: 'assets', label: L('总资产', 'Assets'), type: 'money', sum: true, width: 15 },
    { key: 'market_value', label: L('市值', 'Market value'), type: 'money', sum: true, width: 15 },
    { key: 'trade_count', label: L('交易次数', 'Trades'), type: 'count', sum: true, width: 8 },
    { key: 'commission', label: L('佣金', 'Commission'), type: 'money', sum: true, width: 12 },
    { key: 'turnover', label: L('交易量', 'Turnover'), type: 'money', sum: true, width: 15 },
    { key: 'turnover_rate', label: L('换手率', 'Turnover rate'), type: 'rate', width: 10 },
    { key: 'pnl', label: L('盈亏', 'Profit/loss'), type: 'money', sum: true, width: 14 },
  ],
  orientation: 'landscape',
});
