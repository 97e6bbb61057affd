import {
  CreateDepartmentRequest,
  CreateRoleRequest,
  CreateUserRequest,
  Department,
  DepartmentList,
  PermissionList,
  ResetPasswordRequest,
  Role,
  RoleList,
  UpdateDepartmentRequest,
  UpdateRoleRequest,
  UpdateUserRequest,
  User,
  UserList,
} from '@cockpit/contracts';
import { createRoute, z } from '@hono/zod-openapi';
import { type AccessRule, actorOf, guard } from '../../auth/access';
import { type AdminService, departmentView, roleView, userView } from '../../auth/admin';
import { PERMISSIONS } from '../../auth/catalog';
import { createRouter } from '../../lib/create-router';
import { errorResponse, jsonResponse } from '../../lib/json-errors';

const ADMIN: AccessRule = {
  permission: 'user:admin',
  region: { from: 'none', why: 'administration of accounts is county-wide' },
};
const admin = guard(ADMIN);
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .meta({ param: { name: 'id', in: 'path' } }),
});
const errors = {
  400: errorResponse('Malformed body, unknown role, department or scope region'),
  401: errorResponse('Not signed in'),
  403: errorResponse('Needs user:admin'),
};

const r = {
  listUsers: createRoute({
    method: 'get',
    path: '/api/v1/users',
    tags: ['admin'],
    summary: 'Every user account',
    middleware: [admin],
    responses: { 200: jsonResponse(UserList, 'Users'), ...errors },
  }),
  createUser: createRoute({
    method: 'post',
    path: '/api/v1/users',
    tags: ['admin'],
    summary: 'Create a user (must change the password at first sign-in)',
    middleware: [admin],
    request: body(CreateUserRequest),
    responses: { 201: jsonResponse(User, 'Created'), ...errors, 409: errorResponse('USERNAME_TAKEN') },
  }),
  updateUser: createRoute({
    method: 'patch',
    path: '/api/v1/users/{id}',
    tags: ['admin'],
    summary: 'Change a user; enabled=false ends their sessions and live streams',
    middleware: [admin],
    request: { params: IdParam, ...body(UpdateUserRequest) },
    responses: {
      200: jsonResponse(User, 'Updated'),
      ...errors,
      404: errorResponse('No such user'),
      409: errorResponse('LAST_ADMIN'),
    },
  }),
  resetPassword: createRoute({
    method: 'post',
    path: '/api/v1/users/{id}/password',
    tags: ['admin'],
    summary: 'Reset a password (the user must change it at next sign-in; sessions end)',
    middleware: [admin],
    request: { params: IdParam, ...body(ResetPasswordRequest) },
    responses: { 204: { description: 'Reset' }, ...errors, 404: errorResponse('No such user') },
  }),
  deleteUser: createRoute({
    method: 'delete',
    path: '/api/v1/users/{id}',
    tags: ['admin'],
    summary: 'Delete a user',
    middleware: [admin],
    request: { params: IdParam },
    responses: {
      204: { description: 'Deleted' },
      ...errors,
      404: errorResponse('No such user'),
      409: errorResponse('LAST_ADMIN'),
    },
  }),
  listDepartments: createRoute({
    method: 'get',
    path: '/api/v1/departments',
    tags: ['admin'],
    summary: 'Departments (owners of data sources and indicators)',
    middleware: [
      guard({ permission: 'cockpit:view', region: { from: 'none', why: 'the list of county departments' } }),
    ],
    responses: {
      200: jsonResponse(DepartmentList, 'Departments'),
      401: errors[401],
      403: errorResponse('Needs cockpit:view'),
    },
  }),
  createDepartment: createRoute({
    method: 'post',
    path: '/api/v1/departments',
    tags: ['admin'],
    summary: 'Create a department',
    middleware: [admin],
    request: body(CreateDepartmentRequest),
    responses: {
      201: jsonResponse(Department, 'Created'),
      ...errors,
      409: errorResponse('DEPARTMENT_EXISTS'),
    },
  }),
  updateDepartment: createRoute({
    method: 'patch',
    path: '/api/v1/departments/{id}',
    tags: ['admin'],
    summary: 'Change a department',
    middleware: [admin],
    request: { params: IdParam, ...body(UpdateDepartmentRequest) },
    responses: {
      200: jsonResponse(Department, 'Updated'),
      ...errors,
      404: errorResponse('No such department'),
    },
  }),
  listRoles: createRoute({
    method: 'get',
    path: '/api/v1/roles',
    tags: ['admin'],
    summary: 'Roles and their permissions',
    middleware: [admin],
    responses: { 200: jsonResponse(RoleList, 'Roles'), ...errors },
  }),
  createRole: createRoute({
    method: 'post',
    path: '/api/v1/roles',
    tags: ['admin'],
    summary: 'Create a role',
    middleware: [admin],
    request: body(CreateRoleRequest),
    responses: { 201: jsonResponse(Role, 'Created'), ...errors, 409: errorResponse('ROLE_EXISTS') },
  }),
  updateRole: createRoute({
    method: 'patch',
    path: '/api/v1/roles/{id}',
    tags: ['admin'],
    summary: 'Change a role (takes effect on the next request of its holders)',
    middleware: [admin],
    request: { params: IdParam, ...body(UpdateRoleRequest) },
    responses: {
      200: jsonResponse(Role, 'Updated'),
      ...errors,
      404: errorResponse('No such role'),
      409: errorResponse('LAST_ADMIN'),
    },
  }),
  listPermissions: createRoute({
    method: 'get',
    path: '/api/v1/permissions',
    tags: ['admin'],
    summary: 'Every permission a role can grant',
    middleware: [admin],
    responses: { 200: jsonResponse(PermissionList, 'Permissions'), ...errors },
  }),
};

