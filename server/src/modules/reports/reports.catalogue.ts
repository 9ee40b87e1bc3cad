import type { Context } from 'hono';
import { sql } from 'kysely';
import { REPORTS } from '../../../../reports/src/registry.js';
import type { AppEnv } from '../../http/context.js';

/**
 * What the admin draws the Reports menu and each report's form from: the reports the operator
 * may run, their parameters (with the choices a form needs: markets, currencies, operators,
 * branches for head office), columns, and the trading calendar the date pickers follow, defaulting to the last
 * closed business date.
 */
export async function reportCatalogue(c: Context<AppEnv>) {
  const me = c.get('me')!;
  const { db } = c.get('deps');
  const visible = REPORTS.filter((r) => me.permissions.has(`${r.id}.run`) || me.permissions.has(`${r.id}.export`));
  const { rows } = await sql<{ open: string; closed: string | null }>`
    SELECT (SELECT value FROM system_params WHERE key = 'business_date') AS open,
           (SELECT max(business_date)::text FROM day_end_runs WHERE status = 'completed') AS closed`.execute(db);
  const open = rows[0]!.open;
  const closed = rows[0]!.closed;
  const days = await db
    .selectFrom('trading_calendar')
    .select('date')
    .where('market', '=', 'SH-A')
    .where('is_trading_day', '=', true)
    .where('date', '<=', open)
    .where('date', '>=', sql<string>`${open}::date - 400`)
    .orderBy('date')
    .execute();
  const markets = await db.selectFrom('markets').select(['code', 'name_zh', 'name_en']).orderBy('id').execute();
  const currencies = await db
    .selectFrom('dictionary')
    .select(['code', 'label_zh', 'label_en'])
    .where('category', '=', 'currency')
    .orderBy('sort_order')
    .execute();
  const branches = me.all_branches
    ? await db
        .selectFrom('branches')
        .select(['id', 'name'])
        .where('is_head_office', '=', false)
        .orderBy('code')
        .execute()
    : [];
  // the counters a report may be asked about (业务统计, 资金流水): the operators in the caller's
  // scope, offered by the catalogue so that running a report needs no right to the operators list
  const operators = visible.some((r) => r.params.some((p) => p.kind === 'operator'))
    ? await db
        .selectFrom('operators')
        .select(['id', 'name', 'username'])
        .$if(!me.all_branches, (q) => q.where('branch_id', '=', me.branch.id))
        .orderBy('username')
        .execute()
    : [];
  const pdfMax = await db
    .selectFrom('system_params')
    .select('value')
    .where('key', '=', 'report_pdf_max_rows')
    .executeTakeFirst();
  return {
    open_date: open,
    last_closed: closed,
    default_date: closed ?? open,
    trading_days: days.map((d) => d.date),
    pdf_max_rows: Number(pdfMax?.value ?? 10_000),
    choices: {
      market: markets.map((m) => ({ value: m.code, label: { zh: m.name_zh, en: m.name_en } })),
      currency: currencies.map((x) => ({ value: x.code, label: { zh: x.label_zh, en: x.label_en } })),
      branch: branches.map((b) => ({ value: String(b.id), label: { zh: b.name, en: b.name } })),
      operator: operators.map((o) => ({
        value: String(o.id),
        label: { zh: `${o.name}（${o.username}）`, en: `${o.name} (${o.username})` },
      })),
    },
    reports: visible.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      orientation: r.orientation,
      can_run: me.permissions.has(`${r.id}.run`),
      can_export: me.permissions.has(`${r.id}.export`),
      params: r.params
        .filter((p) => p.kind !== 'branch' || me.all_branches)
        .map((p) => ({
          name: p.name,
          kind: p.kind,
          label: p.label,
          required: p.required,
          choices: p.choices,
          min: p.min,
          max: p.max,
          default: p.default,
        })),
      columns: r.columns.map((col) => ({ key: col.key, label: col.label, type: col.type })),
    })),
  };
}
