import type { ResourceGroup, ResourceMeta } from './types';

// the day's business first, configuration last
export const GROUP_ORDER: readonly ResourceGroup[] = ['clients', 'trading', 'system'];

export interface MenuGroup {
    group: ResourceGroup;
    /** resource names, declared ones first in the server's order, then `extra` ones */
    resources: string[];
}

/**
 * The menu's resources by group: declared resources where the server put them, plus hand-written
 * ones the caller places (`extra`), keeping only names `registered` with react-admin; empty
 * groups are left out.
 */
export const menuGroups = (
    resources: Pick<ResourceMeta, 'name' | 'group'>[],
    options: { extra?: Partial<Record<ResourceGroup, string[]>>; registered?: (name: string) => boolean } = {},
): MenuGroup[] =>
    GROUP_ORDER.map((group) => {
        const names = [
            ...resources.filter((r) => r.group === group).map((r) => r.name),
            ...(options.extra?.[group] ?? []),
        ];
        const unique = [...new Set(names)].filter((name) => (options.registered ? options.registered(name) : true));
        return { group, resources: unique };
    }).filter((g) => g.resources.length > 0);
