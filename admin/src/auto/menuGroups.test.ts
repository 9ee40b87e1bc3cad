import { describe, expect, it } from 'vitest';
import { menuGroups, menuResourceNames } from './menuGroups';

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

    it('leaves out a group none of whose items the operator may open, heading and all', () => {
        const extra = { clients: ['clients', 'fund_accounts'], trading: ['orders'] };
        const visible = new Set(['markets', 'orders']);
        expect(menuGroups(resources, { extra, visible: (n) => visible.has(n) })).toEqual([
            { group: 'trading', resources: ['orders'] },
            { group: 'system', resources: ['markets'] },
        ]);
        expect(menuGroups(resources, { extra, visible: () => false })).toEqual([]);
    });

    it('names every resource once, to ask which may be listed', () => {
        expect(menuResourceNames(resources, { system: ['operators', 'seats'], clients: ['clients'] })).toEqual([
            'markets',
            'clients',
            'seats',
            'operators',
        ]);
    });
});
