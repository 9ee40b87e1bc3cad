import { describe, expect, it } from 'vitest';
import type { PermissionCatalogEntry } from '../../providers/dataProvider';
import { nameRights } from './pendingChange';

const catalog: PermissionCatalogEntry[] = [
    {
        resource: 'operators',
        category: 'admin',
        actions: ['list', 'show', 'create'],
        label_zh: '柜员',
        label_en: 'Operators',
    },
    {
        resource: 'clients',
        category: 'counter',
        actions: ['list', 'show', 'edit'],
        label_zh: '客户资料',
        label_en: 'Clients',
    },
];
const words: Record<string, string> = { list: '列表', show: '查看', edit: '修改', create: '新增' };

describe('naming the rights of a pending change', () => {
    it('names each right by the catalog, in catalog and action order', () => {
        expect(
            nameRights(['clients.show', 'operators.create', 'clients.list'], catalog, 'zh-CN', (a) => words[a]!),
        ).toEqual([
            { key: 'operators.create', resource: '柜员', action: '新增' },
            { key: 'clients.list', resource: '客户资料', action: '列表' },
            { key: 'clients.show', resource: '客户资料', action: '查看' },
        ]);
    });

    it('in English, and with the code for a resource the catalog does not know', () => {
        expect(nameRights(['trade_details.run', 'clients.edit'], catalog, 'en', (a) => a.toUpperCase())).toEqual([
            { key: 'clients.edit', resource: 'Clients', action: 'EDIT' },
            { key: 'trade_details.run', resource: 'trade_details', action: 'RUN' },
        ]);
    });

    it('nothing to name', () => expect(nameRights([], catalog, 'zh-CN', (a) => a)).toEqual([]));
});
