import { ChangePasswordRequest, LoginRequest, RevealRequest } from '@cockpit/contracts';
import { describe, expect, it } from 'vitest';
import { describeFieldError, formatWait, serverFieldErrors, validate } from './form';

describe('validate with the contract schemas', () => {
  it('passes a good sign-in', () => {
    expect(validate(LoginRequest, { username: 'admin', password: 'x' })).toEqual({
      ok: true,
      data: { username: 'admin', password: 'x' },
    });
  });
  it('names each missing field once', () => {
    const result = validate(LoginRequest, { username: '', password: '' });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.kind])).toEqual([
      ['username', 'required'],
      ['password', 'required'],
    ]);
  });
  it('reports the minimum of a too-short new password', () => {
    const result = validate(ChangePasswordRequest, { currentPassword: 'old', newPassword: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'newPassword', kind: 'too-short', limit: 10 }),
    ]);
    expect(describeFieldError(result.errors[0]!, '新密码', 'zh-CN')).toBe('新密码：至少 10 个字符');
    expect(describeFieldError(result.errors[0]!, 'New password', 'en')).toBe(
      'New password: at least 10 characters',
    );
  });
  it('asks for a reveal reason of at least 4 characters', () => {
    const result = validate(RevealRequest, { kind: 'plate', ref: 'r1', reason: ' 查 ' });
    expect(result.ok ? null : result.errors[0]).toMatchObject({
      field: 'reason',
      kind: 'too-short',
      limit: 4,
    });
  });
});

describe('server field errors', () => {
  it('reads issues the BFF named', () => {
    expect(serverFieldErrors([{ path: ['scope'], message: 'not a region' }])).toEqual([
      { field: 'scope', kind: 'invalid', message: 'not a region' },
    ]);
    expect(serverFieldErrors([{ path: 'name.zh', message: 'too long', code: 'too_big' }])).toEqual([
      { field: 'name.zh', kind: 'invalid', message: 'too long' },
    ]);
    expect(serverFieldErrors({ issues: [{ field: 'username', message: 'taken' }] })).toHaveLength(1);
    expect(serverFieldErrors(undefined)).toEqual([]);
  });
});

describe('formatWait', () => {
  it('rounds Retry-After up to whole minutes from a minute on', () => {
    expect(formatWait(45, 'zh-CN')).toBe('45 秒');
    expect(formatWait(61, 'zh-CN')).toBe('2 分钟');
    expect(formatWait(900, 'en')).toBe('15 min');
  });
});
