import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';

/**
 * DOMAIN.md §8, proven under parallelism: failures are counted and checked atomically, so
 * "N parallel wrong attempts lock the operator" and "once N failures are recorded, no sign-in
 * succeeds until the lock expires" hold on PGlite and on PostgreSQL (run with DATABASE_URL).
 * Also the session cookie's `Secure` attribute behind a TLS proxy, and sign-out.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());
afterEach(() => {
  vi.unstubAllEnvs();
});

const MAX_FAILURES = 5; // the system parameter login_max_failures (seeded default)

const attemptLogin = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });

/** The audit trail of one operator's sign-in attempts, in commit order (ids come from a sequence). */
async function attemptsAudit(username: string) {
  return t.db
    .selectFrom('audit_log')
    .select(['id', 'action', 'detail'])
    .where('username', '=', username)
    .where('action', 'in', ['login', 'login_failed'])
    .orderBy('id')
    .execute();
}

async function operator(username: string) {
  return t.db
    .selectFrom('operators')
    .select(['failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

async function newOperator(username: string) {
  const admin = await t.db
    .selectFrom('operators')
    .select(['branch_id', 'password_hash'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('operators')
    .values({ username, name: username, branch_id: admin.branch_id, password_hash: admin.password_hash })
    .execute();
}

describe('login lockout under parallel attempts', () => {
  it(`${MAX_FAILURES} parallel wrong attempts lock the operator; then even the right password is refused`, async () => {
    await newOperator('par_a');
    const statuses = (
      await Promise.all(Array.from({ length: MAX_FAILURES }, (_, i) => attemptLogin('par_a', `wrong${i}x`)))
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(MAX_FAILURES - 1);
    expect(statuses.filter((s) => s === 423)).toHaveLength(1);
    const op = await operator('par_a');
    expect(op.locked_until && new Date(op.locked_until) > t.clock.now()).toBe(true);
    const audit = await attemptsAudit('par_a');
    expect(audit.filter((a) => a.detail?.startsWith('wrong password'))).toHaveLength(MAX_FAILURES);
    expect(audit.filter((a) => a.detail?.includes('locked for'))).toHaveLength(1);
    expect((await attemptLogin('par_a', TEST_PASSWORD)).status).toBe(423);
  });

  it('20 wrong + 1 right, all at once: the operator ends locked and no sign-in commits after the lock', async () => {
    await newOperator('par_b');
    const WRONG = 20;
    const passwords = Array.from({ length: WRONG }, (_, i) => `wrong${i}x`);
    passwords.splice(WRONG / 2, 0, TEST_PASSWORD); // the right one in the middle of the burst
    const responses = await Promise.all(passwords.map((p) => attemptLogin('par_b', p)));
    const statuses = responses.map((r) => r.status);
    const successes = statuses.filter((s) => s === 200).length;

    const op = await operator('par_b');
    expect(op.locked_until && new Date(op.locked_until) > t.clock.now()).toBe(true);

    const audit = await attemptsAudit('par_b');
    expect(audit).toHaveLength(WRONG + 1); // every attempt audited once
    const counted = audit.filter((a) => a.detail?.startsWith('wrong password'));
    const lockEvents = audit.filter((a) => a.detail?.includes('locked for'));
    const refusedLocked = audit.filter((a) => a.detail === 'locked');
    const signIns = audit.filter((a) => a.action === 'login');
    // one lock, set by the Nth counted failure; everything evaluated after it is refused as locked
    expect(lockEvents).toHaveLength(1);
    expect(successes).toBe(signIns.length);
    expect(successes).toBeLessThanOrEqual(1);
    // a sign-in may only have committed before the lock; it resets the count, so N more were needed
    for (const s of signIns) expect(s.id).toBeLessThan(lockEvents[0]!.id);
    const countedAfterLastReset = counted.filter((a) => a.id > (signIns.at(-1)?.id ?? 0));
    expect(countedAfterLastReset).toHaveLength(MAX_FAILURES);
    expect(audit.filter((a) => a.id > lockEvents[0]!.id).every((a) => a.detail === 'locked')).toBe(true);
    expect(counted.length + refusedLocked.length).toBe(WRONG + 1 - successes);
    // the 423s are exactly the lock event and the refusals
    expect(statuses.filter((s) => s === 423)).toHaveLength(1 + refusedLocked.length);

    console.info(
      `[lockout] ${passwords.length} parallel attempts (${WRONG} wrong + 1 right): ` +
        `${counted.length} failures counted, ${refusedLocked.length} refused as locked, ${successes} sign-in(s)`,
    );
    expect((await attemptLogin('par_b', TEST_PASSWORD)).status).toBe(423);
    t.clock.advance(15 * 60_000 + 1_000);
    expect((await attemptLogin('par_b', TEST_PASSWORD)).status).toBe(200);
  });

  it('a burst of 15 wrong attempts against an operator with 4 failures already recorded still locks once', async () => {
    await newOperator('par_c');
    await t.db.updateTable('operators').set({ failed_logins: 4 }).where('username', '=', 'par_c').execute();
    const statuses = (await Promise.all(Array.from({ length: 15 }, (_, i) => attemptLogin('par_c', `wrong${i}x`)))).map(
      (r) => r.status,
    );
    expect(statuses.every((s) => s === 423)).toBe(true);
    const audit = await attemptsAudit('par_c');
    expect(audit.filter((a) => a.detail?.startsWith('wrong password'))).toHaveLength(1);
    expect(audit.filter((a) => a.detail === 'locked')).toHaveLength(14);
  });
});

describe('the session cookie behind a TLS proxy', () => {
  const setCookieOf = (r: Response) => r.headers.get('set-cookie') ?? '';

  async function loginAndLogout(url: string, headers: Record<string, string> = {}) {
    const login = await t.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ username: 'teller', password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = /sid=([^;]+)/.exec(setCookieOf(login))![1]!;
    const { csrf_token } = (await login.json()) as { csrf_token: string };
    const logout = await t.app.request(url.replace('/login', '/logout'), {
      method: 'POST',
      headers: { cookie: `sid=${cookie}`, 'x-csrf-token': csrf_token, ...headers },
    });
    expect(logout.status).toBe(204);
    return { loginCookie: setCookieOf(login), logoutCookie: setCookieOf(logout), sid: cookie };
  }

  it('sets Secure when the request itself came over https, and logout clears with the same attributes', async () => {
    const { loginCookie, logoutCookie } = await loginAndLogout('https://bank.example/api/auth/login');
    expect(loginCookie).toMatch(/; Secure/);
    expect(loginCookie).toMatch(/HttpOnly/);
    expect(loginCookie).toMatch(/SameSite=Strict/);
    expect(logoutCookie).toMatch(/^sid=;/);
    expect(logoutCookie).toMatch(/Max-Age=0/);
    for (const attr of ['; Path=/', '; Secure', '; HttpOnly', '; SameSite=Strict'])
      expect(logoutCookie).toContain(attr);
  });

  it('plain http: no Secure, and a forged X-Forwarded-Proto changes nothing without TRUST_PROXY', async () => {
    vi.stubEnv('TRUST_PROXY', '');
    const plain = await loginAndLogout('http://bank.example/api/auth/login');
    expect(plain.loginCookie).not.toMatch(/Secure/);
    expect(plain.logoutCookie).not.toMatch(/Secure/);
    const forged = await loginAndLogout('http://bank.example/api/auth/login', { 'x-forwarded-proto': 'https' });
    expect(forged.loginCookie).not.toMatch(/Secure/);
    expect(forged.logoutCookie).not.toMatch(/Secure/);
    // nor does it make an https Origin acceptable on a plain-http request
    const r = await attemptLogin('teller', TEST_PASSWORD, {
      'x-forwarded-proto': 'https',
      origin: 'https://localhost',
    });
    expect(r.status).toBe(403);
  });

  it('with TRUST_PROXY=1, X-Forwarded-Proto: https sets Secure (login and logout) and the https Origin passes', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    const headers = { 'x-forwarded-proto': 'https', origin: 'https://bank.example' };
    const { loginCookie, logoutCookie } = await loginAndLogout('http://bank.example/api/auth/login', headers);
    expect(loginCookie).toMatch(/; Secure/);
    for (const attr of ['; Path=/', '; Secure', '; HttpOnly', '; SameSite=Strict'])
      expect(logoutCookie).toContain(attr);
    // X-Forwarded-Proto: http from the proxy means http
    const viaHttp = await loginAndLogout('http://bank.example/api/auth/login', { 'x-forwarded-proto': 'http' });
    expect(viaHttp.loginCookie).not.toMatch(/Secure/);
  });

  it('with TRUST_PROXY=1, the audited client address is the one the proxy saw (X-Forwarded-For)', async () => {
    vi.stubEnv('TRUST_PROXY', '1');
    const r = await attemptLogin('ghost_xff', 'nope', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' });
    expect(r.status).toBe(401);
    const row = await t.db
      .selectFrom('audit_log')
      .select('ip')
      .where('username', '=', 'ghost_xff')
      .executeTakeFirstOrThrow();
    // the right-most entry is the one our proxy appended; the rest are the client's to forge
    expect(row.ip).toBe('203.0.113.7');
    vi.stubEnv('TRUST_PROXY', '');
    await attemptLogin('ghost_xff2', 'nope', { 'x-forwarded-for': '203.0.113.7' });
    const untrusted = await t.db
      .selectFrom('audit_log')
      .select('ip')
      .where('username', '=', 'ghost_xff2')
      .executeTakeFirstOrThrow();
    expect(untrusted.ip).not.toBe('203.0.113.7');
  });
});

describe('sign-out', () => {
  it('ends the session on the server: the old cookie is refused afterwards', async () => {
    const s = await t.login('teller');
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', { as: s })).status).toBe(204);
    // the browser dropped the cookie, but a copy of it is worth nothing
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
    expect((await t.call('POST', '/api/auth/logout', { as: s })).status).toBe(401);
    const row = await t.db
      .selectFrom('sessions')
      .select(['ended_at', 'end_reason'])
      .where('operator_id', '=', s.me.id)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.end_reason).toBe('logout');
    expect(row.ended_at).not.toBeNull();
  });
});
