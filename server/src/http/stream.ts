import type { Readable } from 'node:stream';

/**
 * A Node stream as the web stream a Hono response body takes, safe against a client that goes
 * away. `Readable.toWeb` keeps pushing after the response was cancelled and throws
 * ERR_INVALID_STATE ("Controller is already closed") outside any handler, which ended the whole
 * server when a browser cancelled a download. Here a cancel destroys the source with an error, so
 * the renderer writing into it stops (and releases its database cursor), and nothing is enqueued
 * after the end. Backpressure: the source pauses while the web stream's queue is full.
 */
export function webStream(source: Readable): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        source.on('data', (chunk: Buffer | string) => {
          if (done) return;
          controller.enqueue(typeof chunk === 'string' ? Buffer.from(chunk) : new Uint8Array(chunk));
          if ((controller.desiredSize ?? 1) <= 0) source.pause();
        });
        source.once('end', () => {
          if (done) return;
          done = true;
          controller.close();
        });
        // a listener for good: an error after the end or after a cancel is expected, never uncaught
        source.on('error', (e) => {
          if (done) return;
          done = true;
          controller.error(e);
        });
      },
      pull() {
        source.resume();
      },
      cancel() {
        done = true;
        source.destroy(new Error('the download was closed'));
      },
    },
    { highWaterMark: 16 },
  );
}
