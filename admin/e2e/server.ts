import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { scratchDatabase } from '../../server/test/scratch-database.js';

export const E2E_PASSWORD = 'E2eDemo2026';

export interface RunningServer {
    base: string;
    stop(): Promise<void>;
}

/**
 * Starts the console as a newcomer would (fresh data directory, or a fresh PostgreSQL database
 * when DATABASE_URL is set) on a free port; `demo` sets the demo's scale and days (the bare
 * branch by default, which keeps the browser tests fast and exact).
 */
export async function startServer(
    demo: { scale: number; days: number } = { scale: 0, days: 0 },
): Promise<RunningServer> {
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'bc-e2e-'));
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        DEMO_PASSWORD: E2E_PASSWORD,
        DEMO_SCALE: String(demo.scale),
        DEMO_DAYS: String(demo.days),
    };
    let scratch: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
    if (process.env.DATABASE_URL) {
        scratch = await scratchDatabase(process.env.DATABASE_URL, `bc_e2e_${process.pid}_${port}`);
        env.DATABASE_URL = scratch.url;
    }
    const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const base = `http://localhost:${port}`;
    const deadline = Date.now() + 240_000;
    for (;;) {
        if (server.exitCode !== null) throw new Error(`server exited:\n${log}`);
        try {
            if ((await fetch(`${base}/api/auth/me`)).status === 401) break;
        } catch {
            /* not up yet */
        }
        if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 300));
    }
    return {
        base,
        async stop() {
            server.kill('SIGTERM');
            await new Promise((r) => server.once('exit', r));
            rmSync(dataDir, { recursive: true, force: true });
            await scratch?.drop();
        },
    };
}

/** A port nothing listens on now: the OS picks it. */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.once('error', reject);
        srv.listen(0, () => {
            const { port } = srv.address() as net.AddressInfo;
            srv.close(() => resolve(port));
        });
    });
}
