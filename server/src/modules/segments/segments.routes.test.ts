import { Decimal } from 'decimal.js';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewAll, reportWorld, type World } from '../../../../reports/test/world.js';
import { segmentStep } from './segments.service.js';

let w: World;
beforeAll(async () => {
  w = await reportWorld();
});
afterAll(() => w.t.close());

const refresh = (as = w.s.manager, body: unknown = {}) => w.t.call('POST', '/api/segments/refresh', { as, body });
const setParam = (key: string, value: string) =>
  w.t.db.updateTable('system_params').set({ value }).where('key', '=', key).execute();
/** The latest run's groups, client by client. */
async function assignment(branch: number) {
  const { rows } = await sql<{ client_id: number; segment: string }>`
    SELECT client_id, segment FROM client_segments
    WHERE run_id = (SELECT max(id) FROM segment_runs WHERE branch_id = ${branch}) ORDER BY client_id`.execute(w.t.db);
  return rows;
}
const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));

describe('客户分群 (behavioural segmentation)', () => {
  it('a refresh groups every open client of the branch as at the last closed day; the groups add up to the KPIs', async () => {
    const branch = w.s.manager.me.branch.id;
    const r = await refresh();
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.runs).toHaveLength(1);
    const run = r.json.runs[0];
    expect(run).toMatchObject({ branch_id: branch, as_of: w.last, k: 5, source: 'manual', converged: true });
    expect(run.branch_name).not.toBe('');
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM clients WHERE branch_id = ${branch}
        AND opened_on <= ${w.last}::date AND (closed_on IS NULL OR closed_on > ${w.last}::date)`.execute(w.t.db);
    const groups = r.json.groups as { segment: string; clients: number; assets: string; commission: string }[];
    expect(groups.reduce((s, g) => s + g.clients, 0)).toBe(rows[0]!.n);
    expect(groups.length).toBe(5);
    expect(groups.map((g) => g.segment)).toEqual(['conservative', 'steady', 'balanced', 'aggressive', 'dormant']);
    // the research's finding holds on the demo branch: most clients are dormant
    expect(groups.find((g) => g.segment === 'dormant')!.clients).toBe(Math.max(...groups.map((g) => g.clients)));

    // the window starts the day after the books' first closed day (the history is shorter than a year)
    expect(run.window_from > w.closed[0]!).toBe(true);
    expect(run.window_from <= w.closed[1]!).toBe(true);
    // Σ assets = the KPI's client assets at that close; Σ commission = the KPI's over the window
    const k = await w.t.call('GET', `/api/kpis/summary?period=range&from=${run.window_from}&to=${w.last}`, {
      as: w.s.manager,
    });
    expect(k.status).toBe(200);
    expect(sum(groups.map((g) => g.assets)).toFixed(2)).toBe(new Decimal(k.json.figures.client_assets).toFixed(2));
    expect(sum(groups.map((g) => g.commission)).toFixed(2)).toBe(new Decimal(k.json.figures.commission).toFixed(2));

    const trail = await w.t.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('action', '=', 'segment_refresh')
      .execute();
    expect(trail).toEqual([{ action: 'segment_refresh', username: 'manager' }]);
  });

  it('is deterministic: the same seed gives the same groups, client by client; another k gives other groups', async () => {
    const branch = w.s.manager.me.branch.id;
    const first = await assignment(branch);
    expect((await refresh()).status).toBe(200);
    expect(await assignment(branch)).toEqual(first);

    await setParam('segment_k', '3');
    const three = await refresh();
    expect(three.json.runs[0].k).toBe(3);
    expect(three.json.groups.map((g: { segment: string }) => g.segment).sort()).toEqual(
      ['aggressive', 'conservative', 'dormant'].sort(),
    );
    await setParam('segment_k', '5');
    expect((await refresh()).status).toBe(200);
    expect(await assignment(branch)).toEqual(first);
    // only the latest run keeps its clients
    const { rows } = await sql<{
      runs: number;
    }>`SELECT count(DISTINCT run_id)::int AS runs FROM client_segments`.execute(w.t.db);
    expect(rows[0]!.runs).toBe(1);
  });

  it('head office sees every branch summed; a branch manager sees only their own', async () => {
    const hq = await w.t.call('GET', '/api/segments', { as: w.s.hq });
    expect(hq.status).toBe(200);
    expect(hq.json.branch_id).toBeNull();
    const own = await w.t.call('GET', '/api/segments', { as: w.s.manager });
    expect(hq.json.groups.reduce((s: number, g: { clients: number }) => s + g.clients, 0)).toBeGreaterThanOrEqual(
      own.json.groups.reduce((s: number, g: { clients: number }) => s + g.clients, 0),
    );
    const other = await w.t.db
      .selectFrom('branches')
      .select('id')
      .where('id', '<>', w.s.manager.me.branch.id)
      .executeTakeFirstOrThrow();
    expect((await w.t.call('GET', `/api/segments?branch_id=${other.id}`, { as: w.s.manager })).status).toBe(404);
    expect((await refresh(w.s.manager, { branch_id: other.id })).status).toBe(404);
    expect((await w.t.call('GET', `/api/segments?branch_id=${other.id}`, { as: w.s.hq })).status).toBe(200);
  });

  it('refuses whoever lacks the right, and bad input, in words', async () => {
    expect((await w.t.call('GET', '/api/segments', { as: w.s.teller })).status).toBe(403);
    expect((await refresh(w.s.hq)).status).toBe(403); // head office reads, does not run
    expect((await refresh(w.s.teller)).status).toBe(403);
    expect((await w.t.call('GET', '/api/segments')).status).toBe(401);
    const bad = await refresh(w.s.manager, { branch_id: 'x', extra: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toContain('branch_id');
  });

  it('the parameters refuse what the clustering cannot use', async () => {
    const admin = w.s.admin;
    for (const [key, value] of [
      ['segment_k', '6'],
      ['segment_k', '2'],
      ['segment_indicators', 'assets'],
      ['segment_indicators', 'assets,volume'],
      ['segment_window_days', '1000'],
    ]) {
      const list = await w.t.call('GET', `/api/system_params?filter=${encodeURIComponent(JSON.stringify({ key }))}`, {
        as: admin,
      });
      const p = list.json[0];
      const r = await w.t.call('PUT', `/api/system_params/${p.id}`, { as: admin, body: { value, version: p.version } });
      expect(r.status, `${key}=${value}`).toBe(400);
      expect(r.json.error.fields.value).toBeTruthy();
    }
  });

  it('day-end re-segments on the month’s last trading day, or every day when segment_daily is on', async () => {
    const actor = { operator_id: null, username: 'system', branch_id: null, ip: '', request_id: '', at: new Date() };
    const before = await w.t.db
      .selectFrom('segment_runs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    await setParam('segment_daily', 'true');
    const r = await w.t.db.transaction().execute((trx) => segmentStep.run({ trx, date: w.last, actor }));
    await setParam('segment_daily', 'false');
    expect(r.rows).toBeGreaterThan(0);
    const runs = await w.t.db.selectFrom('segment_runs').select(['source']).orderBy('id', 'desc').limit(1).execute();
    expect(runs[0]!.source).toBe('day_end');
    const after = await w.t.db
      .selectFrom('segment_runs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    expect(Number(after!.n)).toBeGreaterThan(Number(before!.n));
  });
});
