/** The day-end screen's words (merged into the app's messages). */
const zh = {
    resources: {
        day_end_runs: {
            name: '日终',
            fields: {
                id: '编号',
                business_date: '业务日期',
                status: '状态',
                operator_id: '操作员',
                started_at: '开始',
                finished_at: '结束',
                next_date: '下一业务日',
                error: '失败原因',
                steps: '步骤',
            },
            status: { completed: '已完成', failed: '失败' },
            steps: {
                snapshot_before: '清算前备份',
                snapshot_after: '清算后备份',
                archive: '流水入历史库',
                close_day: '闭市',
                match_trades: '成交配对',
                clearing: '成交清算',
                delivery: '交割（资金、证券交收与一级清算）',
                release_freezes: '解冻未成交委托与当日冻结',
                closing_prices: '收盘价（沿用未报价证券的前收盘，滚动前收盘价）',
                interest: '利息积数 / 结息',
                check_invariants: '账务检查',
                summaries: '数据汇总',
                segments: '客户分群（月末或每日，按参数）',
                bank_detail: '银证转账明细',
                roll_date: '滚动业务日期',
                report_package: '日报表包归档',
            },
            step: { seq: '序号', name: '步骤', rows: '行数', detail: '说明', duration: '耗时' },
            precheck: {
                title: '日终预检：业务日期 %{date}',
                open_orders: '未成交委托 %{count} 笔（日终时撤销并解冻）',
                trades: '当日成交 %{count} 笔',
                invariants_ok: '账务检查通过',
                invariants_broken: '账务检查不通过：%{what}',
                run: '执行 %{date} 日终',
                confirm_title: '执行 %{date} 日终？',
                confirm_content:
                    '全部步骤在一个事务中完成：任何一步失败，数据保持日终前的样子。完成后业务日期滚动到下一交易日，当日不能再记账。',
                done: '日终完成，下一业务日 %{date}',
                warnings_title: '以下提示须逐项确认后才能执行日终',
                warning_no_trade_report:
                    '当日有委托 %{orders} 笔，但尚未导入成交回报（%{branches}）：未导入的成交不会交割，委托将在日终失效',
                warning_bank_none: '%{bank}：当日银证转账 %{transfers} 笔（净额 %{net}），尚未对账',
                warning_bank_differences: '%{bank}：当日银证转账 %{transfers} 笔（净额 %{net}），对账发现差异尚未解决',
                warning_bank_changed:
                    '%{bank}：当日银证转账 %{transfers} 笔（净额 %{net}），对账后又有转账变动，须重新对账',
                acknowledge: '已知悉，仍执行日终',
                acknowledge_label: '确认提示：%{warning}',
                acknowledge_all_first: '请先逐项确认上面的提示',
            },
        },
    },
};

const en: typeof zh = {
    resources: {
        day_end_runs: {
            name: 'Day-end',
            fields: {
                id: 'ID',
                business_date: 'Business date',
                status: 'Status',
                operator_id: 'Operator',
                started_at: 'Started',
                finished_at: 'Finished',
                next_date: 'Next business date',
                error: 'Failure',
                steps: 'Steps',
            },
            status: { completed: 'Completed', failed: 'Failed' },
            steps: {
                snapshot_before: 'Snapshot before clearing',
                snapshot_after: 'Snapshot after clearing',
                archive: 'Move the journals to history',
                close_day: 'Close the day',
                match_trades: 'Match trades',
                clearing: 'Clearing',
                delivery: 'Delivery (cash, holdings, first-level clearing)',
                release_freezes: 'Release unfilled orders and same-day freezes',
                closing_prices: 'Closing prices (carry the unquoted forward, roll the previous close)',
                interest: 'Interest accrual / capitalisation',
                check_invariants: 'Invariant check',
                summaries: 'Daily summaries',
                segments: 'Client segmentation (month-end or daily, per parameter)',
                bank_detail: 'Bank transfer detail',
                roll_date: 'Roll the business date',
                report_package: 'Daily report package',
            },
            step: { seq: 'No.', name: 'Step', rows: 'Rows', detail: 'Detail', duration: 'Time' },
            precheck: {
                title: 'Day-end pre-check: business date %{date}',
                open_orders: '%{count} unfilled orders (cancelled and released at day-end)',
                trades: '%{count} trades today',
                invariants_ok: 'Invariants hold',
                invariants_broken: 'Invariants broken: %{what}',
                run: 'Run day-end for %{date}',
                confirm_title: 'Run day-end for %{date}?',
                confirm_content:
                    'All steps run in one transaction: if any fails, the data stays as it was. Afterwards the business date moves to the next trading day and this day takes no more postings.',
                done: 'Day-end complete; next business date %{date}',
                warnings_title: 'Acknowledge each warning below before day-end can run',
                warning_no_trade_report:
                    '%{orders} orders today but no trade report imported (%{branches}): fills not imported will not be delivered, and the orders expire at day-end',
                warning_bank_none: '%{bank}: %{transfers} bank transfers today (net %{net}), not reconciled',
                warning_bank_differences:
                    '%{bank}: %{transfers} bank transfers today (net %{net}), the reconciliation found differences not yet resolved',
                warning_bank_changed:
                    '%{bank}: %{transfers} bank transfers today (net %{net}), changed since the reconciliation: reconcile again',
                acknowledge: 'Noted; run day-end anyway',
                acknowledge_label: 'Acknowledge: %{warning}',
                acknowledge_all_first: 'Acknowledge each warning above first',
            },
        },
    },
};

export const dayEndMessages = { zh, en };
