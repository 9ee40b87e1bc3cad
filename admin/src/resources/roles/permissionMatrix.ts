import type { PermissionCatalogEntry } from '../../providers/dataProvider';

/** Column order of the matrix (DOMAIN.md §8: the actions a right can grant). */
export const MATRIX_ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'export', 'approve', 'run'] as const;

/** Category order: system administration first, then counter business, money, queries, reports; unknown ones last. */
export const CATEGORY_ORDER = ['admin', 'counter', 'money', 'query', 'report'];

export interface CatalogGroup {
    category: string;
    entries: PermissionCatalogEntry[];
}

export const permissionKey = (resource: string, action: string) => `${resource}.${action}`;

/** Groups the catalog by category, keeping the server's order of resources within a group. */
export const groupCatalog = (catalog: PermissionCatalogEntry[]): CatalogGroup[] => {
    const groups = new Map<string, PermissionCatalogEntry[]>();
    for (const entry of catalog) {
        const list = groups.get(entry.category) ?? [];
        list.push(entry);
        groups.set(entry.category, list);
    }
    const rank = (category: string) => {
        const index = CATEGORY_ORDER.indexOf(category);
        return index === -1 ? CATEGORY_ORDER.length : index;
    };
    return [...groups.entries()]
        .map(([category, entries]) => ({ category, entries }))
        .sort((a, b) => rank(a.category) - rank(b.category) || a.category.localeCompare(b.category));
};

/** Adds or removes one permission, keeping the list sorted and free of duplicates. */
export const togglePermission = (value: readonly string[], key: string, checked: boolean): string[] => {
    const set = new Set(value);
    if (checked) set.add(key);
    else set.delete(key);
    return [...set].sort();
};

export type RowState = 'all' | 'some' | 'none';

export const rowState = (value: readonly string[], entry: PermissionCatalogEntry): RowState => {
    const granted = entry.actions.filter((action) => value.includes(permissionKey(entry.resource, action))).length;
    if (granted === 0) return 'none';
    return granted === entry.actions.length ? 'all' : 'some';
};

/** Grants or revokes every action of one resource; other resources' permissions are untouched. */
export const toggleRow = (value: readonly string[], entry: PermissionCatalogEntry, checked: boolean): string[] =>
    entry.actions.reduce<string[]>(
        (acc, action) => togglePermission(acc, permissionKey(entry.resource, action), checked),
        [...value],
    );
