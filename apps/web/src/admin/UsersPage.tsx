import {
  CreateUserRequest,
  type Department,
  ResetPasswordRequest,
  type Role,
  UpdateUserRequest,
  type User,
} from '@cockpit/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldError, validate } from '../auth/form';
import { TextField } from '../auth/TextField';
import { formatClock, formatDate } from '../lib/format';
import { createUser, departmentsQuery, resetPassword, rolesQuery, updateUser, usersQuery } from './admin.api';
import { type Column, DataTable } from './DataTable';
import { FormActions } from './FormActions';
import { FormErrors } from './FormErrors';
import { EMPTY_USER_FORM, formOfUser, toCreateUser, toggle, toUpdateUser, type UserForm } from './forms';
import { RegionName } from './RegionName';
import { ScopePicker } from './ScopePicker';
import { serverErrors } from './server-errors';

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery());
  const roles = useQuery(rolesQuery());
  const departments = useQuery(departmentsQuery());
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });

  const toggleEnabled = useMutation({
    mutationFn: (u: User) => updateUser(u.id, { enabled: !u.enabled }),
    onSuccess: () => refresh(),
    onError: (e) => setNotice(t('admin.saveFailed', { message: (e as Error).message })),
  });

  const roleName = (id: string) => roles.data?.items.find((r) => r.id === id)?.name[lang] ?? id;
  const departmentName = (id: string | null) =>
    id ? (departments.data?.items.find((d) => d.id === id)?.name[lang] ?? id) : '—';

  const columns: Column<User>[] = [
    { key: 'username', label: t('admin.user.username'), value: (u) => u.username },
    { key: 'displayName', label: t('admin.user.displayName'), value: (u) => u.displayName },
    { key: 'roles', label: t('admin.user.roles'), value: (u) => u.roles.map(roleName).join('、') },
    {
      key: 'departmentId',
      label: t('admin.user.departmentId'),
      value: (u) => departmentName(u.departmentId),
    },
    {
      key: 'scope',
      label: t('admin.user.scope'),
      value: (u) => u.scope,
      render: (u) => <RegionName code={u.scope} />,
    },
    {
      key: 'enabled',
      label: t('admin.user.enabled'),
      value: (u) => (u.enabled ? t('admin.user.on') : t('admin.user.off')),
    },
    {
      key: 'lastLoginAt',
      label: t('admin.user.lastLoginAt'),
      value: (u) => u.lastLoginAt,
      render: (u) =>
        u.lastLoginAt ? `${formatDate(u.lastLoginAt)} ${formatClock(u.lastLoginAt)}` : t('admin.never'),
    },
    {
      key: 'actions',
      label: t('admin.actions'),
      value: () => null,
      render: (u) => (
        <span className="row-actions">
          <button type="button" className="button button--ghost" onClick={() => setEditing(u)}>
            {t('admin.edit')}
          </button>
          <button
            type="button"
            className="button button--ghost"
            data-testid={`toggle-${u.username}`}
            onClick={() => toggleEnabled.mutate(u)}
          >
            {u.enabled ? t('admin.user.disable') : t('admin.user.enable')}
          </button>
          <ResetPassword user={u} onDone={(m) => setNotice(m)} />
        </span>
      ),
    },
  ];

  return (
    <section className="admin-section" data-testid="admin-users">
      <div className="admin-section__bar">
        <h2>{t('admin.tabs.users')}</h2>
        <button
          type="button"
          className="button button--primary"
          onClick={() => setEditing('new')}
          data-testid="new-user"
        >
          {t('admin.user.create')}
        </button>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {editing && (
        <UserEditor
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          roles={roles.data?.items ?? []}
          departments={departments.data?.items ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('admin.saved'));
              void refresh();
            }
          }}
        />
      )}
      {users.isPending ? (
        <p className="muted">{t('admin.loading')}</p>
      ) : users.isError ? (
        <p className="form-error">{t('admin.loadError', { message: users.error.message })}</p>
      ) : (
        <DataTable rows={users.data.items} columns={columns} rowKey={(u) => u.id} testId="users-table" />
      )}
    </section>
  );
}

function UserEditor({
  user,
  roles,
  departments,
  onClose,
}: {
  user: User | null;
  roles: Role[];
  departments: Department[];
  onClose: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form, setForm] = useState<UserForm>(user ? formOfUser(user) : EMPTY_USER_FORM);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const labels = {
    username: t('admin.user.username'),
    displayName: t('admin.user.displayName'),
    password: t('admin.user.password'),
    roles: t('admin.user.roles'),
    departmentId: t('admin.user.departmentId'),
    scope: t('admin.user.scope'),
  };
  const set = <K extends keyof UserForm>(key: K, value: UserForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = user
      ? validate(UpdateUserRequest, toUpdateUser(user, form))
      : validate(CreateUserRequest, toCreateUser(form));
    if (!checked.ok) return setErrors(checked.errors);
    setBusy(true);
    try {
      if (user) await updateUser(user.id, checked.data as UpdateUserRequest);
      else await createUser(checked.data as CreateUserRequest);
      onClose(true);
    } catch (err) {
      setErrors(serverErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="user-form">
      <h3>{user ? t('admin.user.edit', { name: user.displayName }) : t('admin.user.create')}</h3>
      <div className="admin-form__grid">
        <TextField
          label={labels.username}
          name="username"
          value={form.username}
          disabled={Boolean(user)}
          autoComplete="off"
          onChange={(v) => set('username', v)}
        />
        <TextField
          label={labels.displayName}
          name="displayName"
          value={form.displayName}
          onChange={(v) => set('displayName', v)}
        />
        {!user && (
          <TextField
            label={labels.password}
            name="password"
            type="password"
            value={form.password}
            autoComplete="new-password"
            onChange={(v) => set('password', v)}
          />
        )}
        <label className="field">
          <span>{labels.departmentId}</span>
          <select
            name="departmentId"
            value={form.departmentId}
            onChange={(e) => set('departmentId', e.target.value)}
          >
            <option value="">{t('admin.user.noDepartment')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name[lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="field checks">
        <legend>{labels.roles}</legend>
        {roles.map((r) => (
          <label key={r.id} className="check">
            <input
              type="checkbox"
              name={`role-${r.id}`}
              checked={form.roles.includes(r.id)}
              onChange={(e) => set('roles', toggle(form.roles, r.id, e.target.checked))}
            />
            {r.name[lang]}
          </label>
        ))}
      </fieldset>
      <ScopePicker label={labels.scope} value={form.scope} onChange={(code) => set('scope', code)} />
      <FormErrors errors={errors} labels={labels} hints={{ username: t('admin.user.usernameHint') }} />
      <FormActions onCancel={() => onClose(false)} busy={busy} saveTestId="user-save" />
    </form>
  );
}

function ResetPassword({ user, onDone }: { user: User; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  if (!open)
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        {t('admin.user.resetPassword')}
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(ResetPasswordRequest, { password });
    if (!checked.ok) return setErrors(checked.errors);
    try {
      await resetPassword(user.id, checked.data.password);
      setOpen(false);
      onDone(t('admin.user.resetDone', { name: user.displayName }));
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label className="field">
        <span>{t('admin.user.resetPrompt', { name: user.displayName })}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <FormErrors errors={errors} labels={{ password: t('admin.user.password') }} />
      <button type="submit" className="button button--primary">
        {t('admin.save')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
        {t('admin.cancel')}
      </button>
    </form>
  );
}
