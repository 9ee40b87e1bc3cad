import { registerApplier, registerDetachedApplier } from './approvals.service.js';
import { fundJournalApplier } from '../ledger/ledger.service.js';
import { rolesApplier } from '../roles/grants.service.js';
import { restoreApplier } from '../backups/backups.service.js';
import { RESOURCES, resourceApplier } from '../../resources/registry.js';

/**
 * Registers how every resource that needs 复核 applies an approved change. Nothing registers
 * itself when its module happens to be imported: createApp calls this, and so must anything else
 * that approves without the app (a command-line tool, a script). Calling it again is harmless:
 * each resource's applier is simply set again.
 */
export function registerAppliers(): void {
  registerApplier('fund_journal', fundJournalApplier);
  registerApplier('roles', rolesApplier);
  for (const def of RESOURCES) if (def.approval) registerApplier(def.name, resourceApplier(def));
  // a restore replaces the database the approval's transaction lives in: it applies detached
  registerDetachedApplier('backups', restoreApplier);
}
