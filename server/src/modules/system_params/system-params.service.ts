import type { Db } from '../../db/connect.js';

/** Security and other policy numbers live in system_params so the IT admin can change them. */
export async function intParam(db: Db, key: string, fallback: number): Promise<number> {
  const row = await db.selectFrom('system_params').select('value').where('key', '=', key).executeTakeFirst();
  const n = row ? Number.parseInt(row.value, 10) : NaN;
  return Number.isFinite(n) ? n : fallback;
}

/** A decimal parameter as a decimal string (never a float), or `fallback` when missing or not a number. */
export async function decimalParam(db: Db, key: string, fallback: string): Promise<string> {
  const row = await db.selectFrom('system_params').select('value').where('key', '=', key).executeTakeFirst();
  return row && /^\d+(\.\d+)?$/.test(row.value.trim()) ? row.value.trim() : fallback;
}

/**
 * 柜台确认: the amounts above which the counter asks the operator to confirm a cash posting or an
 * order (with the amount in Chinese capitals) before sending it. The confirmation is the admin's;
 * the server only says where the line lies.
 */
export const confirmAbove = (db: Db, what: 'cash' | 'order') =>
  decimalParam(
    db,
    what === 'cash' ? 'confirm_cash_above' : 'confirm_order_above',
    what === 'cash' ? '50000' : '100000',
  );

/** The security policy's parameters and their defaults (when missing or not a number). */
const POLICY_DEFAULTS = {
  session_idle_minutes: 30,
  session_max_hours: 12,
  login_max_failures: 5,
  login_lock_minutes: 15,
  password_min_length: 8,
} as const;

/** The system_params keys `securityPolicy` reads (the session middleware selects them in its one query). */
export const POLICY_KEYS = Object.keys(POLICY_DEFAULTS) as (keyof typeof POLICY_DEFAULTS)[];

/** The policy from its system_params rows: a missing or non-numeric value takes its default. */
export function policyFrom(rows: { key: string; value: string }[]) {
  const int = (key: keyof typeof POLICY_DEFAULTS) => {
    const row = rows.find((r) => r.key === key);
    const n = row ? Number.parseInt(row.value, 10) : NaN;
    return Number.isFinite(n) ? n : POLICY_DEFAULTS[key];
  };
  return {
    idleMinutes: int('session_idle_minutes'),
    maxHours: int('session_max_hours'),
    maxFailures: int('login_max_failures'),
    lockMinutes: int('login_lock_minutes'),
    passwordMinLength: int('password_min_length'),
  };
}

export async function securityPolicy(db: Db) {
  return policyFrom(
    await db.selectFrom('system_params').select(['key', 'value']).where('key', 'in', POLICY_KEYS).execute(),
  );
}
export type SecurityPolicy = Awaited<ReturnType<typeof securityPolicy>>;
