import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dutyConflict, dutiesOf } from './separation.calc.js';
import { ALL_PERMISSIONS } from './permission-catalog.js';
import { BUILT_IN_ROLES } from './built-in-roles.js';

describe('separation of duties (DOMAIN.md §8)', () => {
  it.each([
    [['operators.edit', 'fund_journal.create'], true],
    [['fee_schedules.approve', 'day_end_runs.run'], true],
    [['roles.create', 'orders.create'], true],
    [['backups.run', 'fund_journal.create'], true], // restoring a snapshot undoes postings
    [['operators.list', 'fund_journal.create'], false], // reading admin data is not an admin right
    [['operators.edit', 'fund_journal.list'], false], // reading money data is not a money right
    [['clients.create', 'fund_journal.create'], false], // counter work is not IT admin
    [['audit_log.list', 'approvals.approve', 'roles.edit'], false],
  ])('%j conflicts: %s', (perms, conflict) => expect(!!dutyConflict(perms as string[])).toBe(conflict));

  it('no built-in role conflicts with itself', () => {
    for (const role of BUILT_IN_ROLES) expect(dutyConflict(role.permissions), role.code).toBeNull();
  });

  it('the admin and clerk roles cannot be combined', () => {
    const perms = BUILT_IN_ROLES.filter((r) => r.code === 'admin' || r.code === 'clerk').flatMap((r) => r.permissions);
    expect(dutyConflict(perms)).not.toBeNull();
  });

  it('a set conflicts exactly when it holds an admin write and a money write', () => {
    fc.assert(
      fc.property(fc.subarray([...ALL_PERMISSIONS]), (perms) => {
        const { admin, money } = dutiesOf(perms);
        expect(!!dutyConflict(perms)).toBe(admin.length > 0 && money.length > 0);
        // adding reads never creates a conflict
        expect(!!dutyConflict([...perms.filter((p) => /\.(list|show|export)$/.test(p))])).toBe(false);
      }),
    );
  });
});
