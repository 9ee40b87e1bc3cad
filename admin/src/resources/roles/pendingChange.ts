import type { PermissionCatalogEntry } from '../../providers/dataProvider';

/** A change of a role's rights waiting for 复核, as GET /api/roles/:id gives it (`pending_change`). */
export interface PendingChange {
    approval_id: number;
    maker: string;
    submitted_at: string;
    added: string[];
    removed: string[];
    all_branches: { from: boolean; to: boolean } | null;
}

/** A right by name: the resource as the catalog names it in the UI language, and the action. */
export interface RightName {
    key: string;
    resource: string;
    action: string;
}

/**
 * Names rights (`clients.show`) as people read them (客户资料 · 查看): the catalog's label in the
 * UI language, else the resource's code; the action through `actionLabel` (the i18n words).
 * Sorted as the catalog lists resources, then by the matrix's action order.
 */
export const nameRights = (
    keys: readonly string[],
    catalog: readonly PermissionCatalogEntry[],
    locale: string,
    actionLabel: (action: string) => string,
): RightName[] => {
    const order = new Map(catalog.map((entry, i) => [entry.resource, i]));
    const english = locale.startsWith('en');
    return keys
        .map((key) => {
            const dot = key.lastIndexOf('.');
            const resource = dot < 0 ? key : key.slice(0, dot);
            const action = dot < 0 ? '' : key.slice(dot + 1);
            const entry = catalog.find((e) => e.resource === resource);
            const label = (entry && (english ? entry.label_en : entry.label_zh)) || resource;
            return {
                key,
                resource: label,
                action: action ? actionLabel(action) : '',
                rank: order.get(resource) ?? 1e9,
                at: entry?.actions.indexOf(action) ?? 0,
            };
        })
        .sort((a, b) => a.rank - b.rank || a.at - b.at || a.key.localeCompare(b.key))
        .map(({ key, resource, action }) => ({ key, resource, action }));
};
