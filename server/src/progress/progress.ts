import { EventEmitter } from 'node:events';

/**
 * How far a long piece of work is: a day-end run (which step, of how many, how many rows of it)
 * or an export job (rows written of rows expected). Numbers and codes only — the screen and the
 * CLI word them in their reader's language.
 */
export interface Progress {
  /** `state` is the last word once it is not 'running' */
  state: 'running' | 'completed' | 'failed' | 'cancelled';
  /** rows (or files) done of the current piece, and how many are expected (null: not known) */
  done: number;
  expected: number | null;
  /** a run of steps: the running one's code, its 1-based place and how many there are */
  step?: { code: string; index: number; count: number };
  /** an error code when failed (worded by the reader) */
  error?: string;
  /** ms since the work began */
  elapsed_ms: number;
}

/**
 * The progress channel: work publishes under a key (`day_end:<date>`, `export_job:<id>`), readers
 * get the latest state at once and every change after it. It lives in the server's memory, not in
 * the database, because a day-end run is one transaction: nothing it writes is visible until it
 * commits, and on the embedded engine (one connection) no other query runs until then — so the
 * screen subscribes before the run starts and the numbers reach it through this channel.
 */
export class ProgressHub {
  private readonly latest = new Map<string, Progress>();
  private readonly events = new EventEmitter().setMaxListeners(0);
  /** a finished piece stays readable this long, for a reader that arrives just after */
  constructor(private readonly keepMs = 60_000) {}

  publish(key: string, p: Progress): void {
    this.latest.set(key, p);
    this.events.emit(key, p);
    if (p.state !== 'running')
      setTimeout(() => this.latest.get(key) === p && this.latest.delete(key), this.keepMs).unref();
  }

  get(key: string): Progress | undefined {
    return this.latest.get(key);
  }

  /** Calls `fn` with the latest state (if any) and every later one; returns the unsubscribe. */
  subscribe(key: string, fn: (p: Progress) => void): () => void {
    this.events.on(key, fn);
    const now = this.latest.get(key);
    if (now) fn(now);
    return () => this.events.off(key, fn);
  }

  /** Keys currently running whose key starts with `prefix` (the day-end screen: any day's run). */
  running(prefix: string): string[] {
    return [...this.latest].filter(([k, p]) => k.startsWith(prefix) && p.state === 'running').map(([k]) => k);
  }
}

/**
 * A publisher for one piece of work that sends at most every `everyMs` while running (a million
 * rows must not mean a million events) and always sends the first and the last state.
 */
export function progressReporter(hub: ProgressHub | undefined, key: string, everyMs = 250) {
  const t0 = Date.now();
  let last = 0;
  let current: Omit<Progress, 'elapsed_ms'> = { state: 'running', done: 0, expected: null };
  const send = () => hub?.publish(key, { ...current, elapsed_ms: Date.now() - t0 });
  return {
    update(p: Partial<Omit<Progress, 'elapsed_ms' | 'state'>>, force = false) {
      current = { ...current, ...p };
      const now = Date.now();
      if (force || now - last >= everyMs) {
        last = now;
        send();
      }
    },
    finish(state: Exclude<Progress['state'], 'running'>, error?: string) {
      current = { ...current, state, ...(error ? { error } : {}) };
      send();
    },
    get current() {
      return current;
    },
  };
}
export type ProgressReporter = ReturnType<typeof progressReporter>;
