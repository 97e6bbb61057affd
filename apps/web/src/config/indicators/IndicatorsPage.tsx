import {
  CreateIndicatorRequest,
  INDICATOR_FIELDS,
  type IndicatorDefinition,
  Level,
  THEMES,
  UpdateIndicatorRequest,
} from '@cockpit/contracts';
import { toCsv } from '@cockpit/domain/csv';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { FormActions } from '../../admin/FormActions';
import { FormErrors } from '../../admin/FormErrors';
import { serverErrors } from '../../admin/server-errors';
import { healthQuery } from '../../app/health.api';
import { type FieldError, validate } from '../../auth/form';
import { LanguageButton } from '../../auth/LanguageButton';
import { can, homePath } from '../../auth/redirect';
import { useSessionUser } from '../../auth/session.api';
import { UserMenu } from '../../auth/UserMenu';
import { ApiRequestError } from '../../lib/api';
import { indicatorDefinitionsQuery, indicatorsKey } from '../../lib/snapshot';
import {
  type CatalogueFilters,
  durationText,
  filterDefinitions,
  freshnessOf,
  layoutsUsing,
  NO_FILTERS,
  thresholdText,
} from './catalogue';
import { definitionOf, EMPTY_FORM, formOf, type IndicatorForm } from './editor-form';
import { createIndicator, departmentNamesQuery, layoutsQuery, updateIndicator } from './indicators.api';
import '../../admin/admin.css';
import '../../admin/i18n';
import './i18n';

const LEVELS = Level.options;
/** The table's columns; the CSV has these, with the id and field split out and the version added. */
const TABLE_COLUMNS = [
  'name',
  'definition',
  'department',
  'source',
  'levels',
  'rollup',
  'frequency',
  'freshness',
  'thresholds',
  'layouts',
  'status',
] as const;
const RULES = ['sum', 'mean', 'weightedMean', 'ratio', 'max', 'min', 'none'] as const;
const OPS = ['', 'ratio', 'share', 'sum', 'difference'] as const;

