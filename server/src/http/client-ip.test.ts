import { describe, expect, it } from 'vitest';
import { readableIp } from './client-ip.js';

describe('readableIp', () => {
  it('shows an IPv4 client as IPv4 and leaves real IPv6 addresses alone', () => {
    expect(readableIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(readableIp('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(readableIp('::1')).toBe('::1');
    expect(readableIp('2001:db8::ffff:1')).toBe('2001:db8::ffff:1');
    expect(readableIp('')).toBe('');
  });
});
