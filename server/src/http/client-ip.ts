/** The caller's address as a person reads it: an IPv4 client on a dual-stack socket is 127.0.0.1, not ::ffff:127.0.0.1. */
export const readableIp = (address: string): string => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
