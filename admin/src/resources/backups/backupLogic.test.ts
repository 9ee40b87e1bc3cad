import { describe, expect, it } from 'vitest';
import { megabytes, restoreState, shortSha } from './backupLogic';

describe('backup rows', () => {
    it.each([
        [0, '0.00'],
        [1, '0.01'],
        [1_048_576, '1.00'],
        [4_565_147, '4.35'],
        [1_610_612_736, '1536.00'],
    ])('%i bytes is %s MB', (bytes, mb) => expect(megabytes(bytes)).toBe(mb));

    it('shortens the digest to 12 hex digits', () => {
        expect(shortSha('9f3a1c07e2b44d5a8c1e0f9b7d6a5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b')).toBe('9f3a1c07e2b4');
    });

    it('offers a restore only for a file on disk with no restore waiting', () => {
        expect(restoreState({ file_present: true, pending_approval_id: null })).toBe('ready');
        expect(restoreState({ file_present: true, pending_approval_id: 12 })).toBe('pending');
        expect(restoreState({ file_present: false, pending_approval_id: 12 })).toBe('missing');
    });
});
