import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ZipArchive } from 'archiver';
import type { Db } from '../../db/connect.js';
import type { Lang } from '../../http/lang.js';
import { badRequest } from '../../http/errors.js';
import { REPORTS } from '../../../../reports/src/registry.js';
import { renderPdf } from '../../../../reports/src/render/pdf.js';
import { prepare, type Runner } from '../../../../reports/src/run.js';
import type { JobSpec } from './export-jobs.service.js';

const statement = REPORTS.find((r) => r.id === 'client_statement')!;

/** The period of a month's statements: its first day to its last closed day (never past the last close). */
export async function statementPeriod(db: Db, month: string, lang: Lang): Promise<{ from: string; to: string }> {
  const last = await db
    .selectFrom('day_end_runs')
    .select((eb) => eb.fn.max('business_date').as('d'))
    .where('status', '=', 'completed')
    .executeTakeFirst();
  const closed = last?.d ? String(last.d) : null;
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  if (!closed || closed < from)
    throw badRequest({
      month: lang === 'zh' ? `${month} 还没有已日终的交易日` : `${month} has no closed trading day yet`,
    });
  return { from, to: closed < monthEnd ? closed : monthEnd };
}

/** A file name inside the zip: the client's number and name, nothing a path could be made of. */
const entryName = (no: string, name: string) => `${no}-${name}`.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').slice(0, 80);

/**
 * 对账单 of every client of the scope for a month, one PDF each (the 客户对账单 report, so its
 * numbers are the report's), in one zip: a job's writer. Clients open at some point of the period.
 */
export async function statementsJob(opts: {
  db: Db;
  cursor: boolean;
  runner: Runner;
  lang: Lang;
  at: Date;
  month: string;
}): Promise<JobSpec> {
  const { db, runner, lang, month } = opts;
  const { from, to } = await statementPeriod(db, month, lang);
  let q = db
    .selectFrom('clients')
    .select(['id', 'client_no', 'name'])
    .where('opened_on', '<=', to)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)]));
  if (!runner.all_branches) q = q.where('branch_id', '=', runner.branch.id);
  const clients = await q.orderBy('client_no').execute();
  const title = lang === 'zh' ? `客户对账单-${month}` : `client-statements-${month}`;
  return {
    kind: 'statements',
    source: 'client_statement',
    format: 'zip',
    name: `${title}.zip`,
    detail: JSON.stringify({ format: 'zip', rows: clients.length, params: { month, date_from: from, date_to: to } }),
    rowsExpected: clients.length,
    async write(out: Writable, onRows) {
      const zip = new ZipArchive({ zlib: { level: 6 } });
      const failed = new Promise<never>((_, reject) => {
        zip.on('error', reject);
        out.on('error', reject);
        out.on('close', () => reject(new Error('the export was closed')));
      });
      failed.catch(() => undefined);
      zip.pipe(out);
      for (const c of clients) {
        if (out.destroyed) throw new Error('the export was closed');
        const p = await prepare(
          statement,
          { client_id: String(c.id), date_from: from, date_to: to },
          { db, cursor: opts.cursor, runner, lang, at: opts.at },
        );
        const pdf = new PassThrough();
        const [bytes] = await Promise.all([buffer(pdf), renderPdf(p, pdf)]);
        zip.append(bytes, { name: `${entryName(c.client_no, c.name)}.pdf` });
        // one statement in the zip before the next is made: memory holds one PDF at a time
        await Promise.race([once(zip, 'entry'), failed]);
        onRows(1);
      }
      await Promise.race([zip.finalize(), failed]);
      if (!out.writableFinished) await Promise.race([once(out, 'finish'), failed]);
      return clients.length;
    },
  };
}
