import type { Applier } from '../modules/approvals/approvals.service.js';
import type { ResourceDef } from './define-resource.js';
import { checkValues, applyChange } from './crud.service.js';
import { applyImport } from './import.service.js';
import { AppError, notFound } from '../http/errors.js';
import { findRow } from './crud.repository.js';
import { branches } from './branches.resource.js';
import { markets } from './markets.resource.js';
import { seats } from './seats.resource.js';
import { banks } from './banks.resource.js';
import { securities } from './securities.resource.js';
import { fee_schedules } from './fee-schedules.resource.js';
import { trading_calendar } from './trading-calendar.resource.js';
import { system_params } from './system-params.resource.js';
import { dictionary } from './dictionary.resource.js';
import { client_managers } from './client-managers.resource.js';
import { market_totals } from './market-totals.resource.js';
import { closing_prices } from './closing-prices.resource.js';

/** Every declared resource. Adding a parameter table = a migration + a definition file + one line here. */
export const RESOURCES: readonly ResourceDef[] = [
  branches,
  markets,
  seats,
  banks,
  securities,
  fee_schedules,
  trading_calendar,
  system_params,
  dictionary,
  client_managers,
  market_totals,
  closing_prices,
];

export const resourceByName = new Map(RESOURCES.map((d) => [d.name, d]));

/**
 * How an approved change to a declared resource is applied: as the checker, after the rules are
 * checked again (the world may have moved between submission and approval). Registered, for each
 * resource that needs 复核, in approvals/appliers.ts.
 */
export function resourceApplier(def: ResourceDef): Applier {
  return async (db, checker, a) => {
    const detail = ` (approval #${a.id})`;
    if (a.operation === 'import') {
      await applyImport(db, def, checker, Number(a.payload.batch_id), detail);
      return null;
    }
    const id = a.record_id === null ? null : Number(a.record_id);
    if (a.operation === 'create') {
      await checkValues(db, def, null, a.payload);
      return String((await applyChange(db, def, checker, 'create', null, a.payload, `approval #${a.id}`)).id);
    }
    const current = await findRow(db, def, null, id!);
    if (!current) throw notFound();
    if (a.operation === 'update') {
      await checkValues(db, def, null, { ...current, ...a.payload }, current);
      await applyChange(db, def, checker, 'update', id, a.payload, `approval #${a.id}`);
    } else if (a.operation === 'delete') {
      if (current.version !== a.payload.version) throw new AppError(409, 'CONFLICT', 'stale');
      await applyChange(db, def, checker, 'delete', id, {}, `approval #${a.id}`);
    }
    return String(id);
  };
}
