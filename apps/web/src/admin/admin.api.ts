import {
  type ApprovePairingRequest,
  AuditPage,
  type CreateDepartmentRequest,
  type CreateRoleRequest,
  type CreateUserRequest,
  Department,
  DepartmentList,
  Device,
  DeviceList,
  PermissionList,
  Role,
  RoleList,
  type UpdateDepartmentRequest,
  type UpdateDeviceRequest,
  type UpdateRoleRequest,
  type UpdateUserRequest,
  User,
  UserList,
} from '@cockpit/contracts';
import { queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from '../lib/api';
import { type AuditFilters, auditPath } from './audit';

// Admin data changes only through these pages: refetch after each write (the mutations invalidate).
export const usersQuery = () =>
  queryOptions({
    queryKey: ['admin', 'users'],
    queryFn: ({ signal }) => getJson('/api/v1/users', UserList, signal),
  });
export const departmentsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'departments'],
    queryFn: ({ signal }) => getJson('/api/v1/departments', DepartmentList, signal),
  });
export const rolesQuery = () =>
  queryOptions({
    queryKey: ['admin', 'roles'],
    queryFn: ({ signal }) => getJson('/api/v1/roles', RoleList, signal),
  });
export const permissionsQuery = () =>
  queryOptions({
    queryKey: ['admin', 'permissions'],
    queryFn: ({ signal }) => getJson('/api/v1/permissions', PermissionList, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
export const devicesQuery = () =>
  queryOptions({
    queryKey: ['admin', 'devices'],
    queryFn: ({ signal }) => getJson('/api/v1/devices', DeviceList, signal),
    // Pending pairing codes appear while the page is open.
    refetchInterval: 3000,
  });
export const auditQuery = (filters: AuditFilters, before: number | null, limit: number) =>
  queryOptions({
    queryKey: ['admin', 'audit', filters, before, limit],
    queryFn: ({ signal }) => getJson(auditPath(filters, { before, limit }), AuditPage, signal),
    staleTime: 0,
  });

const id = (value: string) => encodeURIComponent(value);

export const createUser = (body: CreateUserRequest) => sendJson('POST', '/api/v1/users', body, User);
export const updateUser = (userId: string, body: UpdateUserRequest) =>
  sendJson('PATCH', `/api/v1/users/${id(userId)}`, body, User);
export const resetPassword = (userId: string, password: string) =>
  sendJson('POST', `/api/v1/users/${id(userId)}/password`, { password });

export const createDepartment = (body: CreateDepartmentRequest) =>
  sendJson('POST', '/api/v1/departments', body, Department);
export const updateDepartment = (departmentId: string, body: UpdateDepartmentRequest) =>
  sendJson('PATCH', `/api/v1/departments/${id(departmentId)}`, body, Department);

export const createRole = (body: CreateRoleRequest) => sendJson('POST', '/api/v1/roles', body, Role);
export const updateRole = (roleId: string, body: UpdateRoleRequest) =>
  sendJson('PATCH', `/api/v1/roles/${id(roleId)}`, body, Role);

export const approvePairing = (body: ApprovePairingRequest) =>
  sendJson('POST', '/api/v1/devices', body, Device);
export const updateDevice = (deviceId: string, body: UpdateDeviceRequest) =>
  sendJson('PATCH', `/api/v1/devices/${id(deviceId)}`, body, Device);
export const revokeDevice = (deviceId: string) =>
  sendJson('POST', `/api/v1/devices/${id(deviceId)}/revoke`, undefined);
