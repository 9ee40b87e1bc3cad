import type { Lang } from './lang.js';

/** Every message the server words itself, in both languages. Keys are stable codes. */
export const messages = {
  validation_failed: { zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  json_required: { zh: '请求须为 JSON（Content-Type: application/json）', en: 'The request must be JSON (Content-Type: application/json)' },
  malformed_json: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  session_expired: { zh: '会话已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  forbidden: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  csrf: { zh: '请求来源校验失败，请刷新页面后重试', en: 'Request origin check failed; reload the page and retry' },
  password_change_required: { zh: '请先修改密码', en: 'You must change your password first' },
  not_found: { zh: '记录不存在', en: 'Record not found' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  stale: { zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and retry' },
  internal: { zh: '服务器内部错误，请联系系统管理员（请求号 {request_id}）', en: 'Internal error; tell your administrator (request {request_id})' },
  bad_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  locked: { zh: '登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins: locked, try again in {minutes} minutes' },
  disabled: { zh: '该柜员已停用', en: 'This operator is disabled' },
  wrong_current_password: { zh: '当前密码不正确', en: 'The current password is wrong' },
  password_too_short: { zh: '密码至少 {min} 位', en: 'At least {min} characters' },
  password_too_weak: { zh: '密码须同时包含字母和数字', en: 'Use both letters and digits' },
  password_same: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  bad_sort: { zh: '不能按字段 {field} 排序', en: 'Cannot sort by {field}' },
  bad_range: { zh: '分页范围无效（每页最多 {max} 条）', en: 'Invalid range (at most {max} rows a page)' },
  bad_filter: { zh: '筛选条件无效', en: 'Invalid filter' },
  unknown_filter: { zh: '不能按字段 {field} 筛选', en: 'Cannot filter by {field}' },
  duplicate: { zh: '{value} 已存在', en: '{value} already exists' },
  unknown_reference: { zh: '引用的记录不存在', en: 'The referenced record does not exist' },
  branch_out_of_scope: { zh: '不能在其他营业部下操作', en: 'Not allowed for another branch' },
  sod_role: { zh: '职责分离：同一角色不能同时拥有系统管理权限（{admin}）和资金权限（{money}）', en: 'Separation of duties: a role cannot hold both IT-admin rights ({admin}) and money rights ({money})' },
  sod_operator: { zh: '职责分离：角色 {a} 与 {b} 不能授予同一柜员', en: 'Separation of duties: roles {a} and {b} cannot be given to one operator' },
  unknown_permission: { zh: '未知权限 {permission}', en: 'Unknown permission {permission}' },
  built_in_role: { zh: '内置角色不可修改或删除', en: 'Built-in roles cannot be changed or deleted' },
  role_in_use: { zh: '该角色仍授予 {count} 名柜员，不能删除', en: 'The role is still given to {count} operators' },
  self_disable: { zh: '不能停用自己', en: 'You cannot disable yourself' },
  no_roles: { zh: '至少选择一个角色', en: 'Choose at least one role' },
  operator_has_history: { zh: '柜员已有操作记录，不能删除，请停用', en: 'The operator has a history: disable instead of deleting' },
  all_branches_needs_scope: { zh: '只有总部柜员可以设置跨营业部角色', en: 'Only head-office operators can create all-branch roles' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MsgKey = keyof typeof messages;
export type Params = Record<string, string | number>;

export function t(lang: Lang, key: MsgKey, params: Params = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
