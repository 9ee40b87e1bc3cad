import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from 'react-admin';
import { httpClient, toHttpError } from './httpClient';
import { setCurrentLocale } from './locale';
import { clearSession, getCsrfToken, setMe } from './session';
import { ME, jsonResponse, stubFetch } from './testFetch';

beforeEach(() => {
    clearSession();
    setCurrentLocale('zh-CN');
});
afterEach(() => vi.unstubAllGlobals());

describe('toHttpError', () => {
    it('maps field errors to body.errors with root.serverError for react-admin forms', () => {
        const error = toHttpError(400, 'Bad Request', {
            error: {
                code: 'VALIDATION_FAILED',
                message: '输入有误',
                fields: { role_ids: '角色组合冲突：系统管理员不能兼任清算员' },
            },
            request_id: 'r1',
        });
        expect(error).toBeInstanceOf(HttpError);
        expect(error.message).toBe('输入有误');
        expect(error.status).toBe(400);
        expect(error.body.errors).toEqual({
            role_ids: '角色组合冲突：系统管理员不能兼任清算员',
            root: { serverError: '输入有误' },
        });
        expect(error.body.error.code).toBe('VALIDATION_FAILED');
        expect(error.body.request_id).toBe('r1');
    });

    it('has no body.errors without fields, so react-admin shows a plain notification', () => {
        const error = toHttpError(403, 'Forbidden', { error: { code: 'FORBIDDEN', message: '无权限' } });
        expect(error.message).toBe('无权限');
        expect(error.body.errors).toBeUndefined();
    });

    it('falls back to the status text, then to a translatable key', () => {
        expect(toHttpError(502, 'Bad Gateway', undefined).message).toBe('Bad Gateway');
        expect(toHttpError(500, '', 'not json').message).toBe('ra.notification.http_error');
    });
});

describe('httpClient', () => {
    it('returns status, headers, body and json on success, with the same-origin cookie', async () => {
        const calls = stubFetch(() => jsonResponse(200, [{ id: 1 }], { 'Content-Range': 'operators 0-0/1' }));
        const response = await httpClient('/api/operators');
        expect(response.json).toEqual([{ id: 1 }]);
        expect(response.headers.get('Content-Range')).toBe('operators 0-0/1');
        expect(calls[0].credentials).toBe('same-origin');
    });

    it('throws HttpError with the server message on a non-2xx answer', async () => {
        stubFetch(() =>
            jsonResponse(409, {
                error: { code: 'CONFLICT', message: '记录已被他人修改，请刷新后重试' },
                request_id: 'x',
            }),
        );
        await expect(httpClient('/api/operators/1', { method: 'PUT', body: '{}' })).rejects.toMatchObject({
            status: 409,
            message: '记录已被他人修改，请刷新后重试',
        });
    });

    it('sends Accept-Language following the UI locale', async () => {
        const calls = stubFetch(() => jsonResponse(200, {}));
        await httpClient('/api/operators/1');
        setCurrentLocale('en');
        await httpClient('/api/operators/1');
        setCurrentLocale('fr');
        await httpClient('/api/operators/1');
        expect(calls.map((c) => c.headers.get('Accept-Language'))).toEqual(['zh-CN', 'en', 'zh-CN']);
    });

    it('sends X-CSRF-Token on non-GET requests only', async () => {
        setMe(ME);
        const calls = stubFetch(() => jsonResponse(200, {}));
        await httpClient('/api/operators');
        await httpClient('/api/operators', { method: 'POST', body: '{}' });
        await httpClient('/api/operators/1', { method: 'PUT', body: '{}' });
        await httpClient('/api/operators/1', {
            method: 'DELETE',
            headers: new Headers({ 'Content-Type': 'text/plain' }),
        });
        expect(calls.map((c) => [c.method, c.headers.get('X-CSRF-Token')])).toEqual([
            ['GET', null],
            ['POST', 'csrf-123'],
            ['PUT', 'csrf-123'],
            ['DELETE', 'csrf-123'],
        ]);
        expect(calls[1].headers.get('Content-Type')).toBe('application/json');
        expect(calls[3].headers.get('Content-Type')).toBe('text/plain');
    });

    it('refetches /api/auth/me for the token when it is not in memory (after a reload)', async () => {
        const calls = stubFetch((call) =>
            call.url === '/api/auth/me'
                ? jsonResponse(200, { ...ME, csrf_token: 'fresh' })
                : new Response(null, { status: 204 }),
        );
        await httpClient('/api/operators/1/disable', { method: 'POST' });
        expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/auth/me', 'POST /api/operators/1/disable']);
        expect(calls[1].headers.get('X-CSRF-Token')).toBe('fresh');
        expect(getCsrfToken()).toBe('fresh');
    });

    it('does not fetch /me before signing in', async () => {
        const calls = stubFetch(() => jsonResponse(200, ME));
        await httpClient('/api/auth/login', { method: 'POST', body: '{}' });
        expect(calls.map((c) => c.url)).toEqual(['/api/auth/login']);
        expect(calls[0].headers.get('X-CSRF-Token')).toBeNull();
    });

    it('retries once with a fresh token when the server rejects a stale one', async () => {
        setMe({ ...ME, csrf_token: 'stale' });
        const calls = stubFetch((call) => {
            if (call.url === '/api/auth/me') return jsonResponse(200, { ...ME, csrf_token: 'fresh' });
            return call.headers.get('X-CSRF-Token') === 'fresh'
                ? jsonResponse(200, { ok: true })
                : jsonResponse(403, { error: { code: 'CSRF_FAILED', message: 'CSRF 校验失败' } });
        });
        const response = await httpClient('/api/roles', { method: 'POST', body: '{}' });
        expect(response.json).toEqual({ ok: true });
        expect(calls.map((c) => c.headers.get('X-CSRF-Token'))).toEqual(['stale', null, 'fresh']);
    });

    it('handles an empty 204 body', async () => {
        setMe(ME);
        stubFetch(() => new Response(null, { status: 204 }));
        const response = await httpClient('/api/auth/logout', { method: 'POST' });
        expect(response.status).toBe(204);
        expect(response.json).toBeUndefined();
    });
});
