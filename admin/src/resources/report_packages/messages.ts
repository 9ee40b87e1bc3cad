/** The 报表归档 screen's words (merged into the app's messages), and its audit trail word. */
const zh = {
    resources: {
        report_packages: {
            name: '报表归档',
            fields: {
                id: '编号',
                business_date: '业务日期',
                branch_id: '营业部',
                version: '版本',
                reports: '报表',
                files: '文件',
                bytes: '大小',
                source: '来源',
                created_by: '生成人',
                created_at: '生成时间',
                sha256: 'SHA-256 校验值',
            },
            sources: { day_end: '日终生成', manual: '手工生成' },
            version_n: '第 %{version} 版',
            file_count: '%{count} 个文件',
            size_kb: '%{size} KB',
            intro: '每个已日终的业务日，日终自动把当日报表（报表与格式见系统参数“日报表包内容”）打成一个报表包归档，清单记录每个文件的行数和 SHA-256 校验值，以及上一个报表包的校验值，组成一条校验链。重新生成不会覆盖原报表包，而是新增一个版本。',
            download: '下载',
            downloaded: '已下载 %{file}',
            generate: {
                button: '生成报表包',
                title: '生成报表包',
                content: '为一个已日终的业务日重新生成报表包。已有的报表包保留，新报表包作为下一个版本归档。',
                date: '业务日期',
                branch: '营业部',
                submit: '生成',
                done: '已生成 %{date} 第 %{version} 版报表包（%{count} 个文件）',
            },
            verify: {
                button: '校验',
                title: '报表归档校验',
                running: '正在逐个核对报表包与校验链…',
                close: '关闭',
            },
        },
    },
    audit_actions: {
        generate: '生成报表包',
    },
};

const en: typeof zh = {
    resources: {
        report_packages: {
            name: 'Report archive',
            fields: {
                id: 'ID',
                business_date: 'Business date',
                branch_id: 'Branch',
                version: 'Version',
                reports: 'Reports',
                files: 'Files',
                bytes: 'Size',
                source: 'Source',
                created_by: 'Built by',
                created_at: 'Built at',
                sha256: 'SHA-256',
            },
            sources: { day_end: 'Day-end', manual: 'Built by hand' },
            version_n: 'Version %{version}',
            file_count: '%{count} files',
            size_kb: '%{size} KB',
            intro: "At each day-end the day's reports (which reports and formats: the system parameter “Daily report package contents”) are archived as one package; its manifest records each file's rows and SHA-256 and the previous package's SHA-256, so the packages form a hash chain. Building a package again never replaces one: it adds the next version.",
            download: 'Download',
            downloaded: 'Downloaded %{file}',
            generate: {
                button: 'Build package',
                title: 'Build a report package',
                content:
                    'Builds the report package of a closed business date again. Existing packages stay; the new one is archived as the next version.',
                date: 'Business date',
                branch: 'Branch',
                submit: 'Build',
                done: 'Built the package of %{date}, version %{version} (%{count} files)',
            },
            verify: {
                button: 'Verify',
                title: 'Verify the report archive',
                running: 'Checking every package and the hash chain…',
                close: 'Close',
            },
        },
    },
    audit_actions: {
        generate: 'Report package built',
    },
};

export const reportPackageMessages = { zh, en };
