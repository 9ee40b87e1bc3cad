import type { Db } from '../../server/src/db/connect.js';
import { BUILT_IN_ROLES } from '../../server/src/modules/roles/built-in-roles.js';
import { setPermissions } from '../../server/src/modules/roles/roles.repository.js';
import { inTransaction } from '../../server/src/db/transaction.js';

/** Makes the database's built-in roles match the product's definition (run at every start). */
export async function syncBuiltInRoles(db: Db): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await inTransaction(db, async (trx) => {
    for (const role of BUILT_IN_ROLES) {
      const row = await trx
        .insertInto('roles')
        .values({
          code: role.code,
          name: role.name,
          description: role.description,
          all_branches: role.all_branches,
          built_in: true,
          branch_id: null,
        })
        .onConflict((oc) =>
          oc.column('code').doUpdateSet({
            name: role.name,
            description: role.description,
            all_branches: role.all_branches,
            built_in: true,
          }),
        )
        .returning('id')
        .executeTakeFirstOrThrow();
      await setPermissions(trx, row.id, role.permissions);
      ids.set(role.code, row.id);
    }
  });
  return ids;
}
