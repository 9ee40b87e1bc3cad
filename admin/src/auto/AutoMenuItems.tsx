import { ListSubheader } from '@mui/material';
import { Fragment } from 'react';
import { Menu, useCanAccessResources, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import { useResourceMeta } from './meta';
import { menuGroups, menuResourceNames } from './menuGroups';
import type { ResourceGroup } from './types';

/**
 * Menu items of the declared resources, under their group's heading (系统管理 …). Each item
 * shows only when the operator may open its list (canAccess, asked once for every item), and a
 * group without such an item shows no heading either. `extra` places hand-written resources
 * (operators, roles, approvals …) in a group too.
 */
export const AutoMenuItems = ({ extra }: { extra?: Partial<Record<ResourceGroup, string[]>> }) => {
    const { data } = useResourceMeta();
    const definitions = useResourceDefinitions();
    const translate = useTranslate();
    const [open] = useSidebarState();
    const { canAccess } = useCanAccessResources({
        action: 'list',
        resources: menuResourceNames(data?.resources ?? [], extra),
    });
    // until the rights are known, nothing: a heading must not show for items that may never come
    const groups = menuGroups(data?.resources ?? [], {
        extra,
        registered: (name) => !!definitions[name]?.hasList,
        visible: (name) => canAccess?.[name] === true,
    });
    return (
        <>
            {groups.map((g) => (
                <Fragment key={g.group}>
                    {open && (
                        <ListSubheader
                            disableSticky
                            sx={{
                                lineHeight: '32px',
                                mt: 1,
                                bgcolor: 'transparent',
                                color: 'text.secondary',
                                fontSize: 12,
                            }}
                        >
                            {translate(`auto.menu.groups.${g.group}`)}
                        </ListSubheader>
                    )}
                    {g.resources.map((name) => (
                        <Menu.ResourceItem key={name} name={name} />
                    ))}
                </Fragment>
            ))}
        </>
    );
};
