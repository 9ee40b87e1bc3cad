import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Table types for Kysely: a column added by a migration in sql/ is added here too. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface BranchesTable {
  id: Generated<number>;
  code: string;
  name: string;
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
  key: string;
  value: string;
  type: 'integer' | 'decimal' | 'date' | 'text' | 'boolean' | 'date_list';
  category: Generated<string>;
  name_zh: string;
  name_en: string;
  read_only: Generated<boolean>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface Database {
  branches: BranchesTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  operators: OperatorsTable;
  operator_roles: OperatorRolesTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  system_params: SystemParamsTable;
}

export type Operator = Selectable<OperatorsTable>;
export type Role = Selectable<RolesTable>;
export type Branch = Selectable<BranchesTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
