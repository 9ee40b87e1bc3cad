import { PassThrough } from 'node:stream';
import { webStream } from '../http/stream.js';
import { readUpload } from '../http/upload.js';
import { attachment } from '../http/attachment.js';
import { route, router, idParams, listParams, jsonBody, z } from '../http/route.js';
import { branchScope } from '../http/context.js';
import { badRequest, notFound } from '../http/errors.js';
import { contentRange, parseListQuery } from '../http/list-query.js';
import { actorOf } from '../modules/audit/audit.service.js';
import { can, SYSTEM_COLUMNS, type ResourceDef } from './define-resource.js';
import { bodySchema, filterShape } from './field-schema.js';
import { findRow, listRows } from './crud.repository.js';
import { createRecord, deleteRecord, recordHistory, updateRecord, type WriteResult } from './crud.service.js';
import { writeTemplate } from './import-template.xlsx.js';
import { exportParams, sendListFile } from '../modules/reports/list-export.js';
import { resourceExport } from './resource-export.js';
import { confirmImport, IMPORT_MAX_BYTES, previewImport } from './import.service.js';

/** The list query spec of a resource: sortable columns and filters come from its declaration only. */
export function listSpecOf(def: ResourceDef) {
  return {
    sortable: ['id', 'created_at', 'updated_at', ...def.fields.filter((f) => f.sortable).map((f) => f.name)],
    defaultSort: def.defaultSort,
    filters: filterShape(def),
  };
}

const batchParams = z.object({ id: idParams.shape.id });

function written(c: { json: (b: unknown, s: 200 | 201 | 202) => Response }, r: WriteResult) {
  return r.status === 202 ? c.json({ ...r.row, pending_approval_id: r.approval_id }, 202) : c.json(r.row, r.status);
}

export { attachment };

