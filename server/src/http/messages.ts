import type { Lang } from './lang.js';

/** Every message the server words itself, in both languages. Keys are stable codes. */
export const messages = {
  validation_failed: { zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid' },
  body_too_large: { zh: '提交的数据过大（不能超过 {mb} MB）', en: 'The request body is too large (at most {mb} MB)' },
  json_too_deep: {
    zh: '数据嵌套层数过多（不能超过 {depth} 层）',
    en: 'The data is nested too deeply (at most {depth} levels)',
  },
  json_required: {
    zh: '请求须为 JSON（Content-Type: application/json）',
    en: 'The request must be JSON (Content-Type: application/json)',
  },
  nul_char: { zh: '不能包含空字符（U+0000）', en: 'Must not contain NUL characters (U+0000)' },
  malformed_json: { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  unauthenticated: { zh: '请先登录', en: 'Please sign in' },
  session_expired: { zh: '会话已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  forbidden: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  csrf: { zh: '请求来源校验失败，请刷新页面后重试', en: 'Request origin check failed; reload the page and retry' },
  password_change_required: { zh: '请先修改密码', en: 'You must change your password first' },
  not_found: { zh: '记录不存在', en: 'Record not found' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  stale: { zh: '该记录已被他人修改，请刷新后重试', en: 'Someone else changed this record; reload and retry' },
  internal: {
    zh: '服务器内部错误，请联系系统管理员（请求号 {request_id}）',
    en: 'Internal error; tell your administrator (request {request_id})',
  },
  bad_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  locked: {
    zh: '登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins: locked, try again in {minutes} minutes',
  },
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
  sod_role: {
    zh: '职责分离：同一角色不能同时拥有系统管理权限（{admin}）和资金权限（{money}）',
    en: 'Separation of duties: a role cannot hold both IT-admin rights ({admin}) and money rights ({money})',
  },
  sod_operator: {
    zh: '职责分离：角色 {a} 与 {b} 不能授予同一柜员',
    en: 'Separation of duties: roles {a} and {b} cannot be given to one operator',
  },
  unknown_permission: { zh: '未知权限 {permission}', en: 'Unknown permission {permission}' },
  built_in_role: { zh: '内置角色不可修改或删除', en: 'Built-in roles cannot be changed or deleted' },
  role_in_use: { zh: '该角色仍授予 {count} 名柜员，不能删除', en: 'The role is still given to {count} operators' },
  self_disable: { zh: '不能停用自己', en: 'You cannot disable yourself' },
  no_roles: { zh: '至少选择一个角色', en: 'Choose at least one role' },
  operator_has_history: {
    zh: '柜员已有操作记录，不能删除，请停用',
    en: 'The operator has a history: disable instead of deleting',
  },
  all_branches_needs_scope: {
    zh: '只有总部柜员可以设置跨营业部角色',
    en: 'Only head-office operators can create all-branch roles',
  },
  unknown_code: { zh: '数据字典中没有代码 {value}', en: 'No dictionary code {value}' },
  read_only_record: { zh: '该记录只读，不能修改', en: 'This record is read-only' },
  in_use: { zh: '该记录仍被其他数据引用，不能删除', en: 'Other records still use this one' },
  check_failed: { zh: '取值不符合约束', en: 'The value breaks a constraint' },
  submitted_for_approval: {
    zh: '已提交复核，待另一名柜员审批后生效',
    en: 'Submitted for approval by a second operator',
  },
  pending_exists: {
    zh: '该记录已有待复核的修改，请等待审批完成',
    en: 'This record already has a change waiting for approval',
  },
  own_approval: { zh: '不能复核自己提交的修改', en: 'You cannot approve your own change' },
  approval_decided: { zh: '该复核已处理', en: 'This approval was already decided' },
  approve_right_missing: { zh: '无权复核 {resource} 的修改', en: 'You may not approve changes to {resource}' },
  end_before_start: { zh: '截止时间须晚于开始时间', en: 'The end must be after the start' },
  tick_values: {
    zh: '最小价位为 0.01（股票）或 0.001（基金、B股、债券）',
    en: 'The tick is 0.01 (stocks) or 0.001 (funds, B shares, bonds)',
  },
  not_trading_day: { zh: '该市场当日休市，不是交易日', en: 'The market does not trade on that day' },
  param_integer: { zh: '应为整数', en: 'Must be an integer' },
  param_decimal: { zh: '应为数字（最多 8 位小数）', en: 'Must be a number (at most 8 decimals)' },
  param_date: { zh: '应为日期 YYYY-MM-DD', en: 'Must be a date YYYY-MM-DD' },
  param_boolean: { zh: '应为 true 或 false', en: 'Must be true or false' },
  param_date_list: { zh: '应为月-日列表，如 03-20,06-20', en: 'Must be month-day list like 03-20,06-20' },
  param_indicator_list: {
    zh: '应为至少两个不重复的指标，逗号分隔：{choices}',
    en: 'Must name at least two different indicators, comma-separated: {choices}',
  },
  param_range: { zh: '应在 {min} 至 {max} 之间', en: 'Must be between {min} and {max}' },
  fee_overlap: {
    zh: '与已有费率 #{id}（{from} 至 {to}）的有效期重叠',
    en: 'Overlaps fee schedule #{id} ({from} to {to})',
  },
  scope_value_required: { zh: '请填写适用对象（{scope}）', en: 'Say what the scope applies to ({scope})' },
  scope_value_empty: { zh: '默认费率不填适用对象', en: 'A default schedule has no scope value' },
  commission_cap: { zh: '佣金费率不得超过 0.003（千分之三）', en: 'Commission may not exceed 0.003' },
  min_fee_commission_only: { zh: '只有佣金设最低收费', en: 'Only commission has a minimum' },
  not_xlsx: { zh: '文件不是有效的 Excel (.xlsx) 文件', en: 'The file is not a valid Excel (.xlsx) file' },
  bad_columns: { zh: '表头与模板不符', en: 'The header row does not match the template' },
  missing_columns: { zh: '缺少列：{columns}', en: 'Missing columns: {columns}' },
  extra_columns: { zh: '多余的列：{columns}', en: 'Unknown columns: {columns}' },
  duplicate_columns: { zh: '重复的列：{columns}', en: 'Repeated columns: {columns}' },
  too_many_rows: { zh: '一次最多导入 {max} 行', en: 'At most {max} rows per import' },
  formula_cell: { zh: '不接受公式单元格，请粘贴为数值', en: 'Formula cells are not accepted; paste values' },
  cell_type: { zh: '单元格类型不符', en: 'Wrong cell type' },
  duplicate_in_file: { zh: '与第 {row} 行重复', en: 'Duplicates row {row}' },
  import_no_create: {
    zh: '不存在的记录，且该资源不允许新增',
    en: 'No such record, and this resource cannot be created',
  },
  import_applied: { zh: '该导入批次已处理', en: 'This import batch was already processed' },
  import_has_errors: {
    zh: '还有 {count} 处错误，修正后重新上传',
    en: '{count} errors remain; fix them and upload again',
  },
  file_required: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  file_too_large: { zh: '文件不能超过 {mb} MB', en: 'The file may not exceed {mb} MB' },
  calendar_exhausted: {
    zh: '交易日历中没有之后的交易日，请先维护交易日历',
    en: 'The trading calendar has no later trading day; extend it first',
  },
  idempotency_conflict: {
    zh: '该幂等键已用于另一笔不同的请求',
    en: 'This idempotency key was used for a different request',
  },
  account_closed: { zh: '账户已销户或不可用', en: 'The account is closed' },
  client_frozen: { zh: '客户已冻结，不能转出资金', en: 'The client is frozen: no money may leave' },
  pdf_too_many_rows: {
    zh: '该报表有 {rows} 行，超过 PDF 的上限 {max} 行：请下载 Excel 或 CSV',
    en: 'The report has {rows} rows, more than a PDF holds ({max}): download .xlsx or CSV instead',
  },
  client_lost: { zh: '客户已挂失，不能转出资金', en: 'The client reported a lost card: no money may leave' },
  bank_required: { zh: '银证转账须选择银行', en: 'Choose the bank' },
  over_single_limit: { zh: '超过单笔限额 {limit} 元', en: 'Over the single-operation limit of {limit} CNY' },
  amount_not_positive: { zh: '金额必须大于 0', en: 'The amount must be positive' },
  amount_precision: { zh: '金额最多两位小数（到分）', en: 'At most two decimals (cents)' },
  insufficient_withdrawable: { zh: '可取资金不足', en: 'Not enough withdrawable cash' },
  insufficient_available: { zh: '可用资金不足', en: 'Not enough available cash' },
  insufficient_frozen: { zh: '冻结资金不足', en: 'Not enough frozen cash' },
  reversal_breaks_balance: { zh: '冲销后余额将不足，不能冲销', en: 'Reversing would leave too little cash' },
  reversal_of_reversal: { zh: '冲销记录不能再冲销', en: 'A reversal cannot be reversed' },
  reversal_same_day_only: { zh: '只能冲销当日的流水', en: "Only today's entries can be reversed" },
  already_reversed: { zh: '该笔流水已冲销', en: 'This entry was already reversed' },
  id_format: { zh: '身份证号码应为 18 位（末位可为 X）', en: 'An ID number has 18 characters (the last may be X)' },
  id_birth_date: { zh: '身份证号码中的出生日期无效', en: 'The birth date in the ID number is invalid' },
  id_check_digit: { zh: '身份证号码校验位不正确', en: "The ID number's check digit is wrong" },
  id_duplicate: { zh: '该身份证号码已开户', en: 'A client with this ID number exists' },
  client_closed: { zh: '客户已销户', en: 'The client is closed' },
  close_needs_zero: { zh: '销户前资金余额和冻结资金必须为零', en: 'Cash and frozen cash must be zero to close' },
  close_needs_interest: {
    zh: '销户前须先销户结息（利息积数 {base}，应计利息 {interest} 元），再取出全部余额',
    en: 'Settle the interest first (accrual base {base}, interest due {interest}), then pay out the whole balance',
  },
  interest_not_reversible: {
    zh: '结息流水不能冲销',
    en: 'An interest entry cannot be reversed',
  },
  unknown_security: { zh: '找不到证券 {code}', en: 'No security {code}' },
  ambiguous_security: {
    zh: '代码 {code} 在多个市场存在，请加市场前缀（如 SH、SZ）',
    en: 'Code {code} exists in several markets: add the market (SH, SZ)',
  },
  // an order's refusals, with the figures the clerk needs to correct it (orders.service.ts problemParams)
  no_shareholder_account: {
    zh: '客户没有{market_zh}股东账户，请先开立',
    en: 'The client has no shareholder account on {market_en}: open one first',
  },
  quantity_not_positive: { zh: '数量必须是正整数', en: 'The quantity must be a positive whole number' },
  lot_multiple: { zh: '买入数量须为整手，即 {lot} 的整数倍', en: 'Buy in whole lots (multiples of {lot})' },
  lot_minimum: { zh: '买入数量低于最低申报数量 {lot}', en: 'Below the minimum order quantity of {lot}' },
  odd_lot_sell: {
    zh: '零股须一次全部卖出（可卖 {sellable}），否则须为整手',
    en: 'An odd lot must be sold all at once (sellable {sellable}), otherwise in whole lots',
  },
  price_tick: { zh: '价格须为最小价位 {tick} 元的整数倍', en: 'The price must be a whole number of ticks ({tick})' },
  price_band: {
    zh: '价格超出涨跌幅限制（{down} – {up}）',
    en: 'The price is outside the daily limit band ({down} – {up})',
  },
  security_not_trading: { zh: '该证券停牌或已退市，不能交易', en: 'The security is suspended or delisted' },
  client_status: {
    zh: '客户状态不允许交易（冻结、挂失或销户）',
    en: 'The client may not trade (frozen, lost card or closed)',
  },
  channel_not_allowed: { zh: '客户未开通该委托方式', en: 'The client may not use this order channel' },
  order_not_open: { zh: '委托已成交、已撤销或不是当日委托', en: "The order is filled, cancelled or not today's" },
  shareholder_code_format: {
    zh: '股东代码格式不符（上海 A 加 9 位数字，深圳 10 位数字）',
    en: 'Wrong shareholder code format (SH: A + 9 digits; SZ: 10 digits)',
  },
  shareholder_account_exists: {
    zh: '客户在该市场已有股东账户',
    en: 'The client already has an account on this market',
  },
  shareholder_market_unknown: {
    zh: '不能在市场 {market} 开立股东账户（没有该市场、已停用或无股东代码格式）',
    en: 'No shareholder account can be opened on {market} (no such market, suspended, or no code format)',
  },
  insufficient_shares: { zh: '可卖（可用）数量不足', en: 'Not enough sellable shares' },
  order_insufficient_shares: {
    zh: '可卖数量不足（可卖 {sellable}）',
    en: 'Not enough sellable shares (sellable {sellable})',
  },
  order_insufficient_available: {
    zh: '可用资金不足（可用 {available} 元）',
    en: 'Not enough available cash (available {available} CNY)',
  },
  no_seat: { zh: '本营业部没有 {market} 的可用席位', en: 'The branch has no active {market} seat' },
  insufficient_frozen_shares: {
    zh: '可解冻数量不足（卖出委托占用的冻结不能解冻）',
    en: 'Not that many frozen shares (open sell orders hold some)',
  },
  close_needs_no_holdings: {
    zh: '销户前须先转出或卖出全部持仓',
    en: 'Sell or transfer out every holding before closing',
  },
  day_end_done: { zh: '{date} 的日终已完成，不能重做', en: 'Day-end for {date} is already complete' },
  day_end_not_open: {
    zh: '只能对当前业务日期 {open} 做日终（请求的是 {date}）',
    en: 'Day-end runs for the open business date {open} only (asked: {date})',
  },
  day_end_clearing: {
    zh: '清算复核不符：成交 {ids} 的费用与费率不一致',
    en: 'Clearing check failed: fees of trades {ids} disagree with the schedules',
  },
  day_end_unacknowledged: {
    zh: '日终预检提示尚未确认：{what}',
    en: 'Day-end pre-check warnings not acknowledged: {what}',
  },
  day_end_warning_no_trade_report: {
    zh: '当日有委托 {orders} 笔，但未导入成交回报（{branches}）',
    en: '{orders} orders today but no trade report imported ({branches})',
  },
  day_end_warning_bank_none: {
    zh: '{bank}：当日银证转账 {transfers} 笔，尚未对账',
    en: '{bank}: {transfers} transfers today, not reconciled',
  },
  day_end_warning_bank_differences: {
    zh: '{bank}：当日银证转账 {transfers} 笔，对账有差异未解决',
    en: '{bank}: {transfers} transfers today, the reconciliation found differences',
  },
  day_end_warning_bank_changed: {
    zh: '{bank}：当日银证转账 {transfers} 笔，对账后又有变动，须重新对账',
    en: '{bank}: {transfers} transfers today, changed since the reconciliation',
  },
  day_end_invariant: { zh: '账务检查不通过，日终中止：{what}', en: 'Invariant check failed, day-end aborted: {what}' },
  // what a day-end run and its steps recorded (day_end_runs.error_key, day_end_steps.detail_key), worded when read
  day_end_failed_at: { zh: '{step}: {reason}', en: '{step}: {reason}' },
  day_end_error: { zh: '{message}', en: '{message}' },
  day_end_step_snapshot: { zh: '{file}（{mb} MB）', en: '{file} ({mb} MB)' },
  day_end_step_close_day: { zh: '当日委托 {orders} 笔', en: '{orders} orders today' },
  day_end_step_match_trades: {
    zh: '成交 {trades} 笔，来自 {files} 个成交回报文件',
    en: '{trades} trades from {files} trade report files',
  },
  day_end_step_clearing: {
    zh: '清算成交 {cleared} 笔（{keys} 种费率组合），更正费用 {corrected} 笔',
    en: '{cleared} trades cleared ({keys} fee schedule combinations), fees corrected on {corrected}',
  },
  day_end_step_delivery: {
    zh: '资金交收 {cash_entries} 笔（{cash_accounts} 户，净额 {cash_net} 元），证券交收 {holdings_entries} 笔；一级清算 {summaries} 行',
    en: 'Cash settled: {cash_entries} entries ({cash_accounts} accounts, net {cash_net} yuan); securities settled: {holdings_entries} entries; first-level clearing: {summaries} rows',
  },
  day_end_step_release_freezes: {
    zh: '未成交委托 {orders} 笔失效：资金解冻 {cash} 户，证券解冻 {shares} 个持仓；当日冻结解除 {same_day} 户',
    en: '{orders} unfilled orders expired: cash released on {cash} accounts, shares on {shares} holdings; same-day freezes released on {same_day} accounts',
  },
  day_end_step_closing_prices: {
    zh: '收盘价 {closes} 只（导入 {imported}，撮合 {exchange}，沿用 {carried}）；前收盘价更新 {rolled} 只',
    en: '{closes} closing prices ({imported} imported, {exchange} from matching, {carried} carried forward); {rolled} previous closes updated',
  },
  day_end_step_interest_accrued: {
    zh: '{accounts} 个有变动的账户结转利息积数',
    en: 'Interest base carried forward on {accounts} changed accounts',
  },
  day_end_step_interest_posted: {
    zh: '转息日：{accounts} 个账户结息入账，合计 {amount} 元',
    en: 'Interest capitalisation day: interest posted to {accounts} accounts, {amount} yuan in all',
  },
  day_end_step_check_invariants: { zh: '账务检查全部通过', en: 'Every invariant holds' },
  day_end_step_summaries: { zh: '各营业部当日数据已汇总', en: "Each branch's figures of the day are summarised" },
  day_end_step_segments_skipped: {
    zh: '非月末交易日，不重新分群',
    en: 'Not the last trading day of the month: clients not re-segmented',
  },
  day_end_step_segments: {
    zh: '{branches} 个营业部 {clients} 户客户已重新分群',
    en: '{clients} clients of {branches} branches re-segmented',
  },
  day_end_step_bank_detail: { zh: '{banks}', en: '{banks}' },
  day_end_step_bank: {
    zh: '{bank} {transfers} 笔，净额 {net} 元',
    en: '{bank}: {transfers} transfers, net {net} yuan',
  },
  day_end_step_bank_none: { zh: '当日无银证转账', en: 'No bank-securities transfers today' },
  day_end_step_archive: {
    zh: '资金流水 {fund} 笔、证券流水 {position} 笔入历史库',
    en: '{fund} fund journal and {position} position journal entries moved to history',
  },
  day_end_step_roll_date: { zh: '下一业务日 {next}', en: 'Next business date {next}' },
  day_end_step_report_package_off: {
    zh: '未配置报表归档目录，未生成报表包',
    en: 'No report archive directory is configured: no report packages made',
  },
  day_end_step_report_package: {
    zh: '报表包 {packages} 个（共 {files} 个报表文件）已归档',
    en: '{packages} report packages ({files} report files) archived',
  },
  close_date_future: {
    zh: '{date} 晚于当前业务日期 {open}，尚未收盘：只能录入或导入 {open} 的收盘价',
    en: '{date} is after the open business date {open} and has not closed yet: only the closes of {open} can be entered or imported',
  },
  close_date_closed: {
    zh: '{date} 已闭市（日终已完成），其收盘价不能再录入或导入：只能录入或导入当前业务日期 {open} 的收盘价',
    en: '{date} is closed by day-end and its closes can no longer be entered or imported: only the closes of the open business date {open} can',
  },
  close_line_header: {
    zh: '表头应为 trade_date,market,security_code,close_price，文件未读取',
    en: 'The header must be trade_date,market,security_code,close_price; the file was not read',
  },
  close_line_columns: { zh: '应有 4 列（逗号分隔）', en: 'A line has 4 comma-separated columns' },
  close_line_blank_field: { zh: '有空字段', en: 'A field is blank' },
  close_line_date: { zh: '日期应为 YYYY-MM-DD 格式的有效日期', en: 'The date must be a valid YYYY-MM-DD date' },
  close_line_price: {
    zh: '收盘价应为大于 0 的数，最多 3 位小数',
    en: 'The close must be a number above 0 with at most 3 decimals',
  },
  close_line_duplicate: { zh: '与第 {line} 行是同一证券', en: 'The same security as line {line}' },
  close_line_unknown_security: {
    zh: '市场 {market} 没有证券代码 {code}',
    en: 'Market {market} has no security {code}',
  },
  backups_not_configured: {
    zh: '本服务未配置备份目录，不能备份或恢复',
    en: 'No backup directory is configured: cannot back up or restore',
  },
  backup_tool_missing: {
    zh: '找不到 {tool}：PostgreSQL 数据库的备份与恢复需要 PostgreSQL 客户端工具（pg_dump、pg_restore），请安装，或用 PG_BIN_DIR 指明其目录',
    en: '{tool} not found: backing up and restoring a PostgreSQL database needs the PostgreSQL client tools (pg_dump, pg_restore); install them or set PG_BIN_DIR',
  },
  backup_failed: { zh: '备份失败：{reason}', en: 'Backup failed: {reason}' },
  backup_file_missing: {
    zh: '备份文件 {file} 已不在备份目录中，不能恢复',
    en: 'Backup file {file} is no longer in the backup directory: cannot restore',
  },
  backup_damaged: {
    zh: '备份文件 {file} 已损坏或被改动（SHA-256 与备份时不符），不能恢复',
    en: 'Backup file {file} is damaged or was changed (its SHA-256 differs from when it was taken): cannot restore',
  },
  backup_engine_mismatch: {
    zh: '该备份取自 {engine} 数据库，不能恢复到当前的 {current} 数据库',
    en: 'This backup is of a {engine} database: it cannot be restored into the current {current} database',
  },
  backup_schema_mismatch: {
    zh: '该备份的数据库结构版本（{backup}）与当前程序的版本（{current}）不同，不能恢复',
    en: 'This backup has schema version {backup}, the running program {current}: cannot restore',
  },
  restore_failed: {
    zh: '恢复失败，数据库保持恢复前的状态：{reason}',
    en: 'The restore failed; the database is as it was before: {reason}',
  },
  report_archive_not_configured: {
    zh: '本服务未配置报表归档目录，不能生成或下载报表包',
    en: 'No report archive directory is configured: cannot build or download report packages',
  },
  report_package_not_closed: {
    zh: '{date} 尚未日终，只能为已日终的日期生成报表包',
    en: '{date} has not been closed: report packages are built for closed days only',
  },
  report_package_file_missing: {
    zh: '报表包文件 {file} 已不在归档目录中',
    en: 'Report package file {file} is no longer in the archive directory',
  },
  param_report_set: {
    zh: '应为“报表:格式”，分号分隔，格式可选 xlsx、pdf、csv，报表可选：{choices}',
    en: 'Must be "report:formats" separated by semicolons, formats among xlsx, pdf, csv, reports among: {choices}',
  },
  package_ok: {
    zh: '校验通过：{count} 个报表包，哈希链完整',
    en: 'Verified: {count} report packages, the hash chain is intact',
  },
  package_broken_zip_missing: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）的文件不在归档目录中',
    en: 'First broken link: package #{id} ({date} version {version}) — its file is missing from the archive',
  },
  package_broken_zip_hash: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）的压缩包已被改动（SHA-256 与归档时不符）',
    en: 'First broken link: package #{id} ({date} version {version}) — the zip was changed (its SHA-256 differs from the archived one)',
  },
  package_broken_zip_unreadable: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）的压缩包无法打开',
    en: 'First broken link: package #{id} ({date} version {version}) — the zip cannot be opened',
  },
  package_broken_manifest: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）的清单与归档记录不符',
    en: 'First broken link: package #{id} ({date} version {version}) — its manifest differs from the archived record',
  },
  package_broken_file_hash: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）中的文件 {file} 已被改动（SHA-256 与清单不符）',
    en: 'First broken link: package #{id} ({date} version {version}) — file {file} was changed (its SHA-256 differs from the manifest)',
  },
  package_broken_file_missing: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）缺少清单所列的文件 {file}',
    en: 'First broken link: package #{id} ({date} version {version}) — file {file} listed in the manifest is missing',
  },
  package_broken_file_extra: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）含有清单之外的文件 {file}',
    en: 'First broken link: package #{id} ({date} version {version}) — file {file} is not in the manifest',
  },
  package_broken_prev_hash: {
    zh: '第一处断链：报表包 #{id}（{date} 第 {version} 版）所记的上一报表包哈希与上一报表包不符',
    en: 'First broken link: package #{id} ({date} version {version}) — the previous package hash it carries does not match the previous package',
  },
  export_job_SERVER_RESTARTED: {
    zh: '服务重启，导出中断，请重新导出',
    en: 'The server restarted during the export; export again',
  },
  export_job_EXPORT_FAILED: {
    zh: '导出出错，请重新导出；如再次失败请联系系统管理员',
    en: 'The export failed; export again, and tell your administrator if it fails again',
  },
  export_job_not_cancellable: {
    zh: '该导出已结束，不能取消',
    en: 'This export has already ended and cannot be cancelled',
  },
  export_job_not_ready: {
    zh: '该导出尚未完成，完成后才能下载',
    en: 'This export has not finished yet; download it once it has',
  },
  export_jobs_not_configured: {
    zh: '本服务未配置导出目录，不能后台导出',
    en: 'No export directory is configured: background exports are off',
  },
  export_job_gone: {
    zh: '该导出的文件已过保留期被删除，请重新导出',
    en: "This export's file was removed after its retention period; export again",
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MsgKey = keyof typeof messages;
export type Params = Record<string, string | number>;

export function t(lang: Lang, key: MsgKey, params: Params = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
