import type { Db } from '../../db/connect.js';
import { computeFees, resolveSchedules, type Schedule, type TradeFacts } from './fees.calc.js';

/** Schedules in force on a date (the rules then pick per item and scope). */
export async function schedulesInForce(db: Db, date: string): Promise<Schedule[]> {
  const rows = await db
    .selectFrom('fee_schedules')
    .select(['id', 'fee_item', 'scope', 'scope_value', 'side', 'rate', 'min_fee', 'effective_from', 'effective_to'])
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]))
    .execute();
  return rows;
}

/**
 * The fees of one trade with the schedules in force on its date — the same function the order
 * screen's estimate, the fee preview and clearing use. `draft` overlays an unsaved schedule
 * (the edit screen's live preview) in place of the one it would replace.
 */
export async function feesForTrade(db: Db, trade: TradeFacts & { price: string; quantity: number }, draft?: Schedule) {
  let schedules = await schedulesInForce(db, trade.date);
  // the draft first: at equal specificity the first schedule found wins, and the draft is what
  // the user is looking at (a new one that would overlap the saved one, say)
  if (draft) schedules = [draft, ...schedules.filter((s) => s.id !== draft.id)];
  const picked = resolveSchedules(schedules, trade);
  const fees = computeFees(trade, picked);
  const sources = Object.fromEntries(
    Object.entries(picked).map(([item, s]) => [
      item,
      { id: s!.id, scope: s!.scope, scope_value: s!.scope_value, rate: s!.rate, min_fee: s!.min_fee },
    ]),
  );
  return { ...fees, sources };
}
