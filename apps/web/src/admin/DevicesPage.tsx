import {
  ApprovePairingRequest,
  type Device,
  type PendingPairing,
  UpdateDeviceRequest,
} from '@cockpit/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldError, validate } from '../auth/form';
import { TextField } from '../auth/TextField';
import { formatClock, formatDate } from '../lib/format';
import { approvePairing, devicesQuery, revokeDevice, updateDevice } from './admin.api';
import { type Column, DataTable } from './DataTable';
import { FormActions } from './FormActions';
import { FormErrors } from './FormErrors';
import { RegionName } from './RegionName';
import { ScopePicker } from './ScopePicker';
import { serverErrors } from './server-errors';

const when = (at: string | null) => (at ? `${formatDate(at)} ${formatClock(at)}` : '—');

export function DevicesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const devices = useQuery(devicesQuery());
  const [approving, setApproving] = useState<PendingPairing | null>(null);
  const [renaming, setRenaming] = useState<Device | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'devices'] });

  const revoke = async (d: Device) => {
    if (!window.confirm(t('admin.device.revokeConfirm', { name: d.name }))) return;
    try {
      await revokeDevice(d.id);
      void refresh();
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };

  const columns: Column<Device>[] = [
    { key: 'name', label: t('admin.device.name'), value: (d) => d.name },
    {
      key: 'scope',
      label: t('admin.device.scope'),
      value: (d) => d.scope,
      render: (d) => <RegionName code={d.scope} />,
    },
    {
      key: 'state',
      label: t('admin.device.state'),
      value: (d) => (d.state === 'active' ? t('admin.device.active') : t('admin.device.revoked')),
    },
    {
      key: 'lastSeenAt',
      label: t('admin.device.lastSeenAt'),
      value: (d) => d.lastSeenAt,
      render: (d) => when(d.lastSeenAt),
    },
    {
      key: 'actions',
      label: t('admin.actions'),
      value: () => null,
      render: (d) =>
        d.state === 'active' ? (
          <span className="row-actions">
            <button type="button" className="button button--ghost" onClick={() => setRenaming(d)}>
              {t('admin.device.rename')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => void revoke(d)}>
              {t('admin.device.revoke')}
            </button>
          </span>
        ) : null,
    },
  ];

  return (
    <section className="admin-section" data-testid="admin-devices">
      <h2>{t('admin.device.pending')}</h2>
      {devices.isPending ? (
        <p className="muted">{t('admin.loading')}</p>
      ) : devices.isError ? (
        <p className="form-error">{t('admin.loadError', { message: devices.error.message })}</p>
      ) : devices.data.pending.length === 0 ? (
        <p className="muted">{t('admin.device.pendingNone')}</p>
      ) : (
        <ul className="pending-codes" data-testid="pending-codes">
          {devices.data.pending.map((p) => (
            <li key={p.pairingId} data-code={p.code}>
              <span className="pending-codes__code">{p.code}</span>
              <span className="muted">
                {t('admin.device.expiresAt')} {formatClock(p.expiresAt)}
              </span>
              <button type="button" className="button button--primary" onClick={() => setApproving(p)}>
                {t('admin.device.approve')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {approving && (
        <DeviceForm
          key={approving.pairingId}
          title={t('admin.device.approveTitle', { code: approving.code })}
          initial={{ name: '', scope: '331023' }}
          withScope
          onSubmit={async ({ name, scope }) => {
            const checked = validate(ApprovePairingRequest, {
              code: approving.code,
              name: name.trim(),
              scope,
            });
            if (!checked.ok) return checked.errors;
            await approvePairing(checked.data);
            return null;
          }}
          onClose={(saved) => {
            setApproving(null);
            if (saved) void refresh();
          }}
        />
      )}
      {renaming && (
        <DeviceForm
          key={renaming.id}
          title={`${t('admin.device.rename')} · ${renaming.name}`}
          initial={{ name: renaming.name, scope: renaming.scope }}
          withScope
          onSubmit={async ({ name, scope }) => {
            const body = { name: name.trim(), ...(scope !== renaming.scope ? { scope } : {}) };
            const checked = validate(UpdateDeviceRequest, body);
            if (!checked.ok) return checked.errors;
            await updateDevice(renaming.id, checked.data);
            return null;
          }}
          onClose={(saved) => {
            setRenaming(null);
            if (saved) void refresh();
          }}
        />
      )}
      <FormErrors errors={errors} labels={{}} />
      <h2>{t('admin.device.devices')}</h2>
      {devices.data && <DataTable rows={devices.data.items} columns={columns} rowKey={(d) => d.id} />}
    </section>
  );
}

function DeviceForm({
  title,
  initial,
  withScope,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: { name: string; scope: string };
  withScope: boolean;
  onSubmit: (v: { name: string; scope: string }) => Promise<FieldError[] | null>;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.name);
  const [scope, setScope] = useState(initial.scope);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const labels = {
    name: t('admin.device.name'),
    scope: t('admin.device.scope'),
    code: t('admin.device.code'),
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const problems = await onSubmit({ name, scope });
      if (problems) return setErrors(problems);
      onClose(true);
    } catch (err) {
      setErrors(serverErrors(err));
    }
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="device-form">
      <h3>{title}</h3>
      <TextField label={labels.name} name="name" value={name} onChange={setName} />
      {withScope && <ScopePicker label={labels.scope} value={scope} onChange={setScope} />}
      <FormErrors errors={errors} labels={labels} />
      <FormActions onCancel={() => onClose(false)} saveTestId="device-save" />
    </form>
  );
}
