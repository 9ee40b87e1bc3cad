import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_PASSWORD, type TestApp } from '../../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const auditCount = async (action: string) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('sign-in', () => {
  it('signs in, sets an HttpOnly cookie and returns the operator with branch, roles and permissions', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/sid=.+HttpOnly.*SameSite=Strict/);
    const me = await res.json();
    expect(me).toMatchObject({
      username: 'admin',
      branch: { name: '本溪风光街营业部' },
      roles: [{ code: 'admin' }],
      all_branches: false,
    });
    expect(me.permissions).toContain('operators.create');
    expect(me.permissions).not.toContain('fund_journal.create');
    expect(JSON.stringify(me)).not.toMatch(/password_hash|argon2/);
  });

  it('refuses a wrong password with the same message as an unknown user, and audits both', async () => {
    const before = await auditCount('login_failed');
    const a = await t.call('POST', '/api/auth/login', { body: { username: 'teller', password: 'nope1234' } });
    const b = await t.call('POST', '/api/auth/login', { body: { username: 'ghost', password: 'nope1234' } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.json.error.message).toBe('用户名或密码错误');
    expect(b.json.error.message).toBe(a.json.error.message);
    expect(await auditCount('login_failed')).toBe(before + 2);
  });

  it('answers in English when the client asks for it', async () => {
    const r = await t.call('POST', '/api/auth/login', {
      body: { username: 'ghost', password: 'x' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(r.json.error.message).toBe('Wrong username or password');
  });

  it('locks the operator after 5 failures for 15 minutes, even with the right password', async () => {
    for (let i = 0; i < 4; i++)
      expect(
        (await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: `wrong${i}` } })).status,
      ).toBe(401);
    const fifth = await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: 'wrong5' } });
    expect(fifth.status).toBe(423);
    expect(fifth.json.error.message).toContain('15');
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: TEST_PASSWORD } })).status,
    ).toBe(423);
    t.clock.advance(14 * 60_000);
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: TEST_PASSWORD } })).status,
    ).toBe(423);
    t.clock.advance(61_000);
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'clerk', password: TEST_PASSWORD } })).status,
    ).toBe(200);
  });

  it('takes the lockout numbers from system parameters', async () => {
    await t.db.updateTable('system_params').set({ value: '2' }).where('key', '=', 'login_max_failures').execute();
    try {
      expect(
        (await t.call('POST', '/api/auth/login', { body: { username: 'manager', password: 'bad1' } })).status,
      ).toBe(401);
      expect(
        (await t.call('POST', '/api/auth/login', { body: { username: 'manager', password: 'bad2' } })).status,
      ).toBe(423);
    } finally {
      await t.db.updateTable('system_params').set({ value: '5' }).where('key', '=', 'login_max_failures').execute();
      await t.db
        .updateTable('operators')
        .set({ locked_until: null, failed_logins: 0 })
        .where('username', '=', 'manager')
        .execute();
    }
  });
});

describe('sessions', () => {
  it('ends a session idle for more than 30 minutes', async () => {
    const s = await t.login('teller');
    t.clock.advance(29 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
    t.clock.advance(29 * 60_000); // active 29 min ago: still alive
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const r = await t.call('GET', '/api/auth/me', { as: s });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toBe('会话已过期，请重新登录');
    // ended for good: coming back is no use
    t.clock.advance(-31 * 60_000);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
  });

  it('ends a session after its absolute lifetime of 12 hours, however active', async () => {
    const s = await t.login('teller');
    for (let i = 0; i < 35; i++) {
      t.clock.advance(20 * 60_000); // active every 20 minutes: never idle
      expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
    }
    t.clock.advance(21 * 60_000); // 12 h 1 min after sign-in
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
  });

  it('sign-out ends the session and is audited', async () => {
    const s = await t.login('teller');
    const before = await auditCount('logout');
    expect((await t.call('POST', '/api/auth/logout', { as: s })).status).toBe(204);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(401);
    expect(await auditCount('logout')).toBe(before + 1);
  });

  it('refuses a state-changing request without the CSRF token or from another origin', async () => {
    const s = await t.login('teller');
    const noToken = await t.call('POST', '/api/auth/logout', { headers: { cookie: s.cookie } });
    expect(noToken.status).toBe(403);
    expect(noToken.json.error.code).toBe('CSRF');
    const wrongToken = await t.call('POST', '/api/auth/logout', {
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(wrongToken.status).toBe(403);
    const crossSite = await t.call('POST', '/api/auth/logout', { as: s, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const crossLogin = await t.call('POST', '/api/auth/login', {
      body: { username: 'teller', password: TEST_PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(crossLogin.status).toBe(403);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
  });
});

describe("柜员更密: changing one's own password", () => {
  it('needs the current password and a policy-conforming new one', async () => {
    const s = await t.login('manager');
    const wrong = await t.call('POST', '/api/auth/password', {
      as: s,
      body: { current_password: 'nope', new_password: 'NewPass123' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.fields.current_password).toBe('当前密码不正确');
    const weak = await t.call('POST', '/api/auth/password', {
      as: s,
      body: { current_password: TEST_PASSWORD, new_password: 'abc' },
    });
    expect(weak.json.error.fields.new_password).toBe('密码至少 8 位');
    const noDigit = await t.call('POST', '/api/auth/password', {
      as: s,
      body: { current_password: TEST_PASSWORD, new_password: 'abcdefghij' },
    });
    expect(noDigit.json.error.fields.new_password).toBe('密码须同时包含字母和数字');
    const other = await t.login('manager');
    expect(
      (
        await t.call('POST', '/api/auth/password', {
          as: s,
          body: { current_password: TEST_PASSWORD, new_password: 'NewPass123' },
        })
      ).status,
    ).toBe(204);
    expect((await t.call('GET', '/api/auth/me', { as: s })).status).toBe(200);
    expect((await t.call('GET', '/api/auth/me', { as: other })).status).toBe(401);
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'manager', password: TEST_PASSWORD } })).status,
    ).toBe(401);
    await t.login('manager', 'NewPass123');
  });
});
