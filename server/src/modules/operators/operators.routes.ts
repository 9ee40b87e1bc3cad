import { route, router, idParams, listParams, jsonBody, versionField, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, idFilter, parseListQuery, textFilter } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { withListExports } from '../reports/list-export.js';
import { operatorsExport } from './operators.export.js';
import { findOperator, listOperators } from './operators.repository.js';
import {
  createOperator,
  deleteOperator,
  resetPassword,
  setOperatorStatus,
  updateOperator,
} from './operators.service.js';

const tags = ['operators'];
const id = z.number().int().positive();
const editable = {
  name: z.string().trim().min(1).max(50),
  branch_id: id,
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9+\-() ]*$/)
    .default(''),
  role_ids: z.array(id).max(20),
};
const createBody = z.strictObject({
  ...editable,
  username: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[A-Za-z0-9_.-]+$/),
  password: z.string().max(200),
});
const updateBody = z.strictObject({ ...editable, version: versionField });
const passwordBody = z.strictObject({ password: z.string().max(200) });

const listSpec = {
  sortable: ['id', 'username', 'name', 'branch_id', 'status', 'last_login_at', 'created_at'],
  defaultSort: ['id', 'ASC'],
  filters: {
    id: idFilter,
    q: textFilter,
    branch_id: id.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    role_id: id.optional(),
  },
} as const;

export const operatorRoutes = withListExports(router(), [[operatorsExport, listSpec]])
  .openapi(
    route('operators.list', {
      method: 'get',
      path: '/operators',
      tags,
      summary: '柜员列表 List operators',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), listSpec);
      const { total, rows } = await listOperators(c.get('deps').db, branchScope(c.get('me')!), list);
      return c.json(rows, 200, contentRange('operators', list.offset, rows.length, total));
    },
  )
  .openapi(
    route('operators.show', {
      method: 'get',
      path: '/operators/{id}',
      tags,
      summary: '柜员详情 One operator',
      request: { params: idParams },
    }),
    async (c) => {
      const op = await findOperator(c.get('deps').db, branchScope(c.get('me')!), Number(c.req.valid('param').id));
      if (!op) throw notFound();
      return c.json(op, 200);
    },
  )
  .openapi(
    route('operators.create', {
      method: 'post',
      path: '/operators',
      tags,
      summary: '新增柜员 Create an operator (initial password; must change at first sign-in)',
      request: jsonBody(createBody),
    }),
    async (c) => {
      const op = await createOperator(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json'));
      return c.json(op, 201);
    },
  )
  .openapi(
    route('operators.edit', {
      method: 'put',
      path: '/operators/{id}',
      tags,
      summary: '修改柜员 Update an operator (optimistic lock on version)',
      request: { params: idParams, ...jsonBody(updateBody) },
    }),
    async (c) => {
      const op = await updateOperator(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        c.req.valid('json'),
      );
      return c.json(op, 200);
    },
  )
  .openapi(
    route('operators.delete', {
      method: 'delete',
      path: '/operators/{id}',
      tags,
      summary: '删除柜员 Delete an operator who never acted',
      request: { params: idParams },
    }),
    async (c) => {
      const op = await deleteOperator(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
      );
      return c.json(op, 200);
    },
  )
  .openapi(
    route('operators.edit', {
      method: 'post',
      path: '/operators/{id}/disable',
      tags,
      summary: '停用柜员 Disable (ends their sessions)',
      request: { params: idParams },
    }),
    async (c) => {
      const op = await setOperatorStatus(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        'disabled',
      );
      return c.json(op, 200);
    },
  )
  .openapi(
    route('operators.edit', {
      method: 'post',
      path: '/operators/{id}/enable',
      tags,
      summary: '启用柜员 Enable (also clears a lock)',
      request: { params: idParams },
    }),
    async (c) => {
      const op = await setOperatorStatus(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        'active',
      );
      return c.json(op, 200);
    },
  )
  .openapi(
    route('operators.edit', {
      method: 'post',
      path: '/operators/{id}/reset_password',
      tags,
      summary: '重置密码 Reset password (must change at next sign-in)',
      request: { params: idParams, ...jsonBody(passwordBody) },
      responses: { 204: { description: 'Reset' } },
    }),
    async (c) => {
      await resetPassword(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        c.req.valid('json').password,
      );
      return c.body(null, 204);
    },
  );
