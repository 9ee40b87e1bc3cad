import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type Session, type TestApp } from '../../../test/harness.js';
import { ProgressHub, type Progress } from '../../progress/progress.js';
import type { Actor } from '../audit/audit.service.js';
import { dayEndProgressKey, runDayEnd } from './day-end.service.js';
import { STEPS } from './day-end.steps.js';

let t: TestApp;
let clerk: Session;
let teller: Session;
let accountId: number;
const actor = (): Actor => ({
  operator_id: clerk.me.id,
  username: clerk.me.username,
  branch_id: clerk.me.branch.id,
  ip: 'test',
  request_id: 'test',
  at: new Date(),
});

/** The steps in the order the events name them, each once. */
const stepsOf = (events: Progress[]) =>
  events.map((e) => e.step?.code).filter((code, i, all) => code !== undefined && code !== all[i - 1]);

/** The `event: progress` payloads of an SSE body, in order. */
function progressEvents(body: string): Progress[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: progress\n'))
    .map((block) =>
      JSON.parse(
        block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n'),
      ),
    );
}

beforeAll(async () => {
  t = await testApp();
  clerk = await t.login('clerk');
  teller = await t.login('teller');
  const c = await t.call('POST', '/api/clients', {
    as: teller,
    body: { name: '日终进度', id_number: '11010519491231002X' },
  });
  expect(c.status, JSON.stringify(c.json)).toBe(201);
  accountId = c.json.fund_account_id;
});
afterAll(() => t.close());

describe('day-end progress (日终进度)', () => {
  it('publishes every step as it starts, in order and counted, then completed', async () => {
    const hub = new ProgressHub();
    const events: Progress[] = [];
    const stop = hub.subscribe(dayEndProgressKey('2026-11-23'), (p) => events.push(p));
    await runDayEnd(t.db, actor(), '2026-11-23', { progress: hub });
    stop();
    expect(stepsOf(events)).toEqual(STEPS.map((s) => s.name));
    for (const e of events) {
      expect(e.step!.index, e.step!.code).toBe(STEPS.findIndex((s) => s.name === e.step!.code) + 1);
      expect(e.step!.count).toBe(STEPS.length);
    }
    expect(events.slice(0, -1).every((e) => e.state === 'running')).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'completed', step: { code: 'report_package' } });
    expect(events.at(-1)!.error).toBeUndefined();
    const elapsed = events.map((e) => e.elapsed_ms);
    expect(elapsed).toEqual([...elapsed].sort((a, b) => a - b));
    // a step that knows its rows says so (the day has no trades: 0 of 0)
    expect(events.some((e) => e.step!.code === 'match_trades' && e.expected === 0)).toBe(true);
  });

  it('a failing run ends failed, with its code, at the step that failed', async () => {
    // bypass the ledger on purpose: the journal no longer explains the balance (as day-end.test.ts)
    await sql`UPDATE fund_accounts SET balance = balance + 0.01 WHERE id = ${accountId}`.execute(t.db);
    const hub = new ProgressHub();
    const events: Progress[] = [];
    hub.subscribe(dayEndProgressKey('2026-11-24'), (p) => events.push(p));
    await expect(runDayEnd(t.db, actor(), '2026-11-24', { progress: hub })).rejects.toMatchObject({
      code: 'DAY_END_INVARIANT',
    });
    await sql`UPDATE fund_accounts SET balance = balance - 0.01 WHERE id = ${accountId}`.execute(t.db);
    const last = STEPS.findIndex((s) => s.name === 'check_invariants');
    expect(stepsOf(events)).toEqual(STEPS.slice(0, last + 1).map((s) => s.name));
    expect(events.at(-1)).toMatchObject({
      state: 'failed',
      error: 'DAY_END_INVARIANT',
      step: { code: 'check_invariants' },
    });
    // a run refused before its first step publishes nothing
    const refused: Progress[] = [];
    hub.subscribe(dayEndProgressKey('2026-12-31'), (p) => refused.push(p));
    await expect(runDayEnd(t.db, actor(), '2026-12-31', { progress: hub })).rejects.toMatchObject({
      code: 'DAY_END_NOT_OPEN',
    });
    expect(refused).toEqual([]);
  });

  it('GET /day_end_runs/progress streams a run the screen starts after opening it', async () => {
    // opened before the run, as the screen does: the open date, waiting for the next run
    const res = await t.app.request('/api/day_end_runs/progress?wait=true', { headers: { cookie: clerk.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const body = res.text();
    const run = await t.call('POST', '/api/day_end_runs', { as: clerk, body: { business_date: '2026-11-24' } });
    expect(run.status, JSON.stringify(run.json)).toBe(201);
    const text = await body;
    expect(text.startsWith(': subscribed\n\n')).toBe(true);
    const events = progressEvents(text);
    // with snapshots: before clearing, the transaction's steps, after clearing
    const all = ['snapshot_before', ...STEPS.map((s) => s.name), 'snapshot_after'];
    expect(stepsOf(events)).toEqual(all);
    for (const e of events)
      expect(e.step).toEqual({ code: e.step!.code, index: all.indexOf(e.step!.code) + 1, count: all.length });
    expect(events.at(-1)).toMatchObject({ state: 'completed', step: { code: 'snapshot_after' } });

    // a reader arriving just after gets the final state at once; nothing known ends the stream empty
    const after = await t.call('GET', '/api/day_end_runs/progress?business_date=2026-11-24', { as: clerk });
    expect(progressEvents(after.json)).toEqual([events.at(-1)]);
    const none = await t.call('GET', '/api/day_end_runs/progress?business_date=2030-01-02', { as: clerk });
    expect(none.status).toBe(200);
    expect(none.json).toBeUndefined();
  });

  it('GET /day_end_runs/progress needs day_end_runs.list', async () => {
    const r = await t.call('GET', '/api/day_end_runs/progress', { as: teller });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('FORBIDDEN');
    expect((await t.call('GET', '/api/day_end_runs/progress?business_date=20261124', { as: clerk })).status).toBe(400);
  });
});
