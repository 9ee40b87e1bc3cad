/** The Backups screen's words (merged into the app's messages), and the ones it adds to the
 * approvals inbox and the audit trail. */
const zh = {
    resources: {
        backups: {
            name: '数据备份',
            fields: {
                id: '编号',
                kind: '种类',
                business_date: '业务日期',
                run_id: '日终编号',
                engine: '数据库',
                file: '文件',
                bytes: '大小',
                sha256: 'SHA-256 校验值',
                schema_version: '结构版本',
                created_by: '创建人',
                created_at: '时间',
                note: '备注',
                status: '状态',
                backup_id: '备份编号',
                reason: '恢复原因',
            },
            kinds: {
                before_clearing: '清算前备份',
                after_clearing: '清算后备份',
                manual: '手工备份',
            },
            status: {
                ready: '可恢复',
                missing: '文件缺失',
                pending: '恢复待复核 #%{id}',
            },
            size_mb: '%{size} MB',
            system: '系统',
            intro: '备份保存在服务器的备份目录中（日终前后自动备份，也可随时手工备份）。恢复会把整个数据库退回到备份时的状态，须由另一名柜员在“复核”中批准后才执行。',
            create: {
                button: '立即备份',
                title: '立即备份整个数据库',
                content:
                    '对整个数据库做一次完整备份，业务日期记为当前业务日期。数据量大时可能需要几十秒，期间其他操作会稍有等待。',
                note: '备注（为什么备份）',
                submit: '开始备份',
                done: '备份完成：%{file}（%{size} MB）',
            },
            restore: {
                button: '恢复',
                title: '恢复到备份 #%{id}？',
                what: '%{kind}，业务日期 %{date}，备份于 %{time}',
                warning:
                    '批准后，整个数据库（所有营业部的客户、资金、委托、成交、参数、柜员与权限）将退回到备份时的状态，之后录入的业务全部撤销；所有柜员会被退出登录，须重新登录。恢复前系统会自动再做一次备份，操作日志会保留。',
                approval: '提交后不会立即恢复：须由另一名有复核权限的柜员（如营业部经理）在“复核”中批准。',
                reason: '恢复原因',
                submit: '提交复核',
                submitted: '恢复申请已提交（复核单 #%{id}），待另一名柜员在“复核”中批准后执行',
            },
            approval_notice:
                '批准后，整个数据库将恢复到 %{time} 的%{kind}（业务日期 %{date}）：之后录入的业务全部撤销，所有柜员被退出登录（包括您），恢复前会自动再备份一次。',
        },
    },
    auto: {
        approvals: {
            operations: { restore: '恢复数据库' },
        },
    },
    audit_actions: {
        snapshot: '数据备份',
        restore: '恢复数据库',
        approve_failed: '复核执行失败',
    },
};

const en: typeof zh = {
    resources: {
        backups: {
            name: 'Backups',
            fields: {
                id: 'ID',
                kind: 'Kind',
                business_date: 'Business date',
                run_id: 'Day-end run',
                engine: 'Database',
                file: 'File',
                bytes: 'Size',
                sha256: 'SHA-256',
                schema_version: 'Schema version',
                created_by: 'Taken by',
                created_at: 'Time',
                note: 'Note',
                status: 'Status',
                backup_id: 'Backup',
                reason: 'Reason',
            },
            kinds: {
                before_clearing: 'Before clearing',
                after_clearing: 'After clearing',
                manual: 'Manual',
            },
            status: {
                ready: 'Restorable',
                missing: 'File missing',
                pending: 'Restore awaiting approval #%{id}',
            },
            size_mb: '%{size} MB',
            system: 'System',
            intro: "Snapshots are kept in the server's backup directory (taken automatically before and after day-end, or by hand at any time). A restore takes the whole database back to the moment of the snapshot, and runs only once a second operator approves it in Approvals.",
            create: {
                button: 'Back up now',
                title: 'Back up the whole database now',
                content:
                    'Takes a full snapshot of the whole database, dated on the open business date. A large database may take some tens of seconds, during which other work waits briefly.',
                note: 'Note (why this backup)',
                submit: 'Back up',
                done: 'Backup complete: %{file} (%{size} MB)',
            },
            restore: {
                button: 'Restore',
                title: 'Restore backup #%{id}?',
                what: '%{kind}, business date %{date}, taken %{time}',
                warning:
                    'Once approved, the whole database (every branch: clients, cash, orders, trades, parameters, operators and rights) goes back to the moment of this backup and all work entered since is undone; every operator is signed out and must sign in again. A fresh backup is taken automatically first, and the audit trail is kept.',
                approval:
                    'Nothing is restored yet: a second operator with the approve right (e.g. the branch manager) must approve it in Approvals.',
                reason: 'Reason for the restore',
                submit: 'Submit for approval',
                submitted:
                    'Restore requested (approval #%{id}); it runs once a second operator approves it in Approvals',
            },
            approval_notice:
                'Approving restores the whole database to the %{kind} of %{time} (business date %{date}): all work entered since is undone and every operator is signed out (you too). A fresh backup is taken first.',
        },
    },
    auto: {
        approvals: {
            operations: { restore: 'Restore the database' },
        },
    },
    audit_actions: {
        snapshot: 'Backup',
        restore: 'Database restore',
        approve_failed: 'Approved change failed',
    },
};

export const backupMessages = { zh, en };
