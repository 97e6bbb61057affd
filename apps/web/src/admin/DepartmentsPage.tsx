import { CreateDepartmentRequest, type Department, UpdateDepartmentRequest } from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldError, validate } from '../auth/form';
import { TextField } from '../auth/TextField';
import { createDepartment, departmentsQuery, updateDepartment } from './admin.api';
import { type Column, DataTable } from './DataTable';
import { FormActions } from './FormActions';
import { FormErrors } from './FormErrors';
import { serverErrors } from './server-errors';

export function DepartmentsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const departments = useQuery(departmentsQuery());
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const columns: Column<Department>[] = [
    { key: 'id', label: t('admin.department.id'), value: (d) => d.id },
    { key: 'zh', label: t('admin.department.nameZh'), value: (d) => d.name.zh },
    { key: 'en', label: t('admin.department.nameEn'), value: (d) => d.name.en },
    { key: 'description', label: t('admin.department.description'), value: (d) => d.description ?? '' },
    {
      key: 'actions',
      label: t('admin.actions'),
      value: () => null,
      render: (d) => (
        <button type="button" className="button button--ghost" onClick={() => setEditing(d)}>
          {t('admin.edit')}
        </button>
      ),
    },
  ];
  return (
    <section className="admin-section" data-testid="admin-departments">
      <div className="admin-section__bar">
        <h2>{t('admin.tabs.departments')}</h2>
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('admin.department.create')}
        </button>
      </div>
      {editing && (
        <DepartmentEditor
          key={editing === 'new' ? 'new' : editing.id}
          department={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) void queryClient.invalidateQueries({ queryKey: ['admin', 'departments'] });
          }}
        />
      )}
      {departments.isPending ? (
        <p className="muted">{t('admin.loading')}</p>
      ) : departments.isError ? (
        <p className="form-error">{t('admin.loadError', { message: departments.error.message })}</p>
      ) : (
        <DataTable rows={departments.data.items} columns={columns} rowKey={(d) => d.id} />
      )}
    </section>
  );
}

function DepartmentEditor({
  department,
  onClose,
}: {
  department: Department | null;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [id, setId] = useState(department?.id ?? '');
  const [zh, setZh] = useState(department?.name.zh ?? '');
  const [en, setEn] = useState(department?.name.en ?? '');
  const [description, setDescription] = useState(department?.description ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const labels = {
    id: t('admin.department.id'),
    'name.zh': t('admin.department.nameZh'),
    'name.en': t('admin.department.nameEn'),
    description: t('admin.department.description'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: { zh: zh.trim(), en: en.trim() },
      ...(description.trim() ? { description: description.trim() } : {}),
    };
    try {
      if (department) {
        const checked = validate(UpdateDepartmentRequest, body);
        if (!checked.ok) return setErrors(checked.errors);
        await updateDepartment(department.id, checked.data);
      } else {
        const checked = validate(CreateDepartmentRequest, { id: id.trim(), ...body });
        if (!checked.ok) return setErrors(checked.errors);
        await createDepartment(checked.data);
      }
      onClose(true);
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <div className="admin-form__grid">
        <TextField label={labels.id} name="id" value={id} disabled={Boolean(department)} onChange={setId} />
        <TextField label={labels['name.zh']} name="nameZh" value={zh} onChange={setZh} />
        <TextField label={labels['name.en']} name="nameEn" value={en} onChange={setEn} />
        <TextField
          label={labels.description}
          name="description"
          value={description}
          onChange={setDescription}
        />
      </div>
      <FormErrors errors={errors} labels={labels} />
      <FormActions onCancel={() => onClose(false)} />
    </form>
  );
}
