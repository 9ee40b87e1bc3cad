import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context.js';
import { AppError, badRequest } from './errors.js';

/** A JSON body's bounds: no form of the console sends more than a few kilobytes or 5 levels. */
export const JSON_MAX_BYTES = 1024 * 1024;
export const JSON_MAX_DEPTH = 32;
/** Any body (an upload): the largest import route allows 20 MB; multipart adds a little. */
export const BODY_MAX_BYTES = 21 * 1024 * 1024;

/** How deep the arrays and objects of a JSON text nest, read without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) max = Math.max(max, ++depth);
    else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

const tooLarge = (mb: number) => new AppError(413, 'BODY_TOO_LARGE', 'body_too_large', { mb });

/**
 * The bounded body parser, before any route: a body over BODY_MAX_BYTES (JSON over
 * JSON_MAX_BYTES) is a 413 before it is read to the end, and JSON nested deeper than
 * JSON_MAX_DEPTH is a 400 before anything parses or walks it — a 100,000-level body used to
 * overflow the stack of the code that walks validated data (a 500).
 */
export const boundedBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const json = (c.req.header('content-type') ?? '').toLowerCase().includes('json');
  const max = json ? JSON_MAX_BYTES : BODY_MAX_BYTES;
  return bodyLimit({
    maxSize: max,
    onError: () => {
      throw tooLarge(max / 1024 / 1024);
    },
  })(c, async () => {
    if (json) {
      const text = await c.req.text();
      if (jsonDepth(text) > JSON_MAX_DEPTH)
        throw badRequest({ _: { key: 'json_too_deep', params: { depth: JSON_MAX_DEPTH } } });
    }
    await next();
  });
};
