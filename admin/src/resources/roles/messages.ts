/** The role pages' words for a change of rights waiting for 复核 (merged into the app's messages). */
const zh = {
    resources: {
        roles: {
            pending: {
                status: '待复核',
                title: '权限变更待复核（复核单 #%{id}）',
                by: '%{maker} 于 %{at} 提交；复核通过后生效，此前仍按下列当前权限。',
                added: '将增加',
                removed: '将移除',
                all_branches_on: '将改为可查看所有营业部',
                all_branches_off: '将不再可查看所有营业部',
                none: '无',
                open: '查看复核单',
                submitted: '角色名称和说明已保存；权限变更已提交复核（复核单 #%{id}），复核通过后生效',
                edit_blocked: '该角色有一项权限变更正在等待复核（复核单 #%{id}），复核完成前不能再提交权限修改。',
            },
        },
    },
};

const en: typeof zh = {
    resources: {
        roles: {
            pending: {
                status: 'Awaiting approval',
                title: 'Rights change awaiting approval (approval #%{id})',
                by: 'Submitted by %{maker} at %{at}; it takes effect once approved, until then the rights below apply.',
                added: 'Adds',
                removed: 'Removes',
                all_branches_on: 'Will see every branch',
                all_branches_off: 'Will no longer see every branch',
                none: 'none',
                open: 'Open the approval',
                submitted:
                    'Name and description saved; the rights change was submitted for approval (approval #%{id}) and takes effect once approved',
                edit_blocked:
                    'A rights change of this role is awaiting approval (approval #%{id}); no other rights change can be submitted until it is decided.',
            },
        },
    },
};

export const roleMessages = { zh, en };
