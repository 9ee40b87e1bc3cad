import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from './dataProvider';
import { clearSession, setMe } from './session';
import { ME, jsonResponse, stubFetch } from './testFetch';

beforeEach(() => setMe(ME));
afterEach(() => {
    clearSession();
    vi.unstubAllGlobals();
});

describe('dataProvider', () => {
    it('lists with ra-data-simple-rest query parameters and Content-Range', async () => {
        const calls = stubFetch(() => jsonResponse(200, [{ id: 1 }], { 'Content-Range': 'operators 0-24/31' }));
        const result = await dataProvider.getList('operators', {
            pagination: { page: 1, perPage: 25 },
            sort: { field: 'username', order: 'ASC' },
            filter: { q: '王', status: 'active' },
        });
        expect(result).toEqual({ data: [{ id: 1 }], total: 31 });
        const url = new URL(calls[0].url, 'http://x');
        expect(url.pathname).toBe('/api/operators');
        expect(url.searchParams.get('sort')).toBe('["username","ASC"]');
        expect(url.searchParams.get('range')).toBe('[0,24]');
        expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ q: '王', status: 'active' });
    });

    it('pages without a total when the server did not count the list (Content-Range …/*)', async () => {
        const page = Array.from({ length: 25 }, (_, i) => ({ id: i + 26 }));
        stubFetch(() => jsonResponse(200, page, { 'Content-Range': 'clients 25-49/*' }));
        const result = await dataProvider.getList('clients', {
            pagination: { page: 2, perPage: 25 },
            sort: { field: 'id', order: 'ASC' },
            filter: {},
        });
        expect(result).toEqual({ data: page, pageInfo: { hasPreviousPage: true, hasNextPage: true } });
        stubFetch(() => jsonResponse(200, [{ id: 51 }], { 'Content-Range': 'clients 50-50/*' }));
        const last = await dataProvider.getList('clients', {
            pagination: { page: 3, perPage: 25 },
            sort: { field: 'id', order: 'ASC' },
            filter: {},
        });
        expect(last.pageInfo).toEqual({ hasPreviousPage: true, hasNextPage: false });
        expect(last.total).toBeUndefined();
    });

    it('posts the operator actions with the CSRF token', async () => {
        const calls = stubFetch((call) =>
            call.url.endsWith('reset_password')
                ? new Response(null, { status: 204 })
                : jsonResponse(200, { id: 5, status: 'disabled' }),
        );
        expect(await dataProvider.disableOperator(5)).toEqual({ data: { id: 5, status: 'disabled' } });
        await dataProvider.enableOperator(5);
        await dataProvider.resetOperatorPassword(5, 'Temp#2026');
        expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
            'POST /api/operators/5/disable',
            'POST /api/operators/5/enable',
            'POST /api/operators/5/reset_password',
        ]);
        expect(calls[2].body).toEqual({ password: 'Temp#2026' });
        expect(calls.every((c) => c.headers.get('X-CSRF-Token') === 'csrf-123')).toBe(true);
    });

    it('changes the own password', async () => {
        const calls = stubFetch(() => new Response(null, { status: 204 }));
        await dataProvider.changeOwnPassword('old', 'new');
        expect(calls[0]).toMatchObject({
            method: 'POST',
            url: '/api/auth/password',
            body: { current_password: 'old', new_password: 'new' },
        });
    });

    it('returns the deleted record even when DELETE answers 204', async () => {
        stubFetch(() => new Response(null, { status: 204 }));
        const result = await dataProvider.delete('roles', { id: 9, previousData: { id: 9, code: 'x' } });
        expect(result).toEqual({ data: { id: 9, code: 'x' } });
    });

    it('reads the permission catalog as a plain array', async () => {
        const catalog = [
            { resource: 'operators', category: 'admin', actions: ['list'], label_zh: '柜员', label_en: 'Operators' },
        ];
        stubFetch(() => jsonResponse(200, catalog));
        expect(await dataProvider.getPermissionCatalog()).toEqual(catalog);
    });
});
