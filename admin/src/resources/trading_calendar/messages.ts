/** The trading calendar's month view (merged into the app's messages). */
const zh = {
    resources: {
        trading_calendar: {
            views: { month: '月历', list: '列表' },
            month: {
                market: '市场',
                previous: '上月',
                next: '下月',
                current: '本月',
                title: '%{month}',
                trading: '交易日',
                holiday: '休市',
                weekend: '周末',
                missing: '未设置',
                business_date: '当前业务日期',
                counts: '本月交易日 %{trading} 天，节假日休市 %{holiday} 天，周末 %{weekend} 天',
                missing_count: '，%{missing} 天未在日历中',
                empty: '该月不在交易日历中',
                open_day: '打开 %{date}',
            },
        },
    },
};

const en: typeof zh = {
    resources: {
        trading_calendar: {
            views: { month: 'Month', list: 'List' },
            month: {
                market: 'Market',
                previous: 'Previous month',
                next: 'Next month',
                current: 'This month',
                title: '%{month}',
                trading: 'Trading day',
                holiday: 'Closed',
                weekend: 'Weekend',
                missing: 'Not set',
                business_date: 'Open business date',
                counts: '%{trading} trading days this month, %{holiday} holidays, %{weekend} weekend days',
                missing_count: ', %{missing} days missing from the calendar',
                empty: 'This month is not in the trading calendar',
                open_day: 'Open %{date}',
            },
        },
    },
};

export const tradingCalendarMessages = { zh, en };
