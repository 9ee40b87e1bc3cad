import { apiDate } from '../../http/dates.js';
import { route, router, jsonBody, z } from '../../http/route.js';
import { fieldError } from '../../http/errors.js';
import { decimalSchema } from '../../resources/field-schema.js';
import { feesForTrade } from './fees.service.js';

const preview = z.strictObject({
  date: apiDate,
  side: z.enum(['buy', 'sell']),
  price: decimalSchema({ scale: 3, min: '0.001', maxValue: '999999' }),
  quantity: z.number().int().min(1).max(100_000_000),
  /** a security (market + code) gives market, type and board; or give them directly */
  market: z.string().min(1).max(8),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  security_type: z.string().max(20).optional(),
  board: z.string().max(20).optional(),
  client_class: z.string().max(20).nullable().optional(),
  client_id: z.string().max(20).nullable().optional(),
  /** the schedule being edited, not yet saved: the live preview */
  draft: z
    .strictObject({
      id: z.number().int().positive().nullable().optional(),
      fee_item: z.string().max(20),
      scope: z.string().max(20),
      scope_value: z.string().max(20).default(''),
      side: z.string().max(10).default('both'),
      rate: decimalSchema({ scale: 8, min: '0', maxValue: '0.1' }),
      min_fee: decimalSchema({ scale: 2, min: '0', maxValue: '10000' }).default('0'),
      effective_from: apiDate,
      effective_to: apiDate.nullable().default(null),
    })
    .optional(),
});

export const feeRoutes = router().openapi(
  route('fee_schedules.show', {
    method: 'post',
    path: '/fee_schedules/preview',
    tags: ['fee_schedules'],
    summary: "费用试算 A sample trade's fees under the schedules in force (optionally with an unsaved draft)",
    request: jsonBody(preview),
  }),
  async (c) => {
    const body = c.req.valid('json');
    const { db } = c.get('deps');
    let security_type = body.security_type;
    let board = body.board;
    if (body.code) {
      const s = await db
        .selectFrom('securities')
        .select(['type', 'board'])
        .where('market', '=', body.market)
        .where('code', '=', body.code)
        .executeTakeFirst();
      if (!s) throw fieldError('code', 'unknown_reference');
      security_type = s.type;
      board = s.board;
    }
    if (!security_type) throw fieldError('security_type', 'unknown_reference');
    const draft = body.draft
      ? { ...body.draft, id: body.draft.id ?? -1, scope_value: body.draft.scope_value ?? '' }
      : undefined;
    // the draft was validated by the route's schema; its rate and dates are the Schedule's strings
    const fees = await feesForTrade(db, { ...body, security_type, board: board ?? 'main' }, draft as never);
    return c.json(fees, 200);
  },
);
