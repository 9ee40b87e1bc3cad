import { catalogEntry } from './permission-catalog.js';

/** Actions that change IT-admin configuration (operators, rights, parameters), or the whole
 * database (`backups.run` restores a snapshot, undoing every posting since). */
const ADMIN_WRITE = new Set(['create', 'edit', 'delete', 'approve', 'run']);
/** Actions that move money or securities, or clear and settle them. */
const MONEY_WRITE = new Set(['create', 'edit', 'delete', 'approve', 'run']);

export interface DutySplit {
  admin: string[];
  money: string[];
}

/** Splits a permission set into its IT-admin write rights and its money rights. */
export function dutiesOf(permissions: Iterable<string>): DutySplit {
  const admin: string[] = [];
  const money: string[] = [];
  for (const p of permissions) {
    const [resource, action = ''] = p.split('.');
    const category = resource ? catalogEntry(resource)?.category : undefined;
    if (category === 'admin' && ADMIN_WRITE.has(action)) admin.push(p);
    if (category === 'money' && MONEY_WRITE.has(action)) money.push(p);
  }
  return { admin: admin.sort(), money: money.sort() };
}

/**
 * Separation of duties (DOMAIN.md §8: "IT-admin roles do not clear or post money"): one set of
 * rights — a role's, or the union of an operator's roles — must not hold both IT-admin write
 * rights and money rights. Returns the conflict, or null when the set is clean.
 */
export function dutyConflict(permissions: Iterable<string>): DutySplit | null {
  const split = dutiesOf(permissions);
  return split.admin.length && split.money.length ? split : null;
}
