import { CreateUserRequest, UpdateUserRequest, type User } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../auth/form';
import { EMPTY_USER_FORM, formOfUser, toCreateUser, toggle, toUpdateUser } from './forms';

const user: User = {
  id: 'u1',
  username: 'pq.leader',
  displayName: '平桥镇领导',
  departmentId: null,
  roles: ['leader'],
  scope: '331023105',
  enabled: true,
  lastLoginAt: null,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('the user form', () => {
  it('maps to a create request the contract accepts', () => {
    const request = toCreateUser({
      ...EMPTY_USER_FORM,
      username: ' pq.leader ',
      displayName: '平桥镇领导',
      password: 'long-enough-1',
      roles: ['leader'],
      scope: '331023105',
    });
    expect(request).toEqual({
      username: 'pq.leader',
      displayName: '平桥镇领导',
      password: 'long-enough-1',
      roles: ['leader'],
      departmentId: null,
      scope: '331023105',
    });
    expect(validate(CreateUserRequest, request).ok).toBe(true);
  });
  it('names each field the contract rejects', () => {
    const result = validate(
      CreateUserRequest,
      toCreateUser({ ...EMPTY_USER_FORM, username: 'X!', password: 'short' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.kind]));
    expect(byField).toMatchObject({
      username: 'format',
      displayName: 'required',
      password: 'too-short',
      roles: 'required',
    });
  });
  it('patches only what changed', () => {
    expect(toUpdateUser(user, formOfUser(user))).toEqual({});
    const form = { ...formOfUser(user), roles: ['leader', 'analyst'], departmentId: 'transport' };
    const patch = toUpdateUser(user, form);
    expect(patch).toEqual({ roles: ['leader', 'analyst'], departmentId: 'transport' });
    expect(validate(UpdateUserRequest, patch).ok).toBe(true);
  });
  it('toggles a role', () => {
    expect(toggle(['leader'], 'analyst', true)).toEqual(['leader', 'analyst']);
    expect(toggle(['leader', 'analyst'], 'leader', false)).toEqual(['analyst']);
    expect(toggle(['leader'], 'leader', true)).toEqual(['leader']);
  });
});