/** `/indicators`: 指标目录, the catalogue of the stored indicator definitions, with an editor for analysts. */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const user = useSessionUser();
  const { search } = useLocation();
  const queryClient = useQueryClient();
  const definitions = useQuery(indicatorDefinitionsQuery());
  const health = useQuery(healthQuery());
  const departments = useQuery(departmentNamesQuery());
  const layouts = useQuery(layoutsQuery());
  const [filters, setFilters] = useState<CatalogueFilters>(NO_FILTERS);
  const [editing, setEditing] = useState<IndicatorDefinition | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const lang = i18n.language;
  const zh = lang.startsWith('zh');

  const items = definitions.data?.items ?? [];
  const rows = useMemo(() => filterDefinitions(items, filters), [items, filters]);
  const uses = useMemo(() => (layouts.data ? layoutsUsing(layouts.data) : null), [layouts.data]);
  const departmentIds = [...new Set(items.map((d) => d.departmentId))].sort();
  if (!user) return null;
  const editsAll = can(user, 'user:admin');
  const mayEdit = (d: IndicatorDefinition) =>
    can(user, 'indicator:edit') && (editsAll || d.departmentId === user.departmentId);
  const departmentName = (id: string) => {
    const d = departments.data?.find((x) => x.id === id);
    return d ? (zh ? d.name.zh : d.name.en) : id;
  };
  const words = {
    warning: t('indicators.words.warning'),
    alarm: t('indicators.words.alarm'),
    target: t('indicators.words.target'),
  };
  const levelsText = (d: IndicatorDefinition) =>
    d.levels.map((l) => t(`indicators.levels.${l}`)).join(zh ? '、' : ', ');
  const rollupText = (d: IndicatorDefinition) =>
    d.formula
      ? `${t('indicators.derived')}: ${t(`indicators.op.${d.formula.op}`)}`
      : t(`indicators.rule.${d.rollup.rule}`);
  // Layouts: "—" until the layout service answers (or when it does not exist), never "none" before that.
  const layoutsText = (d: IndicatorDefinition) =>
    uses
      ? (uses
          .get(d.id)
          ?.map((u) => u.label)
          .join('; ') ??
          '') ||
        '0'
      : '—';
  const freshnessText = (d: IndicatorDefinition) => {
    if (!health.data) return `… (${durationText(d.freshnessTargetSeconds, lang)})`;
    const f = freshnessOf(d, health.data.upstreams, health.data.now);
    const age = f.ageSeconds === null ? '' : ` ${durationText(f.ageSeconds, lang)}`;
    return `${t(`indicators.fresh.${f.state}`)}${age} (${durationText(d.freshnessTargetSeconds, lang)})`;
  };

  const exportCsv = () => {
    const header = ['id', 'name', 'definition', 'field', ...TABLE_COLUMNS.slice(2), 'version'].map((k) =>
      t(`indicators.col.${k}`),
    );
    const body = rows.map((d) => [
      d.id,
      zh ? d.name.zh : d.name.en,
      zh ? d.definition.zh : d.definition.en,
      t(`indicators.fields.${d.field}`),
      departmentName(d.departmentId),
      `${d.source.system} / ${d.source.dataset}`,
      levelsText(d),
      rollupText(d),
      durationText(d.updateFrequencySeconds, lang),
      freshnessText(d),
      thresholdText(d, words),
      layoutsText(d),
      t(`indicators.status.${d.status}`),
      d.version,
    ]);
    const url = URL.createObjectURL(new Blob([toCsv(header, body)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'indicators.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <div className="admin" data-testid="indicators-page">
      <header className="header admin__header">
        <div className="header__brand">
          <h1 className="header__title">{t('indicators.title')}</h1>
          <span className="header__subtitle">{t('indicators.subtitle')}</span>
        </div>
        <div className="header__right">
          <Link className="button button--ghost" to={homePath(user, search)}>
            {t('indicators.back')}
          </Link>
          <UserMenu />
          <LanguageButton />
        </div>
      </header>
      <main className="admin__main">
        <section className="admin-section">
          <div className="admin-section__bar">
            <input
              type="search"
              aria-label={t('indicators.search')}
              placeholder={t('indicators.search')}
              value={filters.q}
              onChange={(e) => setFilters({ ...filters, q: e.target.value })}
              data-testid="indicator-search"
            />
            <select
              aria-label={t('indicators.col.field')}
              value={filters.field}
              onChange={(e) => setFilters({ ...filters, field: e.target.value })}
              data-testid="indicator-field"
            >
              <option value="">{t('indicators.allFields')}</option>
              {INDICATOR_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`indicators.fields.${f}`)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('indicators.col.department')}
              value={filters.department}
              onChange={(e) => setFilters({ ...filters, department: e.target.value })}
              data-testid="indicator-department"
            >
              <option value="">{t('indicators.allDepartments')}</option>
              {departmentIds.map((id) => (
                <option key={id} value={id}>
                  {departmentName(id)}
                </option>
              ))}
            </select>
            <span className="muted">
              {definitions.data ? t('indicators.count', { count: rows.length }) : ''}
            </span>
            <button
              type="button"
              className="button button--ghost"
              onClick={exportCsv}
              disabled={!definitions.data}
            >
              {t('indicators.csv')}
            </button>
            {can(user, 'indicator:edit') && (
              <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
                {t('indicators.create')}
              </button>
            )}
          </div>
          {notice && (
            <p className="muted" role="status">
              {notice}
            </p>
          )}
          {editing && (
            <IndicatorEditor
              key={editing === 'new' ? 'new' : `${editing.id}@${editing.version}`}
              definition={editing === 'new' ? null : editing}
              departmentId={user.departmentId}
              onClose={(saved) => {
                setEditing(null);
                if (saved) {
                  setNotice(t('indicators.saved', { version: saved.version }));
                  void queryClient.invalidateQueries({ queryKey: indicatorsKey });
                }
              }}
              onReload={async (id) => {
                await queryClient.invalidateQueries({ queryKey: indicatorsKey });
                const fresh = queryClient
                  .getQueryData(indicatorDefinitionsQuery().queryKey)
                  ?.items.find((d) => d.id === id);
                setEditing(fresh ?? null);
              }}
            />
          )}
          <p className="muted">{t('indicators.freshnessNote')}</p>
          {definitions.isPending ? (
            <p className="muted">{t('indicators.loading')}</p>
          ) : definitions.isError ? (
            <p className="form-error">{t('indicators.loadError', { message: definitions.error.message })}</p>
          ) : (
            <div className="data-table">
              <div className="data-table__scroll">
                <table data-testid="indicator-table">
                  <thead>
                    <tr>
                      {TABLE_COLUMNS.map((k) => (
                        <th key={k}>{t(`indicators.col.${k}`)}</th>
                      ))}
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((d) => (
                      <tr key={d.id} data-key={d.id}>
                        <td>
                          <strong>{zh ? d.name.zh : d.name.en}</strong>
                          {d.unit ? ` (${d.unit})` : ''}
                          <br />
                          <code className="muted">{d.id}</code>
                          <br />
                          <span className="muted">{t(`indicators.fields.${d.field}`)}</span>
                        </td>
                        <td>{zh ? d.definition.zh : d.definition.en}</td>
                        <td>{departmentName(d.departmentId)}</td>
                        <td>
                          {d.source.system}
                          <br />
                          <span className="muted">{d.source.dataset}</span>
                        </td>
                        <td>{levelsText(d)}</td>
                        <td>{rollupText(d)}</td>
                        <td>{durationText(d.updateFrequencySeconds, lang)}</td>
                        <td data-testid="freshness">{freshnessText(d)}</td>
                        <td>{thresholdText(d, words)}</td>
                        <td title={layouts.data === null ? t('indicators.layoutsUnknown') : undefined}>
                          {layoutsText(d)}
                        </td>
                        <td>
                          {t(`indicators.status.${d.status}`)} · v{d.version}
                        </td>
                        <td>
                          {mayEdit(d) && (
                            <button
                              type="button"
                              className="button button--ghost"
                              onClick={() => setEditing(d)}
                            >
                              {t('indicators.edit')}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </section>
      </main>
    </div>
  );
}

function IndicatorEditor({
  definition,
  departmentId,
  onClose,
  onReload,
}: {
  definition: IndicatorDefinition | null;
  departmentId: string | null;
  onClose: (saved: IndicatorDefinition | null) => void;
  onReload: (id: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<IndicatorForm>(
    definition ? formOf(definition) : { ...EMPTY_FORM, departmentId: departmentId ?? '' },
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const labels: Record<string, string> = Object.fromEntries(
    Object.keys(EMPTY_FORM).map((k) => [k, t(`indicators.form.${k}`)]),
  );
  // The contract's field paths → the form's labels.
  Object.assign(labels, {
    'name.zh': labels.nameZh,
    'name.en': labels.nameEn,
    'definition.zh': labels.definitionZh,
    'definition.en': labels.definitionEn,
    'source.system': labels.sourceSystem,
    'source.dataset': labels.sourceDataset,
    'thresholds.warning': labels.warning,
    'thresholds.alarm': labels.alarm,
    'target.value': t('indicators.form.target'),
    'rollup.rule': labels.rollupRule,
    'rollup.weight': labels.rollupOperands,
    'rollup.numerator': labels.rollupOperands,
    'rollup.denominator': labels.rollupOperands,
    formula: labels.formulaOp,
  });
  const set = <K extends keyof IndicatorForm>(key: K, value: IndicatorForm[K]) =>
    setForm({ ...form, [key]: value });
  const text = (key: keyof IndicatorForm, opts: { disabled?: boolean; long?: boolean } = {}) =>
    opts.long ? (
      <label className="field">
        <span>{labels[key]}</span>
        <textarea
          name={key}
          rows={3}
          value={form[key] as string}
          onChange={(e) => set(key, e.target.value as never)}
        />
      </label>
    ) : (
      <label className="field">
        <span>{labels[key]}</span>
        <input
          name={key}
          value={form[key] as string}
          disabled={opts.disabled}
          onChange={(e) => set(key, e.target.value as never)}
        />
      </label>
    );
  const choice = (key: keyof IndicatorForm, options: readonly string[], label: (o: string) => string) => (
    <label className="field">
      <span>{labels[key]}</span>
      <select name={key} value={form[key] as string} onChange={(e) => set(key, e.target.value as never)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </label>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setConflict(null);
    const body = definitionOf(form);
    setBusy(true);
    try {
      if (definition) {
        const checked = validate(UpdateIndicatorRequest, { ...body, version: definition.version });
        if (!checked.ok) return setErrors(checked.errors);
        onClose(await updateIndicator(definition.id, checked.data));
      } else {
        const checked = validate(CreateIndicatorRequest, body);
        if (!checked.ok) return setErrors(checked.errors);
        onClose(await createIndicator(checked.data));
      }
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409 && err.code === 'VERSION_CONFLICT') {
        const current = (err.details as { currentVersion?: number } | undefined)?.currentVersion;
        setErrors([]);
        setConflict(current ?? 0);
      } else setErrors(serverErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="indicator-editor">
      <div className="admin-form__grid">
        {text('id', { disabled: Boolean(definition) })}
        {text('nameZh')}
        {text('nameEn')}
        {text('unit')}
        {choice('field', INDICATOR_FIELDS, (f) => t(`indicators.fields.${f}`))}
        {choice('theme', THEMES, (x) => x)}
        {text('definitionZh', { long: true })}
        {text('definitionEn', { long: true })}
        {text('departmentId')}
        {text('sourceSystem')}
        {text('sourceDataset')}
        <fieldset className="field">
          <legend>{labels.levels}</legend>
          {LEVELS.map((l) => (
            <label key={l}>
              <input
                type="checkbox"
                checked={form.levels.includes(l)}
                onChange={(e) =>
                  set(
                    'levels',
                    e.target.checked
                      ? LEVELS.filter((x) => x === l || form.levels.includes(x))
                      : form.levels.filter((x) => x !== l),
                  )
                }
              />
              {t(`indicators.levels.${l}`)}
            </label>
          ))}
        </fieldset>
        {choice('rollupRule', RULES, (r) => t(`indicators.rule.${r}`))}
        {text('rollupOperands')}
        {text('updateFrequencySeconds')}
        {text('freshnessTargetSeconds')}
        {choice('direction', ['higherIsBetter', 'higherIsWorse'], (d) => t(`indicators.direction.${d}`))}
        {text('warning')}
        {text('alarm')}
        {choice('targetComparator', ['>=', '<='], (c) => (c === '>=' ? '≥' : '≤'))}
        {text('targetValue')}
        {choice('formulaOp', OPS, (o) => t(`indicators.op.${o}`))}
        {text('formulaOperands')}
        {choice('status', ['draft', 'active', 'retired'], (s) => t(`indicators.status.${s}`))}
      </div>
      <p className="muted">{t('indicators.form.shareHint')}</p>
      {conflict !== null && definition && (
        <p className="form-error" role="alert" data-testid="indicator-conflict">
          {t('indicators.conflict', { version: conflict })}{' '}
          <button type="button" className="button button--ghost" onClick={() => void onReload(definition.id)}>
            {t('indicators.reload')}
          </button>
        </p>
      )}
      <FormErrors errors={errors} labels={labels} />
      <FormActions onCancel={() => onClose(null)} busy={busy} saveTestId="indicator-save" />
    </form>
  );
}
