/**
 * The words of 报表管理: the menu group, the catalogue page and the report page around what the
 * server words itself (report titles, parameter labels, the header block and the cells come
 * from the catalogue and the preview, in the request's language). Merged into i18n/zh.ts and en.ts.
 */
const zh = {
    reports: {
        menu: {
            group: '报表管理',
        },
        list: {
            title: '报表管理',
            intro: '选择报表，设置参数后预览；可下载 Excel、PDF 或 CSV，三种格式与预览内容一致。',
            open: '打开',
            empty: '您的角色没有可查看的报表。',
            export_only: '仅可下载',
        },
        page: {
            load_failed: '无法加载报表目录：%{message}',
            not_found: '没有这张报表，或您的角色无权查看。',
            back: '全部报表',
            export_only: '您的角色可以下载此报表，但不能在页面上预览。',
            fill_required: '请填写带 * 的参数，然后点击“查询”。',
        },
        form: {
            run: '查询',
            reset: '恢复默认',
            all: '全部',
            clear: '清除',
            search_helper: '输入编号或姓名查找',
            no_match: '没有匹配的记录',
            searching: '正在查找…',
            date_closed: '已日终',
            date_open: '未日终 · 数据未最终确认',
        },
        calendar: {
            open: '打开日历',
            prev: '上个月',
            next: '下个月',
            month: '%{year} 年 %{month} 月',
            weekdays: {
                mon: '一',
                tue: '二',
                wed: '三',
                thu: '四',
                fri: '五',
                sat: '六',
                sun: '日',
            },
            legend: '灰色为非交易日，不可选择；橙色为未日终的业务日期',
        },
        validation: {
            required: '必填',
            pick: '请从列表中选择',
            date_format: '日期格式应为 YYYY-MM-DD',
            not_trading_day: '%{date} 不是交易日',
            after_open: '不能晚于当前业务日期 %{date}',
            period_order: '截止日期不能早于起始日期',
            integer: '请输入整数',
            min: '不能小于 %{min}',
            max: '不能大于 %{max}',
            choice: '不是可选的值',
        },
        header: {
            currency: '币种：%{currency}',
            params: '参数：%{params}',
            generated_at: '制表时间：%{at}',
            operator: '制表人：%{name}',
        },
        table: {
            seq: '序号',
            subtotal: '小计 %{label}',
            total: '合计',
            empty: '本期无数据',
        },
        preview: {
            failed: '查询失败：%{message}',
            stale: '参数已修改，尚未查询：下方仍是上次的结果。',
        },
        download: {
            xlsx: '下载 Excel',
            pdf: '下载 PDF',
            csv: '下载 CSV',
            csv_gbk: 'CSV（GBK 编码，旧版 Excel）',
            more: '其他格式',
            done: '已下载 %{name}',
            failed: '下载失败：%{message}',
        },
    },
};

const en: typeof zh = {
    reports: {
        menu: {
            group: 'Reports',
        },
        list: {
            title: 'Reports',
            intro: 'Pick a report, set its parameters and preview it; the Excel, PDF and CSV files hold the same as the preview.',
            open: 'Open',
            empty: 'Your roles give you no report.',
            export_only: 'Download only',
        },
        page: {
            load_failed: 'Could not load the reports: %{message}',
            not_found: 'There is no such report, or your roles do not give it to you.',
            back: 'All reports',
            export_only: 'Your roles let you download this report but not preview it on screen.',
            fill_required: 'Fill in the parameters marked *, then click Run.',
        },
        form: {
            run: 'Run',
            reset: 'Defaults',
            all: 'All',
            clear: 'Clear',
            search_helper: 'Type a number or a name',
            no_match: 'Nothing matches',
            searching: 'Searching…',
            date_closed: 'Day-end completed',
            date_open: 'Day-end not completed · figures not final',
        },
        calendar: {
            open: 'Open the calendar',
            prev: 'Previous month',
            next: 'Next month',
            month: '%{month}/%{year}',
            weekdays: {
                mon: 'Mo',
                tue: 'Tu',
                wed: 'We',
                thu: 'Th',
                fri: 'Fr',
                sat: 'Sa',
                sun: 'Su',
            },
            legend: 'Grey days are not trading days; orange marks a business date whose day-end has not run',
        },
        validation: {
            required: 'Required',
            pick: 'Pick one from the list',
            date_format: 'Dates are written YYYY-MM-DD',
            not_trading_day: '%{date} is not a trading day',
            after_open: 'Cannot be after the open business date %{date}',
            period_order: 'The end date is before the start date',
            integer: 'A whole number',
            min: 'At least %{min}',
            max: 'At most %{max}',
            choice: 'Not one of the choices',
        },
        header: {
            currency: 'Currency: %{currency}',
            params: 'Parameters: %{params}',
            generated_at: 'Generated: %{at}',
            operator: 'Prepared by: %{name}',
        },
        table: {
            seq: 'No.',
            subtotal: 'Subtotal %{label}',
            total: 'Total',
            empty: 'No data for this period',
        },
        preview: {
            failed: 'The report failed: %{message}',
            stale: 'The parameters changed and have not been run: below is still the last result.',
        },
        download: {
            xlsx: 'Download Excel',
            pdf: 'Download PDF',
            csv: 'Download CSV',
            csv_gbk: 'CSV (GBK, for older Excel)',
            more: 'Other formats',
            done: 'Downloaded %{name}',
            failed: 'Download failed: %{message}',
        },
    },
};

export const reportMessages = { zh, en };
