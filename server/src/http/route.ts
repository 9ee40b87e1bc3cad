import { OpenAPIHono, createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { requirePermission, type Permission } from './access.js';
import { nulPath, zodFields } from './errors.js';
import { t } from './messages.js';

/**
 * A route is declared once: method, path, the permission it needs, its zod schemas. The same
 * declaration enforces the permission, validates the input, and documents the route in
 * /api/openapi.json (with `x-permission`, which the permission test walks).
 */
type RouteInput = Omit<RouteConfig, 'middleware' | 'responses'> & { responses?: RouteConfig['responses'] };

export function route<const R extends RouteInput>(permission: Permission, config: R) {
  const full = {
    responses: { 200: { description: 'OK' } },
    ...config,
    middleware: requirePermission(permission),
    'x-permission': permission,
  };
  return createRoute(full as R & { responses: RouteConfig['responses']; middleware: MiddlewareHandler<AppEnv> });
}

/** A sub-app whose validation failures take the one error shape, worded in the request's language. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const lang = c.get('lang');
        return c.json(
          {
            error: {
              code: 'VALIDATION_FAILED',
              message: t(lang, 'validation_failed'),
              fields: zodFields(result.error),
            },
            request_id: c.get('requestId') ?? '',
          },
          400,
        );
      }
      // valid by the schema, but PostgreSQL text cannot store U+0000: refuse it here, not with a 500
      const nul = nulPath(result.data);
      if (nul) {
        const lang = c.get('lang');
        return c.json(
          {
            error: {
              code: 'VALIDATION_FAILED',
              message: t(lang, 'validation_failed'),
              fields: { [nul]: t(lang, 'nul_char') },
            },
            request_id: c.get('requestId') ?? '',
          },
          400,
        );
      }
    },
  });
}

/** A row's `version` (an `integer` column): larger numbers would fail in the database. */
export const versionField = z.number().int().positive().max(2_147_483_647);

/** `{id}` in a path: a positive integer. */
export const idParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/)
    .openapi({ param: { name: 'id', in: 'path', required: true }, example: '1' }),
});

/** ra-data-simple-rest's list parameters, as strings of JSON. */
export const listParams = z.object({
  sort: z.string().max(200).optional().openapi({ example: '["id","ASC"]' }),
  range: z.string().max(100).optional().openapi({ example: '[0,24]' }),
  filter: z.string().max(20_000).optional().openapi({ example: '{}' }),
});

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export { z };
