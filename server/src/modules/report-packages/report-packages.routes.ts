import { createReadStream, existsSync } from 'node:fs';
import { webStream } from '../../http/stream.js';
import type { Context } from 'hono';
import { sql } from 'kysely';
import { type AppEnv, branchScope } from '../../http/context.js';
import { attachment } from '../../http/attachment.js';
import { businessDate } from '../../http/dates.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { contentRange, dateFilter, idFilter, parseListQuery } from '../../http/list-query.js';
import { t } from '../../http/messages.js';
import { idParams, jsonBody, listParams, route, router, z } from '../../http/route.js';
import { actorOf, audit } from '../audit/audit.service.js';
import { packagesQuery } from './report-packages.repository.js';
import {
  buildPackage,
  isClosed,
  type Manifest,
  packagePath,
  requireArchive,
  verifyChain,
  verifyMessage,
} from './report-packages.service.js';

const tags = ['report_packages'];
const spec = {
  sortable: ['id', 'business_date', 'version', 'created_at', 'bytes', 'branch_id'],
  defaultSort: ['id', 'DESC'],
  filters: { id: idFilter, business_date: dateFilter, branch_id: z.number().int().positive().optional() },
} as const;

/** What the list shows of a row: the manifest in short (reports and files), not the whole JSON. */
function shown<R extends { manifest: unknown; bytes: number | string }>(r: R) {
  const { manifest, ...rest } = r;
  const m = (typeof manifest === 'string' ? JSON.parse(manifest) : manifest) as Manifest;
  const reports = [...new Map(m.files.map((f) => [f.report, f.title])).values()];
  return {
    ...rest,
    bytes: Number(r.bytes),
    reports,
    files: m.files.map((f) => ({ name: f.name, format: f.format, rows: f.rows, bytes: f.bytes, sha256: f.sha256 })),
    omitted: m.omitted,
    generated_at: m.generated_at,
  };
}

/** The branch a request names, within the operator's scope: a branch operator only their own (403). */
function branchOf(c: Context<AppEnv>, asked: number | undefined): number {
  const me = c.get('me')!;
  if (asked === undefined) return me.branch.id;
  if (!me.all_branches && asked !== me.branch.id) throw forbidden();
  return asked;
}

/**
 * 报表归档: each closed day's report package per branch (built by day-end, or on demand for any
 * closed date as a new version), its download, and verify, which walks the hash chain.
 */
export const reportPackageRoutes = router()
  .openapi(
    route('report_packages.list', {
      method: 'get',
      path: '/report_packages',
      tags,
      summary: '报表归档 Report packages, newest first',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), spec);
      const db = c.get('deps').db;
      const q = packagesQuery(db, { ...list.filter, scope: branchScope(c.get('me')!) });
      const { n } = await db
        .selectFrom(q.as('x'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .orderBy(sql.ref(`p.${list.sort.field}`), list.sort.order)
        .orderBy('p.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(rows.map(shown), 200, contentRange('report_packages', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('report_packages.show', {
      method: 'get',
      path: '/report_packages/{id}',
      tags,
      summary: '报表包详情 One package with its manifest',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await packagesQuery(c.get('deps').db, {
        id: Number(c.req.valid('param').id),
        scope: branchScope(c.get('me')!),
      }).executeTakeFirst();
      if (!row) throw notFound();
      return c.json({ ...shown(row), manifest: row.manifest }, 200);
    },
  )
  .openapi(
    route('report_packages.export', {
      method: 'get',
      path: '/report_packages/{id}/download',
      tags,
      summary: '下载报表包 The package zip (reports and manifest.json)',
      request: { params: idParams },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const row = await packagesQuery(db, {
        id: Number(c.req.valid('param').id),
        scope: branchScope(c.get('me')!),
      }).executeTakeFirst();
      if (!row) throw notFound();
      const where = packagePath(requireArchive(), row.file);
      if (!existsSync(where))
        throw new AppError(409, 'REPORT_PACKAGE_FILE_MISSING', 'report_package_file_missing', { file: row.file });
      // audited before the first byte: a download of the archive is on record even if cut short
      await audit(db, actorOf(c), {
        action: 'download',
        resource: 'report_packages',
        record_id: row.id,
        detail: JSON.stringify({
          business_date: row.business_date,
          branch_id: row.branch_id,
          version: row.version,
          sha256: row.sha256,
        }),
      });
      const name = `报表包-${row.branch_name}-${row.business_date}-v${row.version}.zip`;
      return c.body(webStream(createReadStream(where)), 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': attachment(name),
        'Content-Length': String(row.bytes),
        'Cache-Control': 'no-store',
      });
    },
  )
  .openapi(
    route('report_packages.create', {
      method: 'post',
      path: '/report_packages',
      tags,
      summary: '生成报表包 Build the report package of a closed day (a new version if one exists)',
      request: {
        ...jsonBody(z.strictObject({ business_date: businessDate, branch_id: z.number().int().positive().optional() })),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      requireArchive();
      const branchId = branchOf(c, body.branch_id);
      const db = c.get('deps').db;
      const branch = await db.selectFrom('branches').select('id').where('id', '=', branchId).executeTakeFirst();
      if (!branch) throw notFound();
      if (!(await isClosed(db, body.business_date)))
        throw new AppError(409, 'REPORT_PACKAGE_NOT_CLOSED', 'report_package_not_closed', { date: body.business_date });
      const built = await db
        .transaction()
        .execute((trx) => buildPackage(trx, actorOf(c), { branchId, date: body.business_date, source: 'manual' }));
      const row = await packagesQuery(db, { id: built.id, scope: null }).executeTakeFirstOrThrow();
      return c.json(shown(row), 201);
    },
  )
  .openapi(
    route('report_packages.run', {
      method: 'post',
      path: '/report_packages/verify',
      tags,
      summary: '校验 Walk the archive hash chain and name the first broken link',
      request: { ...jsonBody(z.strictObject({ branch_id: z.number().int().positive().optional() })) },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const me = c.get('me')!;
      // head office verifies every branch unless it names one; a branch operator their own
      const branchId = body.branch_id === undefined ? branchScope(me) : branchOf(c, body.branch_id);
      const r = await verifyChain(c.get('deps').db, requireArchive(), branchId);
      const m = verifyMessage(r);
      return c.json({ ...r, message: t(c.get('lang'), m.key, m.params) }, 200);
    },
  );