/** Turns a resource declaration into its REST routes (ra-data-simple-rest), export, import and history. */
export function resourceRoutes(def: ResourceDef) {
  const n = def.name;
  const tags = [n];
  const spec = listSpecOf(def);
  const label = `${def.label.zh} ${def.label.en}`;
  const r = router()
    .openapi(
      route(`${n}.list`, {
        method: 'get',
        path: `/${n}`,
        tags,
        summary: `${label}: list`,
        request: { query: listParams },
      }),
      async (c) => {
        const list = parseListQuery(c.req.valid('query'), spec);
        const { total, rows } = await listRows(c.get('deps').db, def, branchScope(c.get('me')!), list);
        return c.json(rows, 200, contentRange(n, list.offset, rows.length, total));
      },
    )
    .openapi(
      route(`${n}.export`, {
        method: 'get',
        path: `/${n}/export`,
        tags,
        summary: `${label}: export of the filtered list (every row) through the report renderer, .xlsx or CSV; the .xlsx is what the import reads back`,
        request: { query: exportParams },
      }),
      (c) => sendListFile(c, spec, (sort) => resourceExport(def, sort)),
    );
  // before `/{id}`: Hono tries routes in order, and `/<name>/{id}` would take `/<name>/import_template`
  if (can(def, 'import')) {
    const importRight = can(def, 'create') ? (`${n}.create` as const) : (`${n}.edit` as const);
    r.openapi(
      route(importRight, {
        method: 'get',
        path: `/${n}/import_template`,
        tags,
        summary: `${label}: Excel import template — the column titles only, to fill in (an export, filled in or changed, imports too)`,
      }),
      async (c) => {
        const lang = c.get('lang');
        const out = new PassThrough();
        writeTemplate(def, lang, out).catch((e: Error) => out.destroy(e));
        return c.body(webStream(out), 200, {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': attachment(`${def.label[lang]}-${lang === 'zh' ? '导入模板' : 'template'}.xlsx`),
          'Cache-Control': 'no-store',
        });
      },
    );
  }
  r.openapi(
    route(`${n}.show`, {
      method: 'get',
      path: `/${n}/{id}`,
      tags,
      summary: `${label}: one record`,
      request: { params: idParams },
    }),
    async (c) => {
      const row = await findRow(c.get('deps').db, def, branchScope(c.get('me')!), Number(c.req.valid('param').id));
      if (!row) throw notFound();
      return c.json(row, 200);
    },
  ).openapi(
    route(`${n}.show`, {
      method: 'get',
      path: `/${n}/{id}/history`,
      tags,
      summary: `${label}: change history (who, when, before/after)`,
      request: { params: idParams },
    }),
    async (c) => {
      const rows = await recordHistory(
        c.get('deps').db,
        def,
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
      );
      return c.json(rows, 200);
    },
  );
  if (can(def, 'create')) {
    r.openapi(
      route(`${n}.create`, {
        method: 'post',
        path: `/${n}`,
        tags,
        summary: `${label}: create${def.approval ? ' (202: waits for approval)' : ''}`,
        request: jsonBody(bodySchema(def, 'create')),
      }),
      async (c) =>
        written(
          c,
          await createRecord(
            c.get('deps').db,
            def,
            actorOf(c),
            branchScope(c.get('me')!),
            c.req.valid('json') as Record<string, unknown>,
          ),
        ),
    );
  }
  if (can(def, 'edit')) {
    r.openapi(
      route(`${n}.edit`, {
        method: 'put',
        path: `/${n}/{id}`,
        tags,
        summary: `${label}: update (optimistic lock on version${def.approval ? '; 202: waits for approval' : ''})`,
        request: {
          params: idParams,
          ...jsonBody(
            bodySchema(def, 'update').extend(
              Object.fromEntries(SYSTEM_COLUMNS.filter((k) => k !== 'version').map((k) => [k, z.unknown().optional()])),
            ),
          ),
        },
      }),
      async (c) => {
        const { id: _id, created_at: _c, updated_at: _u, ...input } = c.req.valid('json') as Record<string, unknown>;
        return written(
          c,
          await updateRecord(
            c.get('deps').db,
            def,
            actorOf(c),
            branchScope(c.get('me')!),
            Number(c.req.valid('param').id),
            input,
          ),
        );
      },
    );
  }
  if (can(def, 'delete')) {
    r.openapi(
      route(`${n}.delete`, {
        method: 'delete',
        path: `/${n}/{id}`,
        tags,
        summary: `${label}: delete${def.approval ? ' (202: waits for approval)' : ''}`,
        request: { params: idParams },
      }),
      async (c) =>
        written(
          c,
          await deleteRecord(
            c.get('deps').db,
            def,
            actorOf(c),
            branchScope(c.get('me')!),
            Number(c.req.valid('param').id),
          ),
        ),
    );
  }
  if (can(def, 'import')) {
    const importRight = can(def, 'create') ? (`${n}.create` as const) : (`${n}.edit` as const);
    r.openapi(
      route(importRight, {
        method: 'post',
        path: `/${n}/import`,
        tags,
        summary: `${label}: Excel import, step 1 — upload (multipart field "file") and preview; nothing is written`,
        request: {
          body: {
            content: {
              'multipart/form-data': {
                schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
              },
            },
            required: true,
          },
        },
      }),
      async (c) => {
        const file = await readUpload(c, { maxBytes: IMPORT_MAX_BYTES, fallbackName: `${def.name}.xlsx` });
        const preview = await previewImport(
          c.get('deps').db,
          def,
          actorOf(c),
          branchScope(c.get('me')!),
          c.get('lang'),
          file.name,
          file.bytes,
        );
        return c.json(preview, 200);
      },
    );
    r.openapi(
      route(importRight, {
        method: 'post',
        path: `/${n}/import/{id}/confirm`,
        tags,
        summary: `${label}: Excel import, step 2 — confirm: all rows or none${def.approval ? ' (202: waits for approval)' : ''}`,
        request: { params: batchParams },
      }),
      async (c) => {
        const result = await confirmImport(c.get('deps').db, def, actorOf(c), Number(c.req.valid('param').id));
        return c.json(result, result.status);
      },
    );
  }
  return r;
}
