import type { CreateUserRequest, UpdateUserRequest, User } from '@cockpit/contracts';

/** What the user form holds: text inputs, checkboxes, a select with '' for "no department". */
export type UserForm = {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  departmentId: string;
  scope: string;
};

export const EMPTY_USER_FORM: UserForm = {
  username: '',
  displayName: '',
  password: '',
  roles: [],
  departmentId: '',
  scope: '331023',
};

/** The create request of the form (validated afterwards with the contract's schema). */
export function toCreateUser(form: UserForm): CreateUserRequest {
  return {
    username: form.username.trim(),
    displayName: form.displayName.trim(),
    password: form.password,
    roles: form.roles,
    departmentId: form.departmentId === '' ? null : form.departmentId,
    scope: form.scope.trim(),
  };
}

export function formOfUser(user: User): UserForm {
  return {
    username: user.username,
    displayName: user.displayName,
    password: '',
    roles: [...user.roles],
    departmentId: user.departmentId ?? '',
    scope: user.scope,
  };
}

/** Only what changed, so a PATCH says exactly what the admin did (and the audit records just that). */
export function toUpdateUser(user: User, form: UserForm): UpdateUserRequest {
  const patch: UpdateUserRequest = {};
  const displayName = form.displayName.trim();
  if (displayName !== user.displayName) patch.displayName = displayName;
  const roles = [...form.roles].sort();
  if (roles.join(',') !== [...user.roles].sort().join(',')) patch.roles = form.roles;
  const departmentId = form.departmentId === '' ? null : form.departmentId;
  if (departmentId !== user.departmentId) patch.departmentId = departmentId;
  if (form.scope.trim() !== user.scope) patch.scope = form.scope.trim();
  return patch;
}

/** Toggles one id in a list (role checkboxes, permission checkboxes), keeping the list's order. */
export function toggle(list: readonly string[], id: string, on: boolean): string[] {
  const without = list.filter((x) => x !== id);
  return on ? [...without, id] : without;
}
