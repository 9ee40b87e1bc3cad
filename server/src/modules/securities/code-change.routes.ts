import { apiDate } from '../../http/dates.js';
import { route, router, idParams, jsonBody, z } from '../../http/route.js';
import { actorOf } from '../audit/audit.service.js';
import { changeSecurityCode } from './code-change.service.js';

const body = z.strictObject({
  new_code: z.string().regex(/^\d{6}$/),
  new_name: z.string().trim().min(1).max(20),
  effective_on: apiDate,
});

/** 代码更换: the security keeps its id (so holdings and trades follow it) and the old code is recorded. */
export const codeChangeRoutes = router().openapi(
  route('securities.edit', {
    method: 'post',
    path: '/securities/{id}/change_code',
    tags: ['securities'],
    summary: "代码更换 Change a security's code (the old code stays on record)",
    request: { params: idParams, ...jsonBody(body) },
  }),
  async (c) =>
    c.json(
      await changeSecurityCode(c.get('deps').db, actorOf(c), Number(c.req.valid('param').id), c.req.valid('json')),
      200,
    ),
);
