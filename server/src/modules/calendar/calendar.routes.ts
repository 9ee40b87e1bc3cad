import { apiDate } from '../../http/dates.js';
import { route, router, z } from '../../http/route.js';
import { AppError, fieldError } from '../../http/errors.js';
import { nextTradingDayOf } from './calendar.service.js';

export const calendarRoutes = router().openapi(
  route('trading_calendar.list', {
    method: 'get',
    path: '/calendar/next_trading_day',
    tags: ['trading_calendar'],
    summary: '下一交易日 The next trading day after a date',
    request: { query: z.object({ market: z.string().min(1).max(8), date: apiDate }) },
  }),
  async (c) => {
    const { market, date } = c.req.valid('query');
    const known = await c
      .get('deps')
      .db.selectFrom('markets')
      .select('id')
      .where('code', '=', market)
      .executeTakeFirst();
    if (!known) throw fieldError('market', 'unknown_reference');
    const next = await nextTradingDayOf(c.get('deps').db, market, date);
    if (!next) throw new AppError(404, 'NOT_FOUND', 'calendar_exhausted');
    return c.json({ market, date, next_trading_day: next }, 200);
  },
);
