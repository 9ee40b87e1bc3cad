import { asText } from './corpus.js';

/** One hostile request: which route and field it attacks, and the request itself. */
export interface Case {
  route: string;
  field: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

interface Operation {
  parameters?: { name: string; in: 'query' | 'path' | 'header' }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}
export type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** Percent-encoding, with a lone surrogate sent as the invalid UTF-8 it would be (%ED%A0%80). */
const encode = (s: string) =>
  s
    .split(/(\p{Cs})/u) // \p{Cs} with the u flag matches only a surrogate without its pair
    .map((x, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(x)))
    .join('');

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encode(params[name] ?? '1'));

/** Whole bodies no client should send: broken JSON, wrong shapes, wrong types, too deep, too big. */
const BAD_BODIES: [string, string, string | undefined][] = [
  ['malformed JSON', '{"a":', 'application/json'],
  ['JSON with a trailing comma', '{"a":1,}', 'application/json'],
  ['a NUL byte', '\u0000', 'application/json'],
  ['top-level null', 'null', 'application/json'],
  ['top-level array', '[]', 'application/json'],
  ['top-level string', '"x"', 'application/json'],
  ['top-level number', '1e999', 'application/json'],
  ['empty body', '', 'application/json'],
  ['1,000 levels deep', `${'['.repeat(1000)}${']'.repeat(1000)}`, 'application/json'],
  ['2 MB', JSON.stringify({ a: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'],
  ['JSON sent as text/plain', '{}', 'text/plain'],
  ['JSON sent as a form', 'a=1', 'application/x-www-form-urlencoded'],
  ['no content type', '{}', undefined],
  ['duplicate keys', '{"id":1,"id":"x"}', 'application/json'],
  ['a prototype key', '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', 'application/json'],
];

/**
 * Every route of the API's own description × every path, query and body field × every value of
 * the corpus (the other fields left out, so no hostile request is a complete valid one), plus
 * whole-body attacks on each route that takes a body, and hostile file names and contents on
 * each upload. A route added tomorrow is covered by its openapi entry.
 */
export function hostileCases(doc: OpenApi, values: unknown[], skip: (method: string, path: string) => boolean): Case[] {
  const cases: Case[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const M = method.toUpperCase();
      if (skip(M, path)) continue;
      const route = `${M} ${path}`;
      const url = (params: Record<string, string> = {}, query = '') => `/api${fill(path, params)}${query}`;
      for (const p of op.parameters ?? []) {
        if (p.in === 'header') continue;
        for (const v of values) {
          const text = asText(v);
          cases.push(
            p.in === 'path'
              ? { route, field: `path.${p.name}`, method: M, url: url({ [p.name]: text }), headers: {} }
              : {
                  route,
                  field: `query.${p.name}`,
                  method: M,
                  url: url({}, `?${new URLSearchParams({ [p.name]: text })}`),
                  headers: {},
                },
          );
        }
      }
      const content = op.requestBody?.content ?? {};
      const json = content['application/json'];
      if (json) {
        for (const field of Object.keys(json.schema?.properties ?? {}))
          for (const v of values)
            cases.push({
              route,
              field: `body.${field}`,
              method: M,
              url: url(),
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ [field]: v }),
            });
        for (const [what, body, type] of BAD_BODIES)
          cases.push({
            route,
            field: `body: ${what}`,
            method: M,
            url: url(),
            headers: type ? { 'content-type': type } : {},
            body,
          });
      }
      if (content['multipart/form-data'])
        for (const v of values) {
          const text = asText(v);
          const asContent = new FormData();
          asContent.append('file', new Blob([text]), 'hostile.csv');
          cases.push({ route, field: 'file content', method: M, url: url(), headers: {}, body: asContent });
          const asName = new FormData();
          asName.append('file', new Blob(['x']), text);
          cases.push({ route, field: 'file name', method: M, url: url(), headers: {}, body: asName });
        }
      if (content['text/csv'])
        for (const v of values)
          cases.push({
            route,
            field: 'csv body',
            method: M,
            url: url(),
            headers: { 'content-type': 'text/csv' },
            body: asText(v),
          });
    }
  return cases;
}
