import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authProvider, hasPermission, CHANGE_PASSWORD_PATH } from './authProvider';
import { toHttpError } from './httpClient';
import { clearSession, getMe, setMe } from './session';
import { ME, jsonResponse, stubFetch } from './testFetch';

beforeEach(() => clearSession());
afterEach(() => vi.unstubAllGlobals());

describe('hasPermission / canAccess', () => {
    it('allows exactly the "<resource>.<action>" permissions of the operator', async () => {
        setMe(ME);
        const canAccess = authProvider.canAccess!;
        expect(await canAccess({ resource: 'operators', action: 'list' })).toBe(true);
        expect(await canAccess({ resource: 'operators', action: 'edit' })).toBe(false);
        expect(await canAccess({ resource: 'roles', action: 'delete' })).toBe(false);
        expect(await canAccess({ resource: 'audit_log', action: 'list' })).toBe(true);
        expect(await canAccess({ resource: 'branches', action: 'list' })).toBe(false);
    });

    it('opens the signed-in pages to everyone signed in, nothing to nobody', () => {
        expect(hasPermission(ME, 'openapi', 'list')).toBe(true);
        expect(hasPermission(null, 'openapi', 'list')).toBe(false);
        expect(hasPermission(null, 'operators', 'list')).toBe(false);
    });

    it('hides edit and delete of built-in roles', async () => {
        setMe({ ...ME, permissions: ['roles.edit', 'roles.delete'] });
        const canAccess = authProvider.canAccess!;
        expect(await canAccess({ resource: 'roles', action: 'edit', record: { id: 1, built_in: true } })).toBe(false);
        expect(await canAccess({ resource: 'roles', action: 'delete', record: { id: 1, built_in: true } })).toBe(false);
        expect(await canAccess({ resource: 'roles', action: 'edit', record: { id: 2, built_in: false } })).toBe(true);
        expect(await canAccess({ resource: 'roles', action: 'edit' })).toBe(true);
    });

    it('fetches /me once when nothing is cached, and says no when not signed in', async () => {
        const calls = stubFetch(() => jsonResponse(200, ME));
        expect(await authProvider.canAccess!({ resource: 'operators', action: 'show' })).toBe(true);
        expect(await authProvider.canAccess!({ resource: 'operators', action: 'list' })).toBe(true);
        expect(calls).toHaveLength(1);
        clearSession();
        stubFetch(() => jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
        expect(await authProvider.canAccess!({ resource: 'operators', action: 'list' })).toBe(false);
    });
});

describe('authProvider', () => {
    it('login posts the credentials and caches the operator', async () => {
        const calls = stubFetch(() => jsonResponse(200, ME));
        expect(await authProvider.login({ username: 'teller', password: 'pw' })).toBeUndefined();
        expect(calls[0]).toMatchObject({
            method: 'POST',
            url: '/api/auth/login',
            body: { username: 'teller', password: 'pw' },
        });
        expect(getMe()?.csrf_token).toBe('csrf-123');
    });

    it('login sends an operator with an initial password to the change-password page', async () => {
        stubFetch(() => jsonResponse(200, { ...ME, must_change_password: true }));
        expect(await authProvider.login({ username: 'teller', password: 'pw' })).toEqual({
            redirectTo: CHANGE_PASSWORD_PATH,
        });
    });

    it('login rejects with the server message (locked, wrong password…)', async () => {
        stubFetch(() =>
            jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '账户已锁定，请15分钟后再试' } }),
        );
        await expect(authProvider.login({ username: 'x', password: 'y' })).rejects.toThrow(
            '账户已锁定，请15分钟后再试',
        );
    });

    it('logout posts with the CSRF token and forgets the operator', async () => {
        setMe(ME);
        const calls = stubFetch(() => new Response(null, { status: 204 }));
        await authProvider.logout({});
        expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/auth/logout' });
        expect(calls[0].headers.get('X-CSRF-Token')).toBe('csrf-123');
        expect(getMe()).toBeNull();
    });

    it('checkAuth uses the cache, else GET /me; 401 rejects quietly', async () => {
        const calls = stubFetch(() => jsonResponse(200, ME));
        await authProvider.checkAuth({});
        await authProvider.checkAuth({});
        expect(calls).toHaveLength(1);
        clearSession();
        stubFetch(() => jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
        await expect(authProvider.checkAuth({})).rejects.toEqual({ message: false });
    });

    it('checkError: 401 logs out, PASSWORD_CHANGE_REQUIRED redirects without logout, other 403 stays', async () => {
        setMe(ME);
        await expect(
            authProvider.checkError(
                toHttpError(401, '', { error: { code: 'UNAUTHENTICATED', message: '会话已过期' } }),
            ),
        ).rejects.toEqual({ message: '会话已过期' });
        expect(getMe()).toBeNull();

        setMe(ME);
        await expect(
            authProvider.checkError(
                toHttpError(403, '', { error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码' } }),
            ),
        ).rejects.toEqual({ logoutUser: false, redirectTo: CHANGE_PASSWORD_PATH, message: '请先修改密码' });
        expect(getMe()?.must_change_password).toBe(true);

        await expect(
            authProvider.checkError(toHttpError(403, '', { error: { code: 'FORBIDDEN', message: '无权限' } })),
        ).resolves.toBeUndefined();
        await expect(authProvider.checkError(toHttpError(400, '', {}))).resolves.toBeUndefined();
    });

    it('getIdentity shows the name with the branch', async () => {
        setMe(ME);
        expect(await authProvider.getIdentity!()).toMatchObject({
            id: 7,
            fullName: '王柜员 · 上海浦东营业部',
            must_change_password: false,
        });
        expect(await authProvider.getPermissions!({})).toEqual(ME.permissions);
    });
});
