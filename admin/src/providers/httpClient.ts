import { HttpError } from 'react-admin';
import { getCurrentLocale } from './locale';
import { getCsrfToken, setMe, type Me } from './session';

export const API_URL = '/api';
export const ME_URL = `${API_URL}/auth/me`;
const LOGIN_URL = `${API_URL}/auth/login`;

export interface HttpResponse<T = any> {
    status: number;
    headers: Headers;
    body: string;
    json: T;
}

/** The server's one error shape (ARCHITECTURE.md "One error shape"). */
export interface ApiErrorBody {
    error?: {
        code?: string;
        message?: string;
        fields?: Record<string, unknown>;
    };
    request_id?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Maps a non-2xx response to react-admin's HttpError. Field messages go to body.errors so
 * react-admin 5 forms show them beside the inputs; root.serverError becomes the notification.
 * Messages are already localized by the server (it reads our Accept-Language).
 */
export const toHttpError = (status: number, statusText: string, json: unknown): HttpError => {
    const body = (json && typeof json === 'object' ? { ...(json as object) } : {}) as ApiErrorBody & {
        errors?: Record<string, unknown>;
    };
    const message = body.error?.message || statusText || 'ra.notification.http_error';
    const fields = body.error?.fields;
    if (fields && typeof fields === 'object' && Object.keys(fields).length > 0) {
        body.errors = { ...fields, root: { serverError: message } };
    }
    return new HttpError(message, status, body);
};

export const errorCode = (error: unknown): string | undefined =>
    (error as { body?: ApiErrorBody } | null)?.body?.error?.code;

const parseJson = (text: string): unknown => {
    if (!text) return undefined;
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
};

const rawRequest = async (url: string, options: RequestInit, csrfToken: string | null): Promise<HttpResponse> => {
    const method = (options.method ?? 'GET').toUpperCase();
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    if (options.body != null && !headers.has('Content-Type') && !(options.body instanceof FormData)) {
        headers.set('Content-Type', 'application/json');
    }
    headers.set('Accept-Language', getCurrentLocale());
    if (!SAFE_METHODS.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);

    const response = await fetch(url, { ...options, method, headers, credentials: 'same-origin' });
    const body = await response.text();
    const json = parseJson(body);
    if (!response.ok) throw toHttpError(response.status, response.statusText, json);
    return { status: response.status, headers: response.headers, body, json };
};

/** GET /api/auth/me, caching the operator (and with it the CSRF token) in memory. */
export const fetchMe = async (): Promise<Me> => {
    const { json } = await rawRequest(ME_URL, {}, null);
    setMe(json as Me);
    return json as Me;
};

/** The CSRF token is only in memory, so after a reload it is fetched again before the first write. */
const ensureCsrfToken = async (url: string): Promise<string | null> => {
    const token = getCsrfToken();
    if (token || url.endsWith(LOGIN_URL)) return token;
    try {
        await fetchMe();
    } catch {
        // Not signed in: send the request anyway and let the server answer 401.
    }
    return getCsrfToken();
};

const isCsrfFailure = (error: unknown): boolean =>
    error instanceof HttpError && error.status === 403 && /CSRF/i.test(errorCode(error) ?? '');

/**
 * fetch wrapper with the contract of react-admin's fetchUtils.fetchJson (what
 * ra-data-simple-rest expects), plus the cookie session's Accept-Language and CSRF headers.
 */
export const httpClient = async (url: string, options: RequestInit = {}): Promise<HttpResponse> => {
    const method = (options.method ?? 'GET').toUpperCase();
    if (SAFE_METHODS.has(method)) return rawRequest(url, options, null);

    const token = await ensureCsrfToken(url);
    try {
        return await rawRequest(url, options, token);
    } catch (error) {
        // A token from an earlier session (e.g. after signing in in another tab): refresh once.
        if (!isCsrfFailure(error)) throw error;
        await fetchMe();
        return rawRequest(url, options, getCsrfToken());
    }
};
