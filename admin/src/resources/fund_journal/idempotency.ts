/** What the server accepts as an idempotency key. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,80}$/;

/**
 * A fresh key for one money request: 32 hex digits (128 random bits). The same key is sent again
 * on a retry or a double click, so the server posts once; a new one is made only after a success.
 * crypto.randomUUID exists only on secure origins (https, localhost); a counter PC reaching the
 * server over plain http on the branch LAN still has crypto.getRandomValues.
 */
export const newIdempotencyKey = (): string => {
    if (typeof crypto.randomUUID === 'function') return crypto.randomUUID().replace(/-/g, '');
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};
