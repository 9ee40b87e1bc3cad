import { describe, expect, it } from 'vitest';
import { filterGroups, parseOpenApi, typeLabel } from './openapi';

const doc = {
    openapi: '3.1.0',
    info: { title: 'Branch console API', version: '0.1.0' },
    servers: [{ url: '/api/' }],
    tags: [{ name: 'auth', description: 'Sign-in' }, { name: 'operators' }],
    components: {
        schemas: {
            OperatorCreate: {
                type: 'object',
                required: ['username', 'role_ids'],
                properties: {
                    username: { type: 'string', description: 'Login name' },
                    role_ids: { type: 'array', items: { type: 'integer' } },
                    status: { type: 'string', enum: ['active', 'disabled'] },
                    phone: { type: ['string', 'null'] },
                },
            },
        },
        parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
    },
    paths: {
        '/api/operators': {
            get: { tags: ['operators'], summary: 'List', 'x-permission': 'operators.list' },
            post: {
                tags: ['operators'],
                summary: 'Create',
                'x-permission': 'operators.create',
                requestBody: {
                    content: { 'application/json': { schema: { $ref: '#/components/schemas/OperatorCreate' } } },
                },
            },
        },
        '/api/operators/{id}': {
            parameters: [{ $ref: '#/components/parameters/Id' }],
            get: { tags: ['operators'], summary: 'One', 'x-permission': 'operators.show' },
        },
        '/api/auth/login': { post: { tags: ['auth'], summary: 'Sign in', 'x-permission': 'public' } },
        '/api/health': { get: { summary: 'Health' } },
    },
};

describe('parseOpenApi', () => {
    const api = parseOpenApi(doc);

    it('groups operations by tag in declared order, untagged last', () => {
        expect(api.title).toBe('Branch console API');
        expect(api.basePath).toBe('/api');
        expect(api.groups.map((g) => [g.tag, g.operations.length])).toEqual([
            ['auth', 1],
            ['operators', 3],
            ['', 1],
        ]);
        expect(api.groups[0].description).toBe('Sign-in');
    });

    it('reads x-permission, method and summary', () => {
        const ops = api.groups[1].operations;
        expect(ops.map((o) => [o.method, o.path, o.permission])).toEqual([
            ['GET', '/api/operators', 'operators.list'],
            ['POST', '/api/operators', 'operators.create'],
            ['GET', '/api/operators/{id}', 'operators.show'],
        ]);
    });

    it('flattens the request body schema through $ref', () => {
        const body = api.groups[1].operations[1].requestBody;
        expect(body?.contentType).toBe('application/json');
        expect(body?.fields).toEqual([
            { name: 'username', type: 'string', required: true, description: 'Login name' },
            { name: 'role_ids', type: 'integer[]', required: true, description: undefined },
            { name: 'status', type: '"active" | "disabled"', required: false, description: undefined },
            { name: 'phone', type: 'string | null', required: false, description: undefined },
        ]);
        expect(api.groups[1].operations[0].requestBody).toBeNull();
    });

    it('resolves path-level parameters', () => {
        expect(api.groups[1].operations[2].parameters).toEqual([
            { name: 'id', in: 'path', required: true, type: 'integer', description: undefined },
        ]);
    });

    it('survives an empty or broken document', () => {
        expect(parseOpenApi(null).groups).toEqual([]);
        expect(typeLabel({}, { $ref: '#/nowhere' })).toBe('any');
    });

    it('filters by path, summary or permission', () => {
        expect(filterGroups(api.groups, 'LOGIN').map((g) => g.tag)).toEqual(['auth']);
        expect(filterGroups(api.groups, 'operators.show')[0].operations.map((o) => o.path)).toEqual([
            '/api/operators/{id}',
        ]);
        expect(filterGroups(api.groups, '  ')).toBe(api.groups);
    });
});
