import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types for Kysely: a column added by a migration in sql/ is added here too. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface BranchesTable {
  id: Generated<number>;
  code: string;
  name: string;
  address: Generated<string>;
  phone: Generated<string>;
  opened_on: string | null;
  is_head_office: Generated<boolean>;
  status: Generated<'active' | 'closed'>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RolesTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: Generated<string>;
  branch_id: number | null;
  built_in: Generated<boolean>;
  all_branches: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RolePermissionsTable {
  role_id: number;
  resource: string;
  action: string;
}

export interface OperatorsTable {
  id: Generated<number>;
  username: string;
  name: string;
  branch_id: number;
  status: Generated<'active' | 'disabled'>;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: NullableTimestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  phone: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OperatorRolesTable {
  operator_id: number;
  role_id: number;
}

export interface SessionsTable {
  token_hash: string;
  operator_id: number;
  csrf_token: string;
  ip: Generated<string>;
  user_agent: Generated<string>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: NullableTimestamp;
  end_reason: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  operator_id: number | null;
  username: Generated<string>;
  branch_id: number | null;
  ip: Generated<string>;
  action: string;
  resource: Generated<string>;
  record_id: string | null;
  before: Json;
  after: Json;
  detail: Generated<string>;
  request_id: Generated<string>;
}

export interface SystemParamsTable {
  id: Generated<number>;
  key: string;
  value: string;
  type: 'integer' | 'decimal' | 'date' | 'text' | 'boolean' | 'date_list';
  category: Generated<string>;
  name_zh: string;
  name_en: string;
  description: Generated<string>;
  read_only: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

type Jsonb = ColumnType<any, string | null, string | null>;

export interface DictionaryTable {
  id: Generated<number>;
  category: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SecuritiesTable {
  id: Generated<number>;
  market: string;
  code: string;
  name: string;
  type: string;
  board: string;
  industry: Generated<string>;
  lot_size: number;
  tick: string;
  price_limit_pct: string;
  st: Generated<boolean>;
  prev_close: string;
  status: Generated<string>;
  listed_on: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SecurityCodeChangesTable {
  id: Generated<number>;
  security_id: number;
  market: string;
  old_code: string;
  new_code: string;
  old_name: string;
  new_name: string;
  effective_on: string;
  operator_id: number | null;
  created_at: Timestamp;
}

export interface FeeSchedulesTable {
  id: Generated<number>;
  fee_item: string;
  scope: string;
  scope_value: Generated<string>;
  side: Generated<string>;
  rate: string;
  min_fee: Generated<string>;
  effective_from: string;
  effective_to: string | null;
  note: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TradingCalendarTable {
  id: Generated<number>;
  market: string;
  date: string;
  is_trading_day: boolean;
  note: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 市场成交总额: a market's turnover on a trading day, the denominator of market share. */
export interface MarketTotalsTable {
  id: Generated<number>;
  business_date: string;
  market: string;
  turnover: string;
  note: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ApprovalsTable {
  id: Generated<number>;
  resource: string;
  record_id: string | null;
  operation: string;
  payload: Jsonb;
  before: Jsonb;
  summary: Generated<string>;
  status: Generated<string>;
  maker_id: number;
  branch_id: number | null;
  checker_id: number | null;
  decided_at: NullableTimestamp;
  comment: Generated<string>;
  result_id: string | null;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  resource: string;
  operator_id: number;
  branch_id: number | null;
  file_name: Generated<string>;
  plan: Jsonb;
  summary: Jsonb;
  status: Generated<string>;
  created_at: Timestamp;
  applied_at: NullableTimestamp;
}

/** Columns every parameter table has. */
interface ParameterRow {
  id: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MarketsTable extends ParameterRow {
  code: string;
  name_zh: string;
  name_en: string;
  exchange: string;
  currency: string;
  trading_hours: string;
  call_auction: Generated<string>;
  settlement_cycle: string;
  status: Generated<string>;
}

export interface SeatsTable extends ParameterRow {
  market: string;
  seat_no: string;
  name: string;
  type: string;
  status: Generated<string>;
  branch_id: number;
}

export interface BanksTable extends ParameterRow {
  code: string;
  name_zh: string;
  name_en: string;
  transfer_start: string;
  transfer_end: string;
  settlement_account: string;
  status: Generated<string>;
}

export interface ClientManagersTable extends ParameterRow {
  code: string;
  name: string;
  phone: Generated<string>;
  branch_id: number;
  operator_id: number | null;
  status: Generated<string>;
  hired_on: string | null;
}

export interface ClientsTable extends ParameterRow {
  client_no: string;
  name: string;
  id_number: string;
  gender: string;
  birth_date: string;
  phone: Generated<string>;
  address: Generated<string>;
  client_class: Generated<string>;
  client_manager_id: number | null;
  allow_counter: Generated<boolean>;
  allow_phone: Generated<boolean>;
  allow_online: Generated<boolean>;
  status: Generated<string>;
  agent_name: Generated<string>;
  agent_id_number: Generated<string>;
  agent_phone: Generated<string>;
  branch_id: number;
  opened_on: string;
  closed_on: string | null;
}

export interface FundAccountsTable extends ParameterRow {
  account_no: string;
  client_id: number;
  currency: Generated<string>;
  balance: Generated<string>;
  frozen: Generated<string>;
  unwithdrawable: Generated<string>;
  credit_line: Generated<string>;
  interest_base: Generated<string>;
  /** interest_base counts the closings through this day; later ones are at the present balance */
  interest_accrued_to: string | null;
  /** the open day's starting point (yesterday's closing), for the day's invariant check */
  opening_balance: Generated<string>;
  opening_frozen: Generated<string>;
  status: Generated<string>;
  branch_id: number;
  opened_on: string;
}

export interface FundJournalTable {
  id: Generated<number>;
  business_date: string;
  account_id: number;
  type: string;
  amount: string;
  frozen_delta: Generated<string>;
  balance_after: string;
  frozen_after: string;
  freeze_kind: string | null;
  reference: Generated<string>;
  bank_code: string | null;
  reverses_id: number | null;
  operator_id: number | null;
  branch_id: number;
  created_at: Timestamp;
}

export interface ShareholderAccountsTable extends ParameterRow {
  client_id: number;
  market: string;
  code: string;
  status: Generated<string>;
  branch_id: number;
  opened_on: string;
}

export interface IdempotencyKeysTable {
  key: string;
  operator_id: number;
  request_hash: string;
  response: Jsonb;
  status: number;
  created_at: Timestamp;
}

export interface OrdersTable {
  id: Generated<number>;
  order_no: string;
  business_date: string;
  client_id: number;
  fund_account_id: number;
  shareholder_account_id: number;
  security_id: number;
  market: string;
  code: string;
  side: 'buy' | 'sell';
  price: string;
  quantity: number;
  filled_quantity: Generated<number>;
  filled_amount: Generated<string>;
  frozen_cash: Generated<string>;
  status: string;
  channel: string;
  seat_no: string;
  operator_id: number | null;
  branch_id: number;
  created_at: Timestamp;
  cancelled_at: NullableTimestamp;
  version: Generated<number>;
}

export interface TradesTable {
  id: Generated<number>;
  market: string;
  trade_no: string;
  business_date: string;
  order_id: number;
  client_id: number;
  security_id: number;
  code: string;
  side: 'buy' | 'sell';
  quantity: number;
  price: string;
  amount: string;
  commission: string;
  stamp_duty: string;
  transfer_fee: string;
  handling_fee: string;
  regulatory_fee: string;
  net_amount: string;
  seat_no: string;
  shareholder_code: string;
  source: Generated<string>;
  branch_id: number;
  created_at: Timestamp;
}

export interface PositionsTable {
  id: Generated<number>;
  client_id: number;
  shareholder_account_id: number;
  security_id: number;
  quantity: Generated<number>;
  frozen: Generated<number>;
  today_bought: Generated<number>;
  cost: Generated<string>;
  opening_quantity: Generated<number>;
  opening_frozen: Generated<number>;
  branch_id: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** Database snapshots (清算前/后备份, manual): the index of the files in the backup directory. */
export interface BackupsTable {
  id: Generated<number>;
  kind: 'before_clearing' | 'after_clearing' | 'manual';
  business_date: string;
  run_id: number | null;
  engine: 'pglite' | 'postgres';
  file: string;
  bytes: number;
  sha256: string;
  schema_version: string;
  created_by: number | null;
  created_at: Timestamp;
  note: Generated<string>;
}

export interface Database {
  idempotency_keys: IdempotencyKeysTable;
  orders: OrdersTable;
  trades: TradesTable;
  positions: PositionsTable;
  shareholder_accounts: ShareholderAccountsTable;
  clients: ClientsTable;
  fund_accounts: FundAccountsTable;
  fund_journal: FundJournalTable;
  /** closed days' entries (moved there by day-end) and the view over both */
  fund_journal_history: FundJournalTable;
  fund_journal_all: FundJournalTable;
  markets: MarketsTable;
  seats: SeatsTable;
  banks: BanksTable;
  client_managers: ClientManagersTable;
  dictionary: DictionaryTable;
  securities: SecuritiesTable;
  security_code_changes: SecurityCodeChangesTable;
  fee_schedules: FeeSchedulesTable;
  trading_calendar: TradingCalendarTable;
  market_totals: MarketTotalsTable;
  approvals: ApprovalsTable;
  import_batches: ImportBatchesTable;
  branches: BranchesTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  operators: OperatorsTable;
  operator_roles: OperatorRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  system_params: SystemParamsTable;
  backups: BackupsTable;
}

export type Operator = Selectable<OperatorsTable>;
export type Role = Selectable<RolesTable>;
export type Branch = Selectable<BranchesTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
