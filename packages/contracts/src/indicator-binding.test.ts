import { describe, expect, it } from 'vitest';
import { indicatorBinding, layoutEditorRights } from './indicator-binding';

describe('who may bind an indicator in a layout', () => {
  it('an administrator binds any; an analyst their department’s; one without a department none', () => {
    const admin = layoutEditorRights({ departmentId: null, permissions: ['layout:edit', 'user:admin'] });
    const eco = layoutEditorRights({ departmentId: 'ecology', permissions: ['layout:edit'] });
    const loose = layoutEditorRights({ departmentId: null, permissions: ['layout:edit'] });
    expect(admin).toEqual({ departmentId: null, seesAll: true });
    expect(indicatorBinding(admin, 'enforcement')).toEqual({ ok: true });
    expect(indicatorBinding(admin, undefined)).toEqual({ ok: true });
    expect(indicatorBinding(eco, 'ecology')).toEqual({ ok: true });
    expect(indicatorBinding(eco, 'enforcement')).toEqual({
      ok: false,
      reason: 'otherDepartment',
      owner: 'enforcement',
    });
    expect(indicatorBinding(eco, undefined).ok).toBe(false);
    expect(indicatorBinding(loose, 'ecology')).toMatchObject({ ok: false, reason: 'noDepartment' });
  });
});
