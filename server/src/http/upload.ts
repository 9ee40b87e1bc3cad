import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import { badRequest } from './errors.js';

/** An uploaded file as the routes use it: a name safe to store and show, and its bytes. */
export interface Upload {
  name: string;
  bytes: Buffer;
  text: () => string;
}

/**
 * A file name as it may enter the database, the audit trail and a screen: no control or format
 * characters (NUL fails in PostgreSQL text — that was a 500 —, CR/LF would forge log lines,
 * bidi overrides and zero-width characters disguise an extension), no directories, at most 100
 * characters; nothing left → the fallback.
 */
export function safeFileName(name: string, fallback: string): string {
  const clean = name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/^.*[\\/]/, '')
    .trim()
    .slice(0, 100);
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/**
 * The one way a route reads an upload: multipart field `file`, or (where `raw` names the content
 * type) the request body itself, as the command-line imports send it. Over `maxBytes` → 400
 * file_too_large (checked on Content-Length before reading, and on the bytes read); no file → 400
 * file_required.
 */
export async function readUpload(
  c: Context<AppEnv>,
  opts: { maxBytes: number; fallbackName: string; raw?: string },
): Promise<Upload> {
  const tooLarge = () => badRequest({ file: { key: 'file_too_large', params: { mb: opts.maxBytes / 1024 / 1024 } } });
  if (Number(c.req.header('content-length') ?? 0) > opts.maxBytes) throw tooLarge();
  let name = opts.fallbackName;
  let bytes: Buffer;
  if (opts.raw && (c.req.header('content-type') ?? '').startsWith(opts.raw)) {
    bytes = Buffer.from(await c.req.arrayBuffer());
  } else {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file = (form as Record<string, unknown>).file;
    if (!(file instanceof File)) throw badRequest({ file: { key: 'file_required' } });
    if (file.size > opts.maxBytes) throw tooLarge();
    name = safeFileName(file.name, opts.fallbackName);
    bytes = Buffer.from(await file.arrayBuffer());
  }
  if (bytes.length > opts.maxBytes) throw tooLarge();
  return { name, bytes, text: () => bytes.toString('utf8') };
}
