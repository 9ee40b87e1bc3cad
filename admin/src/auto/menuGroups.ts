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
 * ones the caller places (`extra`), keeping only names `registered` with react-admin and, when
 * given, `visible` to the operator (the list they may open); a group left without an item is left
 * out, heading and all.
 */
export const menuGroups = (
    resources: Pick<ResourceMeta, 'name' | 'group'>[],
    options: {
        extra?: Partial<Record<ResourceGroup, string[]>>;
        registered?: (name: string) => boolean;
        visible?: (name: string) => boolean;
    } = {},
): MenuGroup[] =>
    GROUP_ORDER.map((group) => {
        const names = [
            ...resources.filter((r) => r.group === group).map((r) => r.name),
            ...(options.extra?.[group] ?? []),
        ];
        const unique = [...new Set(names)].filter(
            (name) => (options.registered?.(name) ?? true) && (options.visible?.(name) ?? true),
        );
        return { group, resources: unique };
    }).filter((g) => g.resources.length > 0);

/** Every resource name the menu may show (declared and extra), to ask once which the operator may list. */
export const menuResourceNames = (
    resources: Pick<ResourceMeta, 'name' | 'group'>[],
    extra?: Partial<Record<ResourceGroup, string[]>>,
): string[] => [...new Set([...resources.map((r) => r.name), ...Object.values(extra ?? {}).flat()])];
