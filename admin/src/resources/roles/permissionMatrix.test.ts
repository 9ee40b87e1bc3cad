import { describe, expect, it } from 'vitest';
import { groupCatalog, rowState, toggleRow, togglePermission } from './permissionMatrix';

const entry = (resource: string, category: string, actions: string[]) => ({
    resource,
    category,
    actions,
    label_zh: resource,
    label_en: resource,
});

describe('permission matrix', () => {
    const catalog = [
        entry('reports', 'report', ['list', 'run']),
        entry('operators', 'admin', ['list', 'show', 'create', 'edit']),
        entry('fund_journal', 'money', ['list', 'create', 'approve']),
        entry('roles', 'admin', ['list', 'edit']),
        entry('misc', 'other', ['list']),
    ];

    it('groups by category in the fixed order, unknown categories last', () => {
        expect(groupCatalog(catalog).map((g) => [g.category, g.entries.map((e) => e.resource)])).toEqual([
            ['admin', ['operators', 'roles']],
            ['money', ['fund_journal']],
            ['report', ['reports']],
            ['other', ['misc']],
        ]);
    });

    it('toggles one permission without duplicates', () => {
        expect(togglePermission(['roles.list'], 'operators.list', true)).toEqual(['operators.list', 'roles.list']);
        expect(togglePermission(['roles.list'], 'roles.list', true)).toEqual(['roles.list']);
        expect(togglePermission(['roles.list', 'x.y'], 'roles.list', false)).toEqual(['x.y']);
    });

    it('toggles a whole row and reports its state', () => {
        const operators = catalog[1];
        const all = toggleRow(['roles.list'], operators, true);
        expect(all).toEqual(['operators.create', 'operators.edit', 'operators.list', 'operators.show', 'roles.list']);
        expect(rowState(all, operators)).toBe('all');
        expect(rowState(['operators.list'], operators)).toBe('some');
        expect(rowState(toggleRow(all, operators, false), operators)).toBe('none');
        expect(toggleRow(all, operators, false)).toEqual(['roles.list']);
    });
});
