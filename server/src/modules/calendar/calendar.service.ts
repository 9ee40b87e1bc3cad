import type { Db } from '../../db/connect.js';
import { nextTradingDay } from './calendar.calc.js';

/** The next trading day of a market after `date`, from the trading_calendar parameter table. */
export async function nextTradingDayOf(db: Db, market: string, date: string): Promise<string | null> {
  const days = await db
    .selectFrom('trading_calendar')
    .select(['date', 'is_trading_day'])
    .where('market', '=', market)
    .where('date', '>', date)
    .where('is_trading_day', '=', true)
    .orderBy('date')
    .limit(1)
    .execute();
  return nextTradingDay(days, date);
}

export async function isTradingDay(db: Db, market: string, date: string): Promise<boolean> {
  const row = await db
    .selectFrom('trading_calendar')
    .select('is_trading_day')
    .where('market', '=', market)
    .where('date', '=', date)
    .executeTakeFirst();
  return row?.is_trading_day ?? false;
}
