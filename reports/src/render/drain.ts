import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Waits until `stream` drains — or fails once `out` (the download) is gone: a download the
 * browser gave up on must stop the renderer, which would otherwise wait for a 'drain' that never
 * comes and hold its database cursor for good.
 */
export async function drain(stream: NodeJS.EventEmitter, out: Writable): Promise<void> {
  if (out.destroyed) throw new Error('the download was closed');
  const stop = new AbortController();
  try {
    await Promise.race([
      once(stream, 'drain', { signal: stop.signal }),
      once(out, 'close', { signal: stop.signal }).then(() => {
        throw new Error('the download was closed');
      }),
    ]);
  } finally {
    stop.abort();
  }
}
