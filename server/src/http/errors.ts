import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { t, type MsgKey, type Params } from './messages.js';
import type { Lang } from './lang.js';

/** A field message is either worded already (zod did it in the request's language) or a key. */
export type FieldMsg = string | { key: MsgKey; params?: Params };

/** The one error type services throw; the error handler turns it into the one error shape:
 * `{ error: { code, message, fields? }, request_id }`. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423,
    readonly code: string,
    readonly key: MsgKey,
    readonly params: Params = {},
    readonly fields?: Record<string, FieldMsg>,
  ) {
    super(key);
  }
}

export const badRequest = (fields: Record<string, FieldMsg>, key: MsgKey = 'validation_failed', params?: Params) =>
  new AppError(400, 'VALIDATION_FAILED', key, params, fields);
export const fieldError = (field: string, key: MsgKey, params?: Params) =>
  badRequest({ [field]: { key, params } }, 'validation_failed');
export const notFound = () => new AppError(404, 'NOT_FOUND', 'not_found');
export const forbidden = () => new AppError(403, 'FORBIDDEN', 'forbidden');
export const unauthenticated = (key: MsgKey = 'unauthenticated') => new AppError(401, 'UNAUTHENTICATED', key);
export const stale = () => new AppError(409, 'CONFLICT', 'stale');

export function zodFields(err: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) {
    const path = issue.path.length
      ? issue.path.join('.')
      : issue.code === 'unrecognized_keys'
        ? (issue as { keys: string[] }).keys.join(',')
        : '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

/** True when `err` is PostgreSQL's unique violation (23505) on `constraint`: two requests raced
 * past a "does it exist already?" check. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown } | null;
  return !!e && e.code === '23505' && (e.constraint === constraint || String(e.message).includes(`"${constraint}"`));
}

/**
 * PostgreSQL text cannot hold U+0000: a string with one fails in the database (a 500). Returns
 * the dotted path of the first string (or object key) in `value` that holds one, else null.
 */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nulPath(value[i], [...path, String(i)]);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return [...path, k.replaceAll('\u0000', '')].join('.') || '_';
      const p = nulPath(v, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

export function errorBody(c: Context, lang: Lang, err: unknown) {
  const request_id = (c.get('requestId') as string | undefined) ?? '';
  if (err instanceof AppError) {
    const fields = err.fields
      ? Object.fromEntries(
          Object.entries(err.fields).map(([k, v]) => [k, typeof v === 'string' ? v : t(lang, v.key, v.params)]),
        )
      : undefined;
    return {
      status: err.status,
      body: {
        error: { code: err.code, message: t(lang, err.key, err.params), ...(fields ? { fields } : {}) },
        request_id,
      },
    };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      body: {
        error: { code: 'VALIDATION_FAILED', message: t(lang, 'validation_failed'), fields: zodFields(err) },
        request_id,
      },
    };
  }
  if (err instanceof HTTPException && err.status === 400) {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION_FAILED', message: t(lang, 'malformed_json') }, request_id },
    };
  }
  if (err instanceof HTTPException && err.status === 415) {
    return {
      status: 415,
      body: { error: { code: 'VALIDATION_FAILED', message: t(lang, 'json_required') }, request_id },
    };
  }
  if (err instanceof HTTPException && err.status < 500) {
    return { status: err.status, body: { error: { code: `HTTP_${err.status}`, message: err.message }, request_id } };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: t(lang, 'internal', { request_id }) }, request_id },
  };
}
