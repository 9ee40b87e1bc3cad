/** The caller's address as a person reads it: an IPv4 client on a dual-stack socket is 127.0.0.1, not ::ffff:127.0.0.1. */
export const readableIp = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address: with TRUST_PROXY=1 (config.ts), the right-most `X-Forwarded-For` entry —
 * the one our own proxy appended; anything left of it came from the client and may be forged —
 * else the socket's.
 */
export function clientAddress(socket: string, forwardedFor: string | undefined, trustProxy: boolean): string {
  const last = trustProxy ? forwardedFor?.split(',').at(-1)?.trim() : undefined;
  return readableIp(last || socket).slice(0, 64);
}
