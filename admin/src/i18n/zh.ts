import type { TranslationMessages } from 'react-admin';
import { LOGIN_WORDS } from '../boot/loginMessages';
import { raZh } from './ra-zh';
import { mergeMessages } from './mergeMessages';
import { autoMessages } from '../auto/messages';
import { clientMessages } from '../resources/clients/messages';
import { orderMessages } from '../resources/orders/messages';
import { dayEndMessages } from '../resources/day_end_runs/messages';
import { backupMessages } from '../resources/backups/messages';
import { reportPackageMessages } from '../resources/report_packages/messages';
import { exportJobMessages } from '../resources/export_jobs/messages';
import { roleMessages } from '../resources/roles/messages';
import { tradingCalendarMessages } from '../resources/trading_calendar/messages';
import { reportMessages } from '../reports/messages';
import { kpiMessages } from '../kpis/messages';
import { segmentMessages } from '../segments/messages';
import { homeMessages } from '../dashboard/messages';

/**
 * The application's own messages in Chinese (the default locale). en.ts must have exactly the
 * same key tree (checked by the AppMessages type and by messages.test.ts).
 */
export const appZh = {
    app: {
        title: LOGIN_WORDS['zh-CN'].title,
        login_subtitle: LOGIN_WORDS['zh-CN'].subtitle,
        menu: {
            dashboard: '首页',
            api_docs: '接口文档',
            change_password: '修改密码',
        },
        common: {
            yes: '是',
            no: '否',
            none: '无',
            company_wide: '全公司',
            head_office: '总部',
            branch: '营业部',
        },
        // the export of every list (the server renders every row the filter selects)
        export: {
            button: '导出',
            xlsx: 'Excel 文件（.xlsx）',
            csv: 'CSV 文件（UTF-8）',
            csv_gbk: 'CSV（GBK 编码，旧版 Excel）',
            done: '已下载 %{name}',
            failed: '导出失败：%{message}',
        },
    },
    dashboard: {
        welcome: '欢迎，%{name}',
        branch: '所属营业部',
        roles: '角色',
        username: '登录名',
        scope: '数据范围',
        scope_all: '可查看所有营业部',
        scope_own: '仅本营业部',
        no_roles: '尚未分配角色',
    },
    resources: {
        operators: {
            name: '柜员',
            fields: {
                id: '编号',
                username: '登录名',
                name: '姓名',
                branch_id: '营业部',
                status: '状态',
                phone: '电话',
                role_ids: '角色',
                role_id: '角色',
                must_change_password: '需修改密码',
                failed_logins: '连续登录失败次数',
                locked_until: '锁定至',
                last_login_at: '最近登录',
                version: '版本',
                created_at: '创建时间',
                updated_at: '更新时间',
                password: '初始密码',
                q: '搜索',
            },
            status: {
                active: '正常',
                disabled: '停用',
            },
            sections: {
                account: '账户',
                security: '登录安全',
            },
            helper: {
                password: '新柜员首次登录时须修改此密码',
                q: '登录名或姓名',
            },
            actions: {
                disable: '停用',
                enable: '启用',
                reset_password: '重置密码',
            },
            messages: {
                disabled: '柜员已停用',
                enabled: '柜员已启用',
                password_reset: '密码已重置，该柜员下次登录时须修改密码',
                confirm_disable_title: '停用柜员 %{name}',
                confirm_disable_content: '停用后该柜员将无法登录，其现有会话会立即结束。确定停用吗？',
                confirm_enable_title: '启用柜员 %{name}',
                confirm_enable_content: '确定重新启用该柜员吗？',
                reset_password_title: '重置柜员 %{name} 的密码',
                reset_password_content: '请输入一个临时密码并告知该柜员；其下次登录时须修改密码。',
                new_password: '临时密码',
                locked: '已锁定',
            },
        },
        roles: {
            name: '角色',
            fields: {
                id: '编号',
                code: '角色代码',
                name: '角色名称',
                description: '说明',
                branch_id: '所属营业部',
                built_in: '内置角色',
                all_branches: '可查看所有营业部',
                permissions: '权限',
                version: '版本',
                created_at: '创建时间',
                updated_at: '更新时间',
                q: '搜索',
            },
            helper: {
                code: '创建后不可修改，例如 teller_senior',
                all_branches: '总部角色：持有者可查看所有营业部的数据',
                q: '角色代码或名称',
            },
            messages: {
                built_in_read_only: '内置角色由系统定义，不可修改或删除。',
                permission_count: '%{smart_count} 项权限',
            },
        },
        audit_log: {
            name: '操作日志',
            fields: {
                id: '编号',
                at: '时间',
                operator_id: '柜员',
                username: '登录名',
                branch_id: '营业部',
                ip: 'IP 地址',
                action: '操作',
                resource: '对象',
                record_id: '记录编号',
                before: '修改前',
                after: '修改后',
                detail: '说明',
                request_id: '请求编号',
                at_gte: '起始日期',
                at_lte: '截止日期',
            },
            diff: {
                title: '变更内容',
                field: '字段',
                before: '修改前',
                after: '修改后',
                empty: '无数据变更',
                changed: '已变更',
            },
        },
        branches: {
            name: '营业部',
            fields: {
                id: '编号',
                code: '营业部代码',
                name: '营业部名称',
                is_head_office: '总部',
                status: '状态',
                version: '版本',
                created_at: '创建时间',
                updated_at: '更新时间',
            },
            status: {
                active: '营业中',
                closed: '已撤销',
            },
        },
    },
    audit_actions: {
        login: '登录',
        login_failed: '登录失败',
        logout: '退出登录',
        forbidden: '越权访问被拒绝',
        create: '新增',
        update: '修改',
        delete: '删除',
        enable: '启用',
        disable: '停用',
        reset_password: '重置密码',
        change_password: '修改密码',
        session_expired: '会话过期',
        export: '导出',
        download: '下载报表',
        approve: '复核通过',
        reject: '复核退回',
        import: '导入',
        submit: '提交复核',
        change_code: '证券代码变更',
        run: '执行',
    },
    permissions: {
        actions: {
            list: '列表',
            show: '查看',
            create: '新增',
            edit: '修改',
            delete: '删除',
            export: '导出',
            approve: '复核',
            run: '执行',
        },
        categories: {
            admin: '系统管理',
            counter: '柜台业务',
            money: '资金业务',
            query: '查询',
            report: '报表',
        },
        matrix: {
            resource: '功能',
            select_row: '全选本行',
            loading: '正在加载权限目录…',
            load_error: '无法加载权限目录',
            selected: '已选 %{count} 项',
        },
    },
    change_password: {
        title: '修改密码',
        current_password: '当前密码',
        new_password: '新密码',
        confirm_password: '确认新密码',
        submit: '修改密码',
        success: '密码已修改',
        must_change: '首次登录或密码已被重置：请先设置新密码后再继续使用系统。',
        mismatch: '两次输入的新密码不一致',
        same_as_current: '新密码不能与当前密码相同',
        too_short: '密码至少 %{min} 位',
    },
    api_docs: {
        title: '接口文档',
        intro: '本系统 REST 接口一览（由服务器的 OpenAPI 文档生成）。',
        version: '版本 %{version}',
        load_error: '无法加载接口文档',
        untagged: '其他',
        permission: '所需权限',
        permission_public: '公开（无需登录）',
        permission_signed_in: '已登录即可',
        permission_unknown: '未声明',
        parameters: '参数',
        request_body: '请求体',
        no_request_body: '无请求体',
        property: '字段',
        type: '类型',
        required: '必填',
        description: '说明',
        in: '位置',
        operations: '%{smart_count} 个接口',
        search: '筛选路径或说明',
        empty: '没有符合条件的接口',
        deprecated: '已废弃',
        tags: {
            auth: '登录与会话',
            docs: '文档',
        },
    },
};

type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };

/** The shape en.ts must satisfy: same keys, any strings. */
export type AppMessages = Leaves<typeof appZh>;

export const zhMessages: TranslationMessages = mergeMessages(
    raZh,
    appZh,
    autoMessages.zh,
    clientMessages.zh,
    orderMessages.zh,
    dayEndMessages.zh,
    backupMessages.zh,
    reportPackageMessages.zh,
    exportJobMessages.zh,
    roleMessages.zh,
    tradingCalendarMessages.zh,
    reportMessages.zh,
    kpiMessages.zh,
    segmentMessages.zh,
    homeMessages.zh,
);

export default zhMessages;
