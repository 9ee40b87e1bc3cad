import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z as zod } from 'zod';
import { describeFilter } from '../../../../reports/src/filter-words.js';
import type { ListExport } from '../../../../reports/src/run.js';
import { type AppEnv, branchScope } from '../../http/context.js';
import { type ListSpec, parseListQuery } from '../../http/list-query.js';
import { listParams, route, z } from '../../http/route.js';
import { sendListExport } from './reports.routes.js';

/** The query of a list's export: the list's own `filter` (and `sort`), the format, CSV's encoding. */
export const exportParams = listParams.extend({
  format: z.enum(['xlsx', 'csv']).optional().openapi({ description: 'xlsx (default) or csv' }),
  encoding: z.enum(['utf8', 'gbk']).optional().openapi({ description: 'CSV only: UTF-8 with a BOM (default) or GBK' }),
});

/** `GET /<resource>/export`, documented with the right it needs (`<resource>.export`). */
export function listExportRoute(exp: Pick<ListExport, 'resource' | 'title'>) {
  return route(`${exp.resource}.export`, {
    method: 'get',
    path: `/${exp.resource}/export`,
    tags: [exp.resource],
    summary: `${exp.title.zh} ${exp.title.en}: every row the list's filter selects, as .xlsx or CSV (the report renderer: header block, 序号, names instead of ids)`,
    request: { query: exportParams },
  });
}

/** Reads the format and encoding of an export request. */
export function exportFormat(query: Record<string, string | undefined>) {
  const format = query.format === 'csv' ? ('csv' as const) : ('xlsx' as const);
  return { format, gbk: format === 'csv' && query.encoding === 'gbk' };
}

/**
 * Streams a list's export: the filter (and sort) are parsed with the list's own spec, so the file
 * holds exactly the rows the list shows, every one of them, and the filter is worded for the
 * header. `exp` may depend on the list's sort (a declared resource's export follows it).
 */
export async function sendListFile<F extends zod.ZodRawShape>(
  c: Context<AppEnv>,
  spec: ListSpec<F>,
  exp: ListExport | ((sort: { field: string; order: 'asc' | 'desc' }) => ListExport),
) {
  const query = c.req.query();
  const list = parseListQuery({ filter: query.filter, sort: query.sort }, spec);
  const filter = list.filter as Record<string, unknown>;
  const e = typeof exp === 'function' ? exp(list.sort) : exp;
  const words = await describeFilter(c.get('deps').db, filter, e.filters, {
    lang: c.get('lang'),
    scope: branchScope(c.get('me')!),
  });
  const { format, gbk } = exportFormat(query);
  return sendListExport(c, e, filter, words, format, gbk);
}

/**
 * Mounts the export of each list on a module's router. Call it before the router's `/{id}` routes
 * (Hono matches in order: `/orders/{id}` would take `/orders/export`). A filter of the list
 * without words for the header is a mistake found when the module loads.
 */
export function withListExports(r: OpenAPIHono<AppEnv>, exports: [ListExport, ListSpec<zod.ZodRawShape>][]) {
  for (const [exp, spec] of exports) {
    const unworded = Object.keys(spec.filters).filter((k) => !exp.filters[k]);
    if (unworded.length) throw new Error(`${exp.resource} export: no words for filter ${unworded.join(', ')}`);
    r.openapi(listExportRoute(exp), (c) => sendListFile(c, spec, exp));
  }
  return r;
}
