import type { Db } from '../../db/connect.js';

/** Security and other policy numbers live in system_params so the IT admin can change them. */
export async function intParam(db: Db, key: string, fallback: number): Promise<number> {
  const row = await db.selectFrom('system_params').select('value').where('key', '=', key).executeTakeFirst();
  const n = row ? Number.parseInt(row.value, 10) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

export async function securityPolicy(db: Db) {
  const [idleMinutes, maxHours, maxFailures, lockMinutes, passwordMinLength] = await Promise.all([
    intParam(db, 'session_idle_minutes', 30),
    intParam(db, 'session_max_hours', 12),
    intParam(db, 'login_max_failures', 5),
    intParam(db, 'login_lock_minutes', 15),
    intParam(db, 'password_min_length', 8),
  ]);
  return { idleMinutes, maxHours, maxFailures, lockMinutes, passwordMinLength };
}
export type SecurityPolicy = Awaited<ReturnType<typeof securityPolicy>>;
