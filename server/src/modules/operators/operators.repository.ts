import { sql } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { ListQuery } from '../../http/list-query.js';
import { likePattern } from '../../http/list-query.js';

/** Columns that may leave the server: never the password hash. */
const PUBLIC_COLUMNS = [
  'o.id',
  'o.username',
  'o.name',
  'o.branch_id',
  'o.status',
  'o.phone',
  'o.must_change_password',
  'o.failed_logins',
  'o.locked_until',
  'o.last_login_at',
  'o.version',
  'o.created_at',
  'o.updated_at',
] as const;

export interface OperatorFilter {
  id?: number | number[];
  q?: string;
  branch_id?: number;
  status?: 'active' | 'disabled';
  role_id?: number;
}

/** The operators an operator may see, with the list's filters: the list and its export (operators.export.ts) share it. */
export function operatorsQuery(db: Db, scope: number | null, f: OperatorFilter) {
  let q = db.selectFrom('operators as o');
  if (scope !== null) q = q.where('o.branch_id', '=', scope);
  if (f.id !== undefined) q = q.where('o.id', 'in', Array.isArray(f.id) ? (f.id.length ? f.id : [0]) : [f.id]);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('o.username', 'ilike', likePattern(f.q!)), eb('o.name', 'ilike', likePattern(f.q!))]),
    );
  if (f.branch_id !== undefined) q = q.where('o.branch_id', '=', f.branch_id);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.role_id !== undefined) {
    const roleId = f.role_id;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('operator_roles as r')
          .select('r.role_id')
          .whereRef('r.operator_id', '=', 'o.id')
          .where('r.role_id', '=', roleId),
      ),
    );
  }
  return q;
}

async function withRoleIds<T extends { id: number }>(db: Db, rows: T[]) {
  if (!rows.length) return [] as (T & { role_ids: number[] })[];
  const links = await db
    .selectFrom('operator_roles')
    .select(['operator_id', 'role_id'])
    .where(
      'operator_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('role_id')
    .execute();
  return rows.map((r) => ({ ...r, role_ids: links.filter((l) => l.operator_id === r.id).map((l) => l.role_id) }));
}

export async function listOperators(db: Db, scope: number | null, list: ListQuery<OperatorFilter>) {
  const base = operatorsQuery(db, scope, list.filter);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(PUBLIC_COLUMNS)
    .orderBy(sql.ref(`o.${list.sort.field}`), list.sort.order)
    .orderBy('o.id', list.sort.order)
    .offset(list.offset)
    .limit(list.limit)
    .execute();
  return { total: Number(n), rows: await withRoleIds(db, rows) };
}

/** One operator within the caller's branch scope, or undefined (→ 404). */
export async function findOperator(db: Db, scope: number | null, id: number) {
  const row = await operatorsQuery(db, scope, { id }).select(PUBLIC_COLUMNS).executeTakeFirst();
  return row ? (await withRoleIds(db, [row]))[0] : undefined;
}

export type OperatorRecord = NonNullable<Awaited<ReturnType<typeof findOperator>>>;
