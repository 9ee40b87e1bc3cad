import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Progress, ProgressHub } from '../progress/progress.js';

/** A comment line this often keeps proxies and the browser from taking a quiet stream for a dead one. */
export const HEARTBEAT_MS = 15_000;
/** How long a `wait` stream waits for a run to begin. */
export const WAIT_MS = 10_000;

export interface ProgressStreamOptions {
  /**
   * Wait for the next run: a finished state already in the hub (an earlier run's, kept a minute)
   * is not sent, and the stream stays open until a run under the key finishes. The screen opens
   * the stream this way just before it starts the work. Without it, a key with nothing on it
   * ends the stream at once (empty), so a reader never hangs on work that is not there.
   */
  wait?: boolean;
  /**
   * How long `wait` waits for the run's first state (default 10 s): the screen posts the run as
   * soon as it is subscribed, so a run that never starts (refused, or never asked) must not hold
   * the stream open for good.
   */
  waitMs?: number;
  heartbeatMs?: number;
}

/**
 * The progress of one piece of work (`key` in `hub`) as Server-Sent Events: the latest state at
 * once, then every change, each as `event: progress` with the Progress as JSON; the stream ends
 * after the first state that is not 'running'. Reads memory only, never the database — on the
 * embedded engine a day-end run holds the one connection until it commits, and this stream must
 * keep flowing meanwhile. The publisher is never held up by a slow reader: states queue here, a
 * waiting state replaced by a newer one of the same step (so every step reaches the reader, and
 * the queue stays as short as the list of steps). A client that goes away unsubscribes.
 */
export function progressStream(c: Context, hub: ProgressHub, key: string, opts: ProgressStreamOptions = {}) {
  return streamSSE(c, async (stream) => {
    const queue: Progress[] = [];
    let wake: (() => void) | undefined;
    let gone = false;
    let first = true;
    const unsubscribe = hub.subscribe(key, (p) => {
      // the state found on subscribing is an earlier run's when it is final and the reader waits for the next
      const stale = first && opts.wait && p.state !== 'running';
      first = false;
      if (stale) return;
      const last = queue.at(-1);
      if (last && last.state === 'running' && last.step?.code === p.step?.code) queue[queue.length - 1] = p;
      else queue.push(p);
      wake?.();
    });
    first = false;
    const stop = () => {
      gone = true;
      wake?.();
    };
    stream.onAbort(stop);
    c.req.raw.signal?.addEventListener('abort', stop);
    if (!queue.length && !opts.wait) {
      unsubscribe();
      return;
    }
    // at once, so the reader knows it is subscribed (the screen starts the work only then)
    await stream.write(': subscribed\n\n');
    const heartbeat = setInterval(() => void stream.write(': heartbeat\n\n'), opts.heartbeatMs ?? HEARTBEAT_MS);
    let heard = queue.length > 0;
    const giveUp = setTimeout(() => !heard && stop(), opts.waitMs ?? WAIT_MS);
    try {
      while (!gone) {
        const p = queue.shift();
        if (!p) {
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
          continue;
        }
        heard = true;
        await stream.writeSSE({ event: 'progress', data: JSON.stringify(p) });
        if (p.state !== 'running') break;
      }
    } finally {
      clearTimeout(giveUp);
      clearInterval(heartbeat);
      unsubscribe();
      c.req.raw.signal?.removeEventListener('abort', stop);
    }
  });
}
