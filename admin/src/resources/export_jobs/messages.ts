/** 我的导出's words, its progress dialog's, and the batch statements' (merged into the app's messages). */
const zh = {
    resources: {
        export_jobs: {
            name: '我的导出',
            fields: {
                name: '文件',
                status: '状态',
                rows_done: '进度',
                bytes: '大小',
                created_at: '提交时间',
                finished_at: '完成时间',
                expires_at: '保留至',
            },
            statuses: {
                queued: '排队中',
                running: '导出中',
                completed: '已完成',
                failed: '失败',
                cancelled: '已取消',
                expired: '已过期删除',
            },
            intro: '数据量较大的报表和列表导出在后台生成，完成后在此下载；文件保留天数见系统参数“导出文件保留天数”，同时运行的任务数见“同时运行的导出任务数”。',
            progress: '%{done} / %{expected} %{unit}',
            unit_rows: '行',
            unit_clients: '户',
            size_kb: '%{size} KB',
            download: '下载',
            downloaded: '已下载 %{name}',
            cancel: '取消导出',
            open_list: '我的导出',
            dialog: {
                title: '后台导出',
                intro: '“%{name}”数据较多，已转为后台导出。可以关闭此窗口继续工作，完成后在“我的导出”中下载。',
                statements:
                    '正在生成“%{name}”（每位客户一份 PDF 对账单）。可以关闭此窗口继续工作，完成后在“我的导出”中下载。',
                close: '关闭',
            },
            statements: {
                button: '全部客户对账单',
                title: '生成全部客户对账单',
                content: '为本营业部所选月份内开户在册的每位客户生成一份 PDF 对账单，打包为一个 zip 文件，在后台生成。',
                month: '月份',
                submit: '开始生成',
            },
        },
    },
};

const en: typeof zh = {
    resources: {
        export_jobs: {
            name: 'My exports',
            fields: {
                name: 'File',
                status: 'Status',
                rows_done: 'Progress',
                bytes: 'Size',
                created_at: 'Requested',
                finished_at: 'Finished',
                expires_at: 'Kept until',
            },
            statuses: {
                queued: 'Waiting',
                running: 'Exporting',
                completed: 'Done',
                failed: 'Failed',
                cancelled: 'Cancelled',
                expired: 'Expired (removed)',
            },
            intro: 'Large report and list exports are made in the background and downloaded here; how long files are kept and how many run at once are system parameters.',
            progress: '%{done} / %{expected} %{unit}',
            unit_rows: 'rows',
            unit_clients: 'clients',
            size_kb: '%{size} KB',
            download: 'Download',
            downloaded: 'Downloaded %{name}',
            cancel: 'Cancel export',
            open_list: 'My exports',
            dialog: {
                title: 'Background export',
                intro: '"%{name}" is large, so it is being made in the background. You can close this window and carry on; download it from My exports when it is done.',
                statements:
                    'Making "%{name}" (one PDF statement per client). You can close this window and carry on; download it from My exports when it is done.',
                close: 'Close',
            },
            statements: {
                button: 'All clients’ statements',
                title: 'Statements of every client',
                content:
                    "One PDF statement for each of the branch's clients on the books in the chosen month, in one zip, made in the background.",
                month: 'Month',
                submit: 'Start',
            },
        },
    },
};

export const exportJobMessages = { zh, en };
