import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY, newIdempotencyKey } from './idempotency';

describe('newIdempotencyKey', () => {
    it('makes 32 hex digits the server accepts', () => {
        const key = newIdempotencyKey();
        expect(key).toMatch(/^[0-9a-f]{32}$/);
        expect(key).toMatch(IDEMPOTENCY_KEY);
    });

    it('makes a different key each time', () => {
        const keys = new Set(Array.from({ length: 200 }, newIdempotencyKey));
        expect(keys.size).toBe(200);
    });

    it('works without crypto.randomUUID (plain http on the branch LAN)', () => {
        // Shadow the prototype's method with an own property, then remove it again.
        Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
        try {
            const key = newIdempotencyKey();
            expect(key).toMatch(/^[0-9a-f]{32}$/);
            expect(key).toMatch(IDEMPOTENCY_KEY);
        } finally {
            delete (crypto as { randomUUID?: unknown }).randomUUID;
        }
        expect(typeof crypto.randomUUID).toBe('function');
    });

    it('the shape rule matches the server (8–80 of A-Z a-z 0-9 _ -)', () => {
        expect('abc_DEF-1'.match(IDEMPOTENCY_KEY)).not.toBeNull();
        expect('short').not.toMatch(IDEMPOTENCY_KEY);
        expect('has space 123').not.toMatch(IDEMPOTENCY_KEY);
        expect('x'.repeat(81)).not.toMatch(IDEMPOTENCY_KEY);
    });
});