/** Users, departments, roles and permissions (thin handlers over AdminService). */
export function adminRouter(service: AdminService) {
  const auth = (c: Parameters<typeof actorOf>[0]) => actorOf(c);
  return createRouter()
    .openapi(r.listUsers, async (c) =>
      c.json({ items: (await c.get('auth').store.users.list()).map(userView) }, 200),
    )
    .openapi(r.createUser, async (c) => c.json(await service.createUser(c.req.valid('json'), auth(c)), 201))
    .openapi(r.updateUser, async (c) =>
      c.json(await service.updateUser(c.req.valid('param').id, c.req.valid('json'), auth(c)), 200),
    )
    .openapi(r.resetPassword, async (c) => {
      await service.resetPassword(c.req.valid('param').id, c.req.valid('json').password, auth(c));
      return c.body(null, 204);
    })
    .openapi(r.deleteUser, async (c) => {
      await service.deleteUser(c.req.valid('param').id, auth(c));
      return c.body(null, 204);
    })
    .openapi(r.listDepartments, async (c) =>
      c.json({ items: (await c.get('auth').store.departments.list()).map(departmentView) }, 200),
    )
    .openapi(r.createDepartment, async (c) =>
      c.json(await service.createDepartment(c.req.valid('json'), auth(c)), 201),
    )
    .openapi(r.updateDepartment, async (c) =>
      c.json(await service.updateDepartment(c.req.valid('param').id, c.req.valid('json'), auth(c)), 200),
    )
    .openapi(r.listRoles, async (c) =>
      c.json({ items: (await c.get('auth').store.roles.list()).map(roleView) }, 200),
    )
    .openapi(r.createRole, async (c) => c.json(await service.createRole(c.req.valid('json'), auth(c)), 201))
    .openapi(r.updateRole, async (c) =>
      c.json(await service.updateRole(c.req.valid('param').id, c.req.valid('json'), auth(c)), 200),
    )
    .openapi(r.listPermissions, (c) => c.json({ items: PERMISSIONS }, 200));
}
