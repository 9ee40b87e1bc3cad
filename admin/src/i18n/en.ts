import type { TranslationMessages } from 'react-admin';
import { LOGIN_WORDS } from '../boot/loginMessages';
import raEnglish from 'ra-language-english';
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
import type { AppMessages } from './zh';

/** The application's own messages in English; the key tree mirrors zh.ts exactly. */
export const appEn: AppMessages = {
    app: {
        title: LOGIN_WORDS.en.title,
        login_subtitle: LOGIN_WORDS.en.subtitle,
        menu: {
            dashboard: 'Home',
            api_docs: 'API reference',
            change_password: 'Change password',
        },
        common: {
            yes: 'Yes',
            no: 'No',
            none: 'None',
            company_wide: 'Company-wide',
            head_office: 'Head office',
            branch: 'Branch',
        },
        export: {
            button: 'Export',
            xlsx: 'Excel file (.xlsx)',
            csv: 'CSV file (UTF-8)',
            csv_gbk: 'CSV (GBK, for older Excel)',
            done: 'Downloaded %{name}',
            failed: 'Export failed: %{message}',
        },
    },
    dashboard: {
        welcome: 'Welcome, %{name}',
        branch: 'Branch',
        roles: 'Roles',
        username: 'Username',
        scope: 'Data scope',
        scope_all: 'All branches',
        scope_own: 'Own branch only',
        no_roles: 'No role assigned yet',
    },
    resources: {
        operators: {
            name: 'Operator |||| Operators',
            fields: {
                id: 'ID',
                username: 'Username',
                name: 'Name',
                branch_id: 'Branch',
                status: 'Status',
                phone: 'Phone',
                role_ids: 'Roles',
                role_id: 'Role',
                must_change_password: 'Must change password',
                failed_logins: 'Consecutive failed sign-ins',
                locked_until: 'Locked until',
                last_login_at: 'Last sign-in',
                version: 'Version',
                created_at: 'Created',
                updated_at: 'Updated',
                password: 'Initial password',
                q: 'Search',
            },
            status: {
                active: 'Active',
                disabled: 'Disabled',
            },
            sections: {
                account: 'Account',
                security: 'Sign-in security',
            },
            helper: {
                password: 'The new operator must change it at first sign-in',
                q: 'Username or name',
            },
            actions: {
                disable: 'Disable',
                enable: 'Enable',
                reset_password: 'Reset password',
            },
            messages: {
                disabled: 'Operator disabled',
                enabled: 'Operator enabled',
                password_reset: 'Password reset; the operator must change it at next sign-in',
                confirm_disable_title: 'Disable operator %{name}',
                confirm_disable_content:
                    'A disabled operator cannot sign in and their open sessions end at once. Disable?',
                confirm_enable_title: 'Enable operator %{name}',
                confirm_enable_content: 'Enable this operator again?',
                reset_password_title: 'Reset the password of %{name}',
                reset_password_content:
                    'Enter a temporary password and give it to the operator; they must change it at next sign-in.',
                new_password: 'Temporary password',
                locked: 'Locked',
            },
        },
        roles: {
            name: 'Role |||| Roles',
            fields: {
                id: 'ID',
                code: 'Code',
                name: 'Name',
                description: 'Description',
                branch_id: 'Owning branch',
                built_in: 'Built-in',
                all_branches: 'Sees all branches',
                permissions: 'Permissions',
                version: 'Version',
                created_at: 'Created',
                updated_at: 'Updated',
                q: 'Search',
            },
            helper: {
                code: 'Cannot be changed later, e.g. teller_senior',
                all_branches: "Head-office role: holders see every branch's data",
                q: 'Code or name',
            },
            messages: {
                built_in_read_only: 'Built-in roles are defined by the system and cannot be changed or deleted.',
                permission_count: '%{smart_count} permission |||| %{smart_count} permissions',
            },
        },
        audit_log: {
            name: 'Audit log |||| Audit log',
            fields: {
                id: 'ID',
                at: 'Time',
                operator_id: 'Operator',
                username: 'Username',
                branch_id: 'Branch',
                ip: 'IP address',
                action: 'Action',
                resource: 'Resource',
                record_id: 'Record',
                before: 'Before',
                after: 'After',
                detail: 'Detail',
                request_id: 'Request ID',
                at_gte: 'From',
                at_lte: 'To',
            },
            diff: {
                title: 'Changes',
                field: 'Field',
                before: 'Before',
                after: 'After',
                empty: 'No data changed',
                changed: 'Changed',
            },
        },
        branches: {
            name: 'Branch |||| Branches',
            fields: {
                id: 'ID',
                code: 'Code',
                name: 'Name',
                is_head_office: 'Head office',
                status: 'Status',
                version: 'Version',
                created_at: 'Created',
                updated_at: 'Updated',
            },
            status: {
                active: 'Open',
                closed: 'Closed',
            },
        },
    },
    audit_actions: {
        login: 'Sign-in',
        login_failed: 'Failed sign-in',
        logout: 'Sign-out',
        forbidden: 'Access refused',
        create: 'Create',
        update: 'Update',
        delete: 'Delete',
        enable: 'Enable',
        disable: 'Disable',
        reset_password: 'Password reset',
        change_password: 'Password change',
        session_expired: 'Session expired',
        export: 'Export',
        download: 'Report download',
        approve: 'Approve',
        reject: 'Reject',
        import: 'Import',
        submit: 'Submitted for approval',
        change_code: 'Security code change',
        run: 'Run',
    },
    permissions: {
        actions: {
            list: 'List',
            show: 'View',
            create: 'Create',
            edit: 'Edit',
            delete: 'Delete',
            export: 'Export',
            approve: 'Approve',
            run: 'Run',
        },
        categories: {
            admin: 'Administration',
            counter: 'Counter',
            money: 'Money',
            query: 'Queries',
            report: 'Reports',
        },
        matrix: {
            resource: 'Function',
            select_row: 'Select the whole row',
            loading: 'Loading the permission catalog…',
            load_error: 'Cannot load the permission catalog',
            selected: '%{count} selected',
        },
    },
    change_password: {
        title: 'Change password',
        current_password: 'Current password',
        new_password: 'New password',
        confirm_password: 'Confirm new password',
        submit: 'Change password',
        success: 'Password changed',
        must_change: 'First sign-in or password reset: please set a new password before you continue.',
        mismatch: 'The two new passwords differ',
        same_as_current: 'The new password must differ from the current one',
        too_short: 'At least %{min} characters',
    },
    api_docs: {
        title: 'API reference',
        intro: "The console's REST API, generated from the server's OpenAPI document.",
        version: 'Version %{version}',
        load_error: 'Cannot load the API document',
        untagged: 'Other',
        permission: 'Permission',
        permission_public: 'Public (no sign-in)',
        permission_signed_in: 'Any signed-in operator',
        permission_unknown: 'Not declared',
        parameters: 'Parameters',
        request_body: 'Request body',
        no_request_body: 'No request body',
        property: 'Field',
        type: 'Type',
        required: 'Required',
        description: 'Description',
        in: 'In',
        operations: '%{smart_count} operation |||| %{smart_count} operations',
        search: 'Filter by path or summary',
        empty: 'No operation matches',
        deprecated: 'Deprecated',
        tags: {
            auth: 'Sign-in and session',
            docs: 'Documentation',
        },
    },
};

export const enMessages: TranslationMessages = mergeMessages(
    raEnglish,
    appEn,
    autoMessages.en,
    clientMessages.en,
    orderMessages.en,
    dayEndMessages.en,
    backupMessages.en,
    reportPackageMessages.en,
    exportJobMessages.en,
    roleMessages.en,
    tradingCalendarMessages.en,
    reportMessages.en,
    kpiMessages.en,
    segmentMessages.en,
    homeMessages.en,
);

export default enMessages;
