import { z } from 'zod';
import { RegionCode } from './region';

/** Permission ids a role may grant. */
export const PermissionId = z
  .enum([
    'cockpit:view',
    'personal:view',
    'indicator:edit',
    'layout:edit',
    'layout:publish',
    'alarm:ack',
    'wall:control',
    'user:admin',
    'audit:read',
    'alert:policy',
    'alarm:dispatch',
    'alarm:rule:edit',
    'ops:view',
  ])
  .meta({ id: 'PermissionId', description: 'A fine-grained permission a role grants' });
export type PermissionId = z.infer<typeof PermissionId>;

/** Ids of the roles seeded on first start. Admins may create more. */
export const SEEDED_ROLE_IDS = [
  'admin',
  'leader',
  'analyst',
  'operator',
  'auditor',
  'device',
  'viewer',
] as const;

export const SESSION_COOKIE = 'cockpit_session';
export const DEVICE_COOKIE = 'cockpit_device';
/** Minimum length of a password a person chooses. */
export const PASSWORD_MIN_LENGTH = 10;

export const SessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.string()).meta({ description: 'Role ids' }),
    permissions: z.array(z.string()).meta({ description: 'Union of the permissions of the roles' }),
    scope: RegionCode.meta({ description: 'The region the principal sees, with everything below it' }),
    departmentId: z.string().nullable(),
    mustChangePassword: z.boolean(),
    kind: z.enum(['user', 'device']),
  })
  .meta({ id: 'SessionUser', description: 'The signed-in principal (a person or a paired wall device)' });
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginRequest = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z
  .object({
    token: z.string().meta({ description: 'Session token; also usable as Authorization: Bearer <token>' }),
    expiresAt: z.string().meta({ description: 'ISO 8601 UTC' }),
    user: SessionUser,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const MeResponse = z.object({ user: SessionUser }).meta({ id: 'MeResponse' });
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(256),
  })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const RevealRequest = z
  .object({
    kind: z.enum(['plate', 'phone', 'name']),
    ref: z.string().min(1).max(200).meta({ description: 'The opaque revealRef the masked record carries' }),
    reason: z.string().trim().min(4).max(500).meta({ description: '查看原因' }),
  })
  .meta({ id: 'RevealRequest' });
export type RevealRequest = z.infer<typeof RevealRequest>;

export const RevealResponse = z.object({ value: z.string() }).meta({ id: 'RevealResponse' });
export type RevealResponse = z.infer<typeof RevealResponse>;

/** Error codes of the auth layer the web app handles. */
export const AUTH_ERROR_CODES = {
  unauthenticated: 'UNAUTHENTICATED',
  invalidCredentials: 'INVALID_CREDENTIALS',
  forbidden: 'FORBIDDEN',
  outOfScope: 'OUT_OF_SCOPE',
  passwordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  rateLimited: 'RATE_LIMITED',
} as const;
