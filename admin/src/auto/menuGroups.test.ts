import { describe, expect, it } from 'vitest';
import { menuGroups } from './menuGroups';

describe('menuGroups', () => {
    const resources = [
        { name: 'markets', group: 'system' as const },
        { name: 'clients', group: 'clients' as const },
        { name: 'seats', group: 'system' as const },
    ];
    it('groups in a fixed order, declared first then extra, only registered names', () => {
        expect(
            menuGroups(resources, { extra: { system: ['operators', 'seats'] }, registered: (n) => n !== 'clients' }),
        ).toEqual([{ group: 'system', resources: ['markets', 'seats', 'operators'] }]);
        expect(menuGroups(resources).map((g) => g.group)).toEqual(['clients', 'system']);
        expect(menuGroups([])).toEqual([]);
    });
});
