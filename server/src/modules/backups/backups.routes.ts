import { existsSync } from 'node:fs';
import type { Context } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../../http/context.js';
import { AppError, notFound } from '../../http/errors.js';
import { contentRange, dateFilter, idFilter, parseListQuery } from '../../http/list-query.js';
import { idParams, jsonBody, listParams, route, router, z } from '../../http/route.js';
import { actorOf } from '../audit/audit.service.js';
import { BACKUP_KINDS, snapshotPath } from './backups.files.js';
import { backupsQuery, openBusinessDate } from './backups.repository.js';
import { requestRestore, takeSnapshot, type BackupContext } from './backups.service.js';

const tags = ['backups'];
const spec = {
  sortable: ['id', 'created_at', 'business_date', 'kind', 'bytes'],
  defaultSort: ['created_at', 'DESC'],
  filters: { id: idFilter, kind: z.enum(BACKUP_KINDS).optional(), business_date: dateFilter },
} as const;

function contextOf(c: Context<AppEnv>): BackupContext {
  const ctx = c.get('deps').backups;
  if (!ctx) throw new AppError(409, 'BACKUPS_NOT_CONFIGURED', 'backups_not_configured');
  return ctx;
}

/** Whether each row's file is still in the backup directory (the directory is the truth; a
 * file removed by hand shows as missing and cannot be restored). */
function withPresence<R extends { file: string }>(c: Context<AppEnv>, rows: R[]) {
  const dir = c.get('deps').backups?.backupDir;
  const present = (file: string) => {
    try {
      return !!dir && existsSync(snapshotPath(dir, file));
    } catch {
      return false;
    }
  };
  return rows.map((r) => ({ ...r, file_present: present(r.file) }));
}

/** 数据备份: snapshots of the whole database. Company-wide (one database), so not branch-scoped. */
export const backupRoutes = router()
  .openapi(
    route('backups.list', {
      method: 'get',
      path: '/backups',
      tags,
      summary: '数据备份 Database snapshots, newest first',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), spec);
      const db = c.get('deps').db;
      const q = backupsQuery(db, list.filter);
      const { n } = await db
        .selectFrom(q.as('x'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .orderBy(sql.ref(`b.${list.sort.field}`), list.sort.order)
        .orderBy('b.id', list.sort.order)
        .offset(list.offset)
        .limit(list.limit)
        .execute();
      return c.json(withPresence(c, rows), 200, contentRange('backups', list.offset, rows.length, Number(n)));
    },
  )
  .openapi(
    route('backups.show', {
      method: 'get',
      path: '/backups/{id}',
      tags,
      summary: '备份详情 One snapshot',
      request: { params: idParams },
    }),
    async (c) => {
      const row = await backupsQuery(c.get('deps').db, { id: Number(c.req.valid('param').id) }).executeTakeFirst();
      if (!row) throw notFound();
      return c.json(withPresence(c, [row])[0]!, 200);
    },
  )
  .openapi(
    route('backups.create', {
      method: 'post',
      path: '/backups',
      tags,
      summary: '立即备份 Take a manual snapshot now',
      request: jsonBody(z.strictObject({ note: z.string().trim().min(1).max(200) })),
    }),
    async (c) => {
      const ctx = contextOf(c);
      const db = c.get('deps').db;
      const taken = await takeSnapshot(ctx, actorOf(c), {
        kind: 'manual',
        business_date: await openBusinessDate(db),
        note: c.req.valid('json').note,
      });
      const row = await backupsQuery(db, { id: taken.id }).executeTakeFirstOrThrow();
      return c.json(withPresence(c, [row])[0]!, 201);
    },
  )
  .openapi(
    route('backups.run', {
      method: 'post',
      path: '/backups/{id}/restore',
      tags,
      summary: '恢复 Ask to restore the whole database to this snapshot (a second operator approves it)',
      request: { params: idParams, ...jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(500) })) },
    }),
    async (c) => {
      const r = await requestRestore(
        contextOf(c),
        actorOf(c),
        Number(c.req.valid('param').id),
        c.req.valid('json').reason,
      );
      return c.json(r, 202);
    },
  );
