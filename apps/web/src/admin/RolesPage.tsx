import { CreateRoleRequest, type Role, UpdateRoleRequest } from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldError, validate } from '../auth/form';
import { TextField } from '../auth/TextField';
import { createRole, permissionsQuery, rolesQuery, updateRole } from './admin.api';
import { type Column, DataTable } from './DataTable';
import { FormActions } from './FormActions';
import { FormErrors } from './FormErrors';
import { toggle } from './forms';
import { serverErrors } from './server-errors';

export function RolesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery());
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const columns: Column<Role>[] = [
    { key: 'id', label: t('admin.role.id'), value: (r) => r.id },
    { key: 'name', label: t('admin.role.name'), value: (r) => r.name[lang] },
    { key: 'permissions', label: t('admin.role.permissions'), value: (r) => r.permissions.join(' ') },
    {
      key: 'builtin',
      label: t('admin.role.kind'),
      value: (r) => (r.builtin ? t('admin.role.builtin') : t('admin.role.custom')),
    },
    {
      key: 'actions',
      label: t('admin.actions'),
      value: () => null,
      render: (r) => (
        <button type="button" className="button button--ghost" onClick={() => setEditing(r)}>
          {t('admin.edit')}
        </button>
      ),
    },
  ];
  return (
    <section className="admin-section" data-testid="admin-roles">
      <div className="admin-section__bar">
        <h2>{t('admin.tabs.roles')}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('admin.role.create')}
        </button>
      </div>
      {editing && (
        <RoleEditor
          key={editing === 'new' ? 'new' : editing.id}
          role={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void queryClient.invalidateQueries({ queryKey: ['admin', 'roles'] });
          }}
        />
      )}
      {roles.isPending ? (
        <p className="muted">{t('admin.loading')}</p>
      ) : roles.isError ? (
        <p className="form-error">{t('admin.loadError', { message: roles.error.message })}</p>
      ) : (
        <DataTable rows={roles.data.items} columns={columns} rowKey={(r) => r.id} />
      )}
    </section>
  );
}

function RoleEditor({ role, onClose }: { role: Role | null; onClose: (saved: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh';
  const permissions = useQuery(permissionsQuery());
  const [id, setId] = useState(role?.id ?? '');
  const [zh, setZh] = useState(role?.name.zh ?? '');
  const [en, setEn] = useState(role?.name.en ?? '');
  const [granted, setGranted] = useState<string[]>(role?.permissions ?? ['cockpit:view']);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const labels = {
    id: t('admin.role.id'),
    'name.zh': t('admin.role.nameZh'),
    'name.en': t('admin.role.nameEn'),
    permissions: t('admin.role.permissions'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { name: { zh: zh.trim(), en: en.trim() }, permissions: granted };
    try {
      if (role) {
        const checked = validate(UpdateRoleRequest, body);
        if (!checked.ok) return setErrors(checked.errors);
        await updateRole(role.id, checked.data);
      } else {
        const checked = validate(CreateRoleRequest, { id: id.trim(), ...body });
        if (!checked.ok) return setErrors(checked.errors);
        await createRole(checked.data);
      }
      onClose(true);
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <div className="admin-form__grid">
        <TextField label={labels.id} name="id" value={id} disabled={Boolean(role)} onChange={setId} />
        <TextField label={labels['name.zh']} name="nameZh" value={zh} onChange={setZh} />
        <TextField label={labels['name.en']} name="nameEn" value={en} onChange={setEn} />
      </div>
      <fieldset className="field checks">
        <legend>{labels.permissions}</legend>
        {(permissions.data?.items ?? []).map((p) => (
          <label key={p.id} className="check" title={p.id}>
            <input
              type="checkbox"
              name={`perm-${p.id}`}
              checked={granted.includes(p.id)}
              onChange={(e) => setGranted(toggle(granted, p.id, e.target.checked))}
            />
            {p.description[lang]} <code>{p.id}</code>
          </label>
        ))}
      </fieldset>
      <FormErrors errors={errors} labels={labels} />
      <FormActions onCancel={() => onClose(false)} />
    </form>
  );
}
