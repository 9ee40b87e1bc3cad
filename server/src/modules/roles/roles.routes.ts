import { route, router, idParams, listParams, jsonBody, versionField, z } from '../../http/route.js';
import { branchScope } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { contentRange, idFilter, parseListQuery, textFilter } from '../../http/list-query.js';
import { actorOf } from '../audit/audit.service.js';
import { withListExports } from '../reports/list-export.js';
import { rolesExport } from './roles.export.js';
import { PERMISSION_CATALOG } from './permission-catalog.js';
import { findRole, listRoles } from './roles.repository.js';
import { createRole, deleteRole, updateRole } from './roles.service.js';
import { pendingRights } from './grants.service.js';

const tags = ['roles'];
const editable = {
  name: z.string().trim().min(1).max(50),
  description: z.string().trim().max(500).default(''),
  all_branches: z.boolean().default(false),
  permissions: z.array(z.string().max(80)).max(500),
};
const createBody = z.strictObject({
  ...editable,
  code: z
    .string()
    .trim()
    .min(2)
    .max(32)
    .regex(/^[a-z][a-z0-9_]*$/),
});
const updateBody = z.strictObject({ ...editable, version: versionField });

const listSpec = {
  sortable: ['id', 'code', 'name', 'branch_id', 'built_in'],
  defaultSort: ['id', 'ASC'],
  filters: {
    id: idFilter,
    q: textFilter,
    branch_id: z.number().int().positive().optional(),
    built_in: z.boolean().optional(),
  },
} as const;

export const roleRoutes = withListExports(router(), [[rolesExport, listSpec]])
  .openapi(
    route('signed_in', {
      method: 'get',
      path: '/permission_catalog',
      tags,
      summary: '权限目录 Resources and actions that can be granted',
    }),
    (c) => c.json(PERMISSION_CATALOG, 200),
  )
  .openapi(
    route('roles.list', {
      method: 'get',
      path: '/roles',
      tags,
      summary: '角色列表 List roles',
      request: { query: listParams },
    }),
    async (c) => {
      const list = parseListQuery(c.req.valid('query'), listSpec);
      const { total, rows } = await listRoles(c.get('deps').db, branchScope(c.get('me')!), list);
      return c.json(rows, 200, contentRange('roles', list.offset, rows.length, total));
    },
  )
  .openapi(
    route('roles.show', {
      method: 'get',
      path: '/roles/{id}',
      tags,
      summary:
        '角色详情 One role with its permissions, and the change of its rights waiting for 复核 (pending_change: added, removed)',
      request: { params: idParams },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const role = await findRole(db, branchScope(c.get('me')!), Number(c.req.valid('param').id));
      if (!role) throw notFound();
      return c.json({ ...role, pending_change: await pendingRights(db, role) }, 200);
    },
  )
  .openapi(
    route('roles.create', {
      method: 'post',
      path: '/roles',
      tags,
      summary: '新增角色 Create a role (separation of duties enforced)',
      request: jsonBody(createBody),
    }),
    async (c) => {
      const role = await createRole(c.get('deps').db, actorOf(c), branchScope(c.get('me')!), c.req.valid('json'));
      return c.json(role, 201);
    },
  )
  .openapi(
    route('roles.edit', {
      method: 'put',
      path: '/roles/{id}',
      tags,
      summary:
        '修改角色 Update a role: name and description at once (200); a change of its rights waits for 复核 (202 with pending_approval_id and pending_change)',
      request: { params: idParams, ...jsonBody(updateBody) },
    }),
    async (c) => {
      const db = c.get('deps').db;
      const role = await updateRole(
        db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
        c.req.valid('json'),
      );
      if (!('pending_approval_id' in role)) return c.json({ ...role, pending_change: null }, 200);
      return c.json({ ...role, pending_change: await pendingRights(db, role) }, 202);
    },
  )
  .openapi(
    route('roles.delete', {
      method: 'delete',
      path: '/roles/{id}',
      tags,
      summary: '删除角色 Delete an unused role',
      request: { params: idParams },
    }),
    async (c) => {
      const role = await deleteRole(
        c.get('deps').db,
        actorOf(c),
        branchScope(c.get('me')!),
        Number(c.req.valid('param').id),
      );
      return c.json(role, 200);
    },
  );
