import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from './auth';
import { RegionCode } from './region';

export const LocalizedName = z.object({ zh: z.string().min(1).max(100), en: z.string().min(1).max(100) });
export type LocalizedName = z.infer<typeof LocalizedName>;

const Username = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'lower-case letters, digits, . _ -; 2 to 32 characters')
  // The platform's own writes (seeded layouts, rules) are recorded as 'system': no person may take that name.
  .refine((u) => u !== 'system', "'system' is reserved for the platform's own changes");
const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, _ -');

export const User = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    departmentId: z.string().nullable(),
    roles: z.array(z.string()),
    scope: RegionCode,
    enabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const UserList = z.object({ items: z.array(User) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(64),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(256),
    roles: z.array(Id).min(1).max(20),
    departmentId: Id.nullable().optional(),
    scope: RegionCode,
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

export const UpdateUserRequest = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    roles: z.array(Id).min(1).max(20).optional(),
    departmentId: Id.nullable().optional(),
    scope: RegionCode.optional(),
    enabled: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z
  .object({ password: z.string().min(PASSWORD_MIN_LENGTH).max(256) })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const Department = z
  .object({ id: z.string(), name: LocalizedName, description: z.string().optional() })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof Department>;
export const DepartmentList = z.object({ items: z.array(Department) }).meta({ id: 'DepartmentList' });
export type DepartmentList = z.infer<typeof DepartmentList>;
export const CreateDepartmentRequest = z
  .object({ id: Id, name: LocalizedName, description: z.string().max(500).optional() })
  .meta({ id: 'CreateDepartmentRequest' });
export type CreateDepartmentRequest = z.infer<typeof CreateDepartmentRequest>;
export const UpdateDepartmentRequest = z
  .object({ name: LocalizedName.optional(), description: z.string().max(500).optional() })
  .meta({ id: 'UpdateDepartmentRequest' });
export type UpdateDepartmentRequest = z.infer<typeof UpdateDepartmentRequest>;

export const Role = z
  .object({ id: z.string(), name: LocalizedName, permissions: z.array(z.string()), builtin: z.boolean() })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;
export const RoleList = z.object({ items: z.array(Role) }).meta({ id: 'RoleList' });
export type RoleList = z.infer<typeof RoleList>;
export const CreateRoleRequest = z
  .object({ id: Id, name: LocalizedName, permissions: z.array(z.string()).max(50) })
  .meta({ id: 'CreateRoleRequest' });
export type CreateRoleRequest = z.infer<typeof CreateRoleRequest>;
export const UpdateRoleRequest = z
  .object({ name: LocalizedName.optional(), permissions: z.array(z.string()).max(50).optional() })
  .meta({ id: 'UpdateRoleRequest' });
export type UpdateRoleRequest = z.infer<typeof UpdateRoleRequest>;

export const Permission = z.object({ id: z.string(), description: LocalizedName }).meta({ id: 'Permission' });
export type Permission = z.infer<typeof Permission>;
export const PermissionList = z.object({ items: z.array(Permission) }).meta({ id: 'PermissionList' });
export type PermissionList = z.infer<typeof PermissionList>;

export const PairingCreated = z
  .object({
    pairingId: z.string(),
    code: z.string().meta({ description: 'Shown on the wall screen, e.g. K7Q-4MZ', example: 'K7Q-4MZ' }),
    secret: z.string().meta({ description: 'Kept by the device; needed to poll the pairing' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'PairingCreated' });
export type PairingCreated = z.infer<typeof PairingCreated>;

export const DeviceSummary = z
  .object({ id: z.string(), name: z.string(), scope: RegionCode })
  .meta({ id: 'DeviceSummary' });
export type DeviceSummary = z.infer<typeof DeviceSummary>;

export const PairingState = z
  .object({
    state: z.enum(['pending', 'approved', 'expired']),
    device: DeviceSummary.optional(),
    token: z.string().optional().meta({
      description:
        'The device credential, in the one approved answer that also sets the cookie; usable as bearer',
    }),
  })
  .meta({ id: 'PairingState' });
export type PairingState = z.infer<typeof PairingState>;

export const Device = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: RegionCode,
    state: z.enum(['active', 'revoked']),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof Device>;

export const PendingPairing = z
  .object({ pairingId: z.string(), code: z.string(), createdAt: z.string(), expiresAt: z.string() })
  .meta({ id: 'PendingPairing' });
export type PendingPairing = z.infer<typeof PendingPairing>;

export const DeviceList = z
  .object({ items: z.array(Device), pending: z.array(PendingPairing) })
  .meta({ id: 'DeviceList' });
export type DeviceList = z.infer<typeof DeviceList>;

export const ApprovePairingRequest = z
  .object({
    code: z.string().trim().min(6).max(8),
    name: z.string().trim().min(1).max(64),
    scope: RegionCode,
  })
  .meta({ id: 'ApprovePairingRequest' });
export type ApprovePairingRequest = z.infer<typeof ApprovePairingRequest>;

export const UpdateDeviceRequest = z
  .object({ name: z.string().trim().min(1).max(64).optional(), scope: RegionCode.optional() })
  .meta({ id: 'UpdateDeviceRequest' });
export type UpdateDeviceRequest = z.infer<typeof UpdateDeviceRequest>;

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    summary: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  target: z.string().max(200).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z
  .object({ items: z.array(AuditEntry), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage' });
export type AuditPage = z.infer<typeof AuditPage>;
