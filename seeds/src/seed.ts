import type { Db } from '../../server/src/db/connect.js';
import { hashPassword } from '../../server/src/modules/auth/password.js';
import { syncBuiltInRoles } from './built-in-roles.seed.js';
import { BRANCH_DETAILS, DEMO_BRANCH, DEMO_OPERATORS, HEAD_OFFICE } from './demo-branch.js';
import { seedParameters } from './parameters.seed.js';
import { inTransaction } from '../../server/src/db/transaction.js';
import { LAST_CALENDAR_YEAR } from './data/calendar.data.js';

export interface SeedOptions {
  /** the demo operators' password on first run */
  demoPassword: string;
  /** the business date the demo starts on */
  businessDate: string;
}

/** True once the demo branch exists: a second start keeps the data and does not re-seed. */
export async function isSeeded(db: Db): Promise<boolean> {
  return !!(await db.selectFrom('branches').select('id').limit(1).executeTakeFirst());
}

/** Creates the head office, the demo branch and one operator per built-in role. */
export async function seed(db: Db, opts: SeedOptions) {
  const roleIds = await syncBuiltInRoles(db);
  const password_hash = await hashPassword(opts.demoPassword);
  await inTransaction(db, async (trx) => {
    const branchIds: Record<string, number> = {};
    for (const [key, b] of [
      ['head_office', HEAD_OFFICE],
      ['branch', DEMO_BRANCH],
    ] as const) {
      const row = await trx
        .insertInto('branches')
        .values({ ...b, ...BRANCH_DETAILS[key] })
        .returning('id')
        .executeTakeFirstOrThrow();
      branchIds[key] = row.id;
    }
    for (const op of DEMO_OPERATORS) {
      const row = await trx
        .insertInto('operators')
        .values({ username: op.username, name: op.name, branch_id: branchIds[op.branch]!, password_hash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('operator_roles')
        .values({ operator_id: row.id, role_id: roleIds.get(op.role)! })
        .execute();
    }
    // the calendar from the first business date's year through the last year with a holiday list
    const year = Number(opts.businessDate.slice(0, 4));
    const years = Array.from({ length: Math.max(2, LAST_CALENDAR_YEAR - year + 1) }, (_, i) => year + i);
    await seedParameters(trx, {
      branchId: branchIds.branch!,
      headOfficeId: branchIds.head_office!,
      businessDate: opts.businessDate,
      years,
    });
  });
}
