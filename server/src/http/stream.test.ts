import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, testApp } from '../../test/harness.js';
import { webStream } from './stream.js';

let t: TestApp;
let clerk: Session;
let server: ReturnType<typeof serve>;
let port: number;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  t = await testApp({ history: true });
  clerk = await t.login('clerk');
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await new Promise((r) => server.close(r));
  await t.close();
});

/** GETs a path over a real socket and drops the connection after the first bytes of the body. */
function cancelAfterFirstBytes(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { cookie: clerk.cookie } }, (res) => {
      res.once('data', () => {
        req.destroy();
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
  });
}

const downloads = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', 'download')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a download the browser gives up on', () => {
  it('ends quietly, report after report and format after format: the server keeps serving and the next download completes', async () => {
    const { last, first } = (await t.db
      .selectFrom('day_end_runs')
      .select((eb) => [eb.fn.max('business_date').as('last'), eb.fn.min('business_date').as('first')])
      .where('status', '=', 'completed')
      .executeTakeFirstOrThrow()) as unknown as { last: string; first: string };
    const before = await downloads();
    for (const format of ['xlsx', 'csv', 'pdf']) {
      for (let i = 0; i < 3; i++) {
        const status = await cancelAfterFirstBytes(
          `/api/reports/fund_ledger/${format}?date_from=${first}&date_to=${last}`,
        );
        expect(status).toBe(200);
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    expect(uncaught).toEqual([]);
    // still serving, and the database is free for the next download, which completes and is audited
    const me = await fetch(`http://127.0.0.1:${port}/api/auth/me`, { headers: { cookie: clerk.cookie } });
    expect(me.status).toBe(200);
    const whole = await fetch(
      `http://127.0.0.1:${port}/api/reports/fund_ledger/csv?date_from=${first}&date_to=${last}`,
      {
        headers: { cookie: clerk.cookie },
      },
    );
    expect(whole.status).toBe(200);
    expect((await whole.text()).length).toBeGreaterThan(1000);
    expect(await downloads()).toBeGreaterThan(before);
  });
});

describe('webStream', () => {
  it('over a real socket: a body still being written when the client drops stops being written, and nothing is thrown', async () => {
    let src: PassThrough | undefined;
    const slow = serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch: () => {
        src = new PassThrough();
        const s = src;
        // 64 KB every 5 ms, as a renderer would, until the stream is gone
        const tick = setInterval(() => {
          if (s.destroyed) {
            clearInterval(tick);
            return;
          }
          s.write(Buffer.alloc(65_536, 0x41));
        }, 5);
        return new Response(webStream(s));
      },
    });
    await once(slow, 'listening');
    const { port: p } = slow.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port: p, path: '/' }, (res) =>
        res.once('data', () => {
          req.destroy();
          resolve();
        }),
      );
      req.on('error', () => undefined);
    });
    for (let i = 0; i < 100 && !src?.destroyed; i++) await new Promise((r) => setTimeout(r, 20));
    expect(src?.destroyed).toBe(true);
    expect(uncaught).toEqual([]);
    await new Promise((r) => slow.close(r));
  });

  it('passes the bytes through and ends', async () => {
    const src = new PassThrough();
    const body = new Response(webStream(src)).text();
    src.write('序号,');
    src.end('金额\r\n');
    expect(await body).toBe('序号,金额\r\n');
  });

  it('a cancel destroys the source with an error; what the source writes afterwards goes nowhere', async () => {
    const src = new PassThrough();
    const reader = webStream(src).getReader();
    src.write('a');
    await reader.read();
    await reader.cancel();
    expect(src.destroyed).toBe(true);
    expect(() => src.write('b')).not.toThrow();
    await new Promise((r) => setImmediate(r));
    expect(uncaught).toEqual([]);
  });
});

describe("the renderers' drain", () => {
  it('fails at once when the download is gone, instead of waiting for a drain that never comes', async () => {
    const { drain } = await import('../../../reports/src/render/drain.js');
    const out = new PassThrough({ highWaterMark: 1 });
    out.write('x'.repeat(10));
    const waiting = drain(out, out);
    out.destroy();
    await expect(waiting).rejects.toThrow('the download was closed');
    await expect(drain(out, out)).rejects.toThrow('the download was closed');
  });
});
