import type { AlarmsStore } from './alarms';
import type { HistoryStore } from './history';
import type { IndicatorsStore } from './indicators';
import type { LayoutDraftsStore, LayoutViewsStore } from './layout-drafts';
import type { LayoutsStore } from './layouts';
import type { PoliciesStore } from './policies';
/**
 * The store, one interface per aggregate. Routes and services see these, never SQL, so a PostgreSQL
 * implementation can follow without changing them. Timestamps are ISO 8601 UTC strings.
 */

export type DepartmentRecord = {
  id: string;
  name: { zh: string; en: string };
  description: string | null;
};

export type RoleRecord = {
  id: string;
  name: { zh: string; en: string };
  permissions: string[];
  builtin: boolean;
};

export type UserRecord = {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  departmentId: string | null;
  roles: string[];
  scope: string;
  enabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export type SessionRecord = {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  ip: string | null;
};

export type DeviceRecord = {
  id: string;
  name: string;
  scope: string;
  state: 'active' | 'revoked';
  createdAt: string;
  lastSeenAt: string | null;
};

export type PairingRecord = {
  id: string;
  code: string;
  secretHash: string;
  createdAt: string;
  expiresAt: string;
  deviceId: string | null;
  delivered: boolean;
};

export type AuditInput = {
  actor: string;
  ip: string | null;
  requestId: string | null;
  action: string;
  target: string | null;
  summary: string;
};

export type AuditRecord = AuditInput & { id: number; at: string; prevHash: string; hash: string };

export type AuditFilter = {
  actor?: string | undefined;
  action?: string | undefined;
  target?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
};

export interface DepartmentsStore {
  list(): Promise<DepartmentRecord[]>;
  get(id: string): Promise<DepartmentRecord | undefined>;
  insert(d: DepartmentRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<DepartmentRecord, 'id'>>): Promise<void>;
  setUpstreamOwner(systemId: string, departmentId: string): Promise<void>;
  upstreamOwners(): Promise<{ systemId: string; departmentId: string }[]>;
}

export interface RolesStore {
  list(): Promise<RoleRecord[]>;
  get(id: string): Promise<RoleRecord | undefined>;
  insert(r: RoleRecord): Promise<void>;
  update(id: string, patch: Partial<Pick<RoleRecord, 'name' | 'permissions'>>): Promise<void>;
}

export interface UsersStore {
  list(): Promise<UserRecord[]>;
  get(id: string): Promise<UserRecord | undefined>;
  byUsername(username: string): Promise<UserRecord | undefined>;
  insert(u: UserRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<UserRecord, 'id' | 'username' | 'createdAt'>>): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface SessionsStore {
  get(id: string): Promise<SessionRecord | undefined>;
  insert(s: SessionRecord): Promise<void>;
  revoke(id: string, at: string): Promise<void>;
  /** Revokes every live session of a user, except `keep` if given; returns the ids it revoked. */
  revokeAllOf(userId: string, at: string, keep?: string): Promise<string[]>;
}

export interface DevicesStore {
  list(): Promise<DeviceRecord[]>;
  get(id: string): Promise<DeviceRecord | undefined>;
  byCredentialHash(hash: string): Promise<DeviceRecord | undefined>;
  insert(d: DeviceRecord): Promise<void>;
  update(
    id: string,
    patch: Partial<Pick<DeviceRecord, 'name' | 'scope' | 'state' | 'lastSeenAt'>> & {
      credentialHash?: string | null;
    },
  ): Promise<void>;
  insertPairing(p: PairingRecord): Promise<void>;
  pairing(id: string): Promise<PairingRecord | undefined>;
  pendingPairingByCode(code: string, nowIso: string): Promise<PairingRecord | undefined>;
  pendingPairings(nowIso: string): Promise<PairingRecord[]>;
  updatePairing(id: string, patch: { deviceId?: string; delivered?: boolean }): Promise<void>;
}

/** Append-only: there is no update or delete, here or anywhere. */
export interface AuditStore {
  append(entry: AuditInput, at?: string): Promise<AuditRecord>;
  query(filter: AuditFilter): Promise<AuditRecord[]>;
  /** Every row in id order, for verification. */
  all(): AsyncIterable<AuditRecord>;
}

export type Stores = {
  departments: DepartmentsStore;
  roles: RolesStore;
  users: UsersStore;
  sessions: SessionsStore;
  devices: DevicesStore;
  audit: AuditStore;
  layouts: LayoutsStore;
  indicators: IndicatorsStore;
  policies: PoliciesStore;
  layoutDrafts: LayoutDraftsStore;
  layoutViews: LayoutViewsStore;
};

export interface Store extends Stores {
  /** Runs fn in one transaction: all of its writes land, or none. Writes are serialised. */
  transaction<T>(fn: (tx: Stores) => Promise<T>): Promise<T>;
  /** A consistent copy of the database, taken while it is in use (VACUUM INTO). */
  backup(targetFile: string): Promise<void>;
  /** Indicator history (hourly and daily); its writes share the one serial writer. */
  readonly history: HistoryStore;
  /** Health inspection: rules, alarms, transitions (audited), findings, silences; writes share the serial writer. */
  readonly alarms: AlarmsStore;
  readonly file: string;
  close(): Promise<void>;
}
