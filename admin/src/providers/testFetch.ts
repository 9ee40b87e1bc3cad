import { vi } from 'vitest';

export interface Call {
    url: string;
    method: string;
    headers: Headers;
    body: unknown;
    credentials?: RequestCredentials;
}

type Responder = (call: Call) => Response | Promise<Response>;

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
    });

/** Stubs the global fetch with a responder and records every call for assertions. */
export const stubFetch = (responder: Responder) => {
    const calls: Call[] = [];
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
        const call: Call = {
            url: String(input),
            method: (init.method ?? 'GET').toUpperCase(),
            headers: new Headers(init.headers),
            body: typeof init.body === 'string' && init.body ? JSON.parse(init.body) : init.body,
            credentials: init.credentials,
        };
        calls.push(call);
        return responder(call);
    });
    vi.stubGlobal('fetch', fetchMock);
    return calls;
};

export const ME = {
    id: 7,
    username: 'teller',
    name: '王柜员',
    branch: { id: 2, code: '0201', name: '上海浦东营业部', is_head_office: false },
    roles: [{ id: 3, code: 'teller', name: '柜员' }],
    permissions: ['operators.list', 'operators.show', 'roles.list', 'audit_log.list'],
    all_branches: false,
    must_change_password: false,
    csrf_token: 'csrf-123',
};
