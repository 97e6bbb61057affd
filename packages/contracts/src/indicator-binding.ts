/**
 * Who may bind a panel to an indicator in a layout (the BFF refuses anything else with 403
 * INDICATOR_NOT_YOURS; the studio's picker offers only what passes). An editor holding `user:admin` binds
 * any indicator; any other editor only the indicators their own department owns; an editor without a
 * department binds none. Pure, shared by the BFF and the web.
 */
export type LayoutEditorRights = { departmentId: string | null; seesAll: boolean };

/** The rights of a signed-in principal (its permissions and department), as the BFF reads them. */
export function layoutEditorRights(p: {
  departmentId: string | null;
  permissions: Iterable<string>;
}): LayoutEditorRights {
  return { departmentId: p.departmentId, seesAll: new Set(p.permissions).has('user:admin') };
}

export type IndicatorBinding =
  | { ok: true }
  | { ok: false; reason: 'otherDepartment' | 'noDepartment'; owner: string | undefined };

/** Whether the editor may bind an indicator owned by `owner` (its definition's departmentId). */
export function indicatorBinding(editor: LayoutEditorRights, owner: string | undefined): IndicatorBinding {
  if (editor.seesAll) return { ok: true };
  if (editor.departmentId === null) return { ok: false, reason: 'noDepartment', owner };
  if (owner !== undefined && owner === editor.departmentId) return { ok: true };
  return { ok: false, reason: 'otherDepartment', owner };
}
