import type {
  IndicatorDefinition,
  LayoutEditorRights,
  Level,
  PanelInstance,
  PanelThresholds,
  Theme,
} from '@cockpit/contracts';
import { PANEL_TYPES } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorDefinitionsQuery } from '../../lib/snapshot';
import { bandText, pickableIndicators } from './indicator-pick';
import {
  type OptionField,
  optionFields,
  optionIssues,
  valueAt,
  withDefaults,
  withValueAt,
} from './option-fields';
import { ThresholdsInput } from './ThresholdsField';

type Props = {
  panel: PanelInstance;
  theme: Theme;
  level: Level;
  /** Which indicators the editor may bind (the picker offers only those). */
  rights: LayoutEditorRights | null;
  /** New options; `field` names the edited field (typing in one field makes one undo step). */
  onChange: (options: Record<string, unknown>, field: string) => void;
};

/** The selected panel's options, as a form generated from its type's zod schema. */
export function OptionsForm({ panel, theme, level, rights, onChange }: Props) {
  const { t } = useTranslation();
  const spec = PANEL_TYPES[panel.type];
  const fields = useMemo(() => (spec ? optionFields(spec.options) : []), [spec]);
  if (!spec) return <p className="studio-issue">{t('layout.unknownType', { type: panel.type })}</p>;
  const shown = withDefaults(spec.options, panel.options);
  const issues = optionIssues(spec.options, panel.options);
  const env: FieldEnv = {
    set: (path, value) => onChange(withValueAt(shown, path, value), path.join('.')),
    theme,
    level,
    rights,
  };
  return (
    <form className="studio-form" data-testid="studio-options" onSubmit={(e) => e.preventDefault()}>
      {fields.map((f) => (
        <FieldInput key={f.key} field={f} options={shown} env={env} />
      ))}
      {[...issues].map(([field, message]) => (
        <p key={field} className="studio-issue" role="alert" data-testid="studio-option-issue">
          {t('studio.issues', { field, message })}
        </p>
      ))}
    </form>
  );
}

/** What every field of the form shares: the setter and the scope the indicators are picked for. */
type FieldEnv = {
  set: (path: string[], value: unknown) => void;
  theme: Theme;
  level: Level;
  rights: LayoutEditorRights | null;
};

type FieldProps = { field: OptionField; options: Record<string, unknown>; env: FieldEnv };

function FieldInput({ field, options, env }: FieldProps) {
  const { set, theme, level, rights } = env;
  const { t } = useTranslation();
  const label = t(`studio.fieldLabels.${field.key}`, { defaultValue: field.key });
  const value = valueAt(options, field.path);
  const name = field.path.join('.');
  switch (field.kind) {
    case 'group': {
      const on = value !== null && value !== undefined;
      return (
        <fieldset className="studio-form__group" data-field={name}>
          <legend>{label}</legend>
          {field.nullable && (
            <label className="studio-form__check">
              <input
                type="checkbox"
                checked={on}
                name={`${name}.on`}
                onChange={(e) => set(field.path, e.target.checked ? field.empty : null)}
              />
              {field.key === 'title' ? t('studio.titleOwn') : label}
              {!on && field.key === 'title' && <small> {t('studio.titleDefault')}</small>}
            </label>
          )}
          {on && field.fields.map((f) => <FieldInput key={f.key} field={f} options={options} env={env} />)}
        </fieldset>
      );
    }
    case 'text':
      return field.multiline ? (
        <label className="studio-form__field">
          <span>{label}</span>
          <textarea
            name={name}
            value={String(value ?? '')}
            maxLength={field.maxLength}
            rows={4}
            onChange={(e) => set(field.path, e.target.value)}
          />
        </label>
      ) : (
        <label className="studio-form__field">
          <span>{label}</span>
          <input
            name={name}
            value={String(value ?? '')}
            maxLength={field.maxLength}
            onChange={(e) => set(field.path, e.target.value)}
          />
        </label>
      );
    case 'colour':
      return (
        <label className="studio-form__field">
          <span>{label}</span>
          <input
            type="color"
            name={name}
            value={String(value ?? '#36c3f0')}
            onChange={(e) => set(field.path, e.target.value)}
          />
        </label>
      );
    case 'number':
      return (
        <label className="studio-form__field">
          <span>{label}</span>
          <input
            type="number"
            name={name}
            value={typeof value === 'number' ? value : ''}
            min={field.min}
            max={field.max}
            step={field.integer ? 1 : 'any'}
            onChange={(e) => set(field.path, e.target.value === '' ? undefined : Number(e.target.value))}
          />
        </label>
      );
    case 'boolean':
      return (
        <label className="studio-form__check">
          <input
            type="checkbox"
            name={name}
            checked={value === true}
            onChange={(e) => set(field.path, e.target.checked)}
          />
          {label}
        </label>
      );
    case 'enum':
      return (
        <label className="studio-form__field">
          <span>{label}</span>
          <select
            name={name}
            value={String(value ?? '')}
            onChange={(e) => {
              const picked = field.values.find((v) => String(v) === e.target.value);
              set(field.path, picked);
            }}
          >
            {field.values.map((v) => (
              <option key={String(v)} value={String(v)}>
                {t(`studio.choices.${field.key}.${v}`, { defaultValue: String(v) })}
              </option>
            ))}
          </select>
        </label>
      );
    case 'enum-set': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className="studio-form__group" data-field={name}>
          <legend>{label}</legend>
          {field.values.map((v) => (
            <label key={v} className="studio-form__check">
              <input
                type="checkbox"
                checked={chosen.includes(v)}
                onChange={(e) =>
                  set(field.path, e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))
                }
              />
              {v}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'strings': {
      const list = Array.isArray(value) ? (value as string[]) : [];
      return (
        <label className="studio-form__field">
          <span>{label}</span>
          <input
            name={name}
            value={list.join(', ')}
            onChange={(e) =>
              set(
                field.path,
                e.target.value
                  .split(/[,，]/)
                  .map((s) => s.trim())
                  .filter(Boolean),
              )
            }
          />
        </label>
      );
    }
    case 'indicator':
    case 'indicators': {
      const multiple = field.kind === 'indicators';
      const chosen = multiple
        ? Array.isArray(value)
          ? (value as string[])
          : []
        : typeof value === 'string' && value
          ? [value]
          : [];
      return (
        <fieldset className="studio-form__group" data-field={name}>
          <legend>{label}</legend>
          <IndicatorPicker
            theme={theme}
            level={level}
            rights={rights}
            chosen={chosen}
            multiple={multiple}
            max={field.kind === 'indicators' ? field.maxItems : 1}
            onChange={(ids) => set(field.path, multiple ? ids : (ids[0] ?? ''))}
          />
        </fieldset>
      );
    }
    case 'thresholds': {
      if (!field.perIndicator)
        return (
          <ThresholdsInput
            name={name}
            label={label}
            value={(value ?? null) as PanelThresholds}
            indicatorId={typeof options.indicatorId === 'string' ? options.indicatorId : ''}
            onChange={(next) => set(field.path, next)}
          />
        );
      // One set of bands per indicator the panel shows; an indicator switched back drops out of the map.
      const byId = (value ?? {}) as Record<string, NonNullable<PanelThresholds>>;
      const ids = Array.isArray(options.indicatorIds) ? (options.indicatorIds as string[]) : [];
      return (
        <fieldset className="studio-form__group" data-field={name}>
          <legend>{label}</legend>
          {ids.length === 0 && <small>{t('studio.thresholdsNeedIndicator')}</small>}
          {ids.map((id) => (
            <ThresholdsInput
              key={id}
              name={`${name}.${id}`}
              label="indicator"
              value={byId[id] ?? null}
              indicatorId={id}
              onChange={(next) => {
                const { [id]: _old, ...rest } = byId;
                set(field.path, next ? { ...rest, [id]: next } : rest);
              }}
            />
          ))}
        </fieldset>
      );
    }
    case 'unsupported':
      return (
        <p className="studio-issue">
          {label}: {field.description}
        </p>
      );
  }
}

/**
 * Indicators to bind, from the stored catalogue: each with its name, unit, 口径 and the levels where it
 * exists (one missing at the scope's level cannot be chosen), and its bands (the panel's thresholds).
 */
function IndicatorPicker({
  theme,
  level,
  rights,
  chosen,
  multiple,
  max,
  onChange,
}: {
  theme: Theme;
  level: Level;
  rights: LayoutEditorRights | null;
  chosen: string[];
  multiple: boolean;
  max: number | undefined;
  onChange: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const catalogue = useQuery(indicatorDefinitionsQuery());
  const en = i18n.language === 'en';
  if (catalogue.isPending) return <p>{t('studio.loading')}</p>;
  if (catalogue.error)
    return <p className="studio-issue">{t('studio.error', { message: catalogue.error.message })}</p>;
  const items = pickableIndicators(catalogue.data.items, { theme, level, query, chosen, rights });
  const byId = new Map<string, IndicatorDefinition>(catalogue.data.items.map((d) => [d.id, d]));
  const toggle = (id: string) => {
    if (!multiple) return onChange([id]);
    if (chosen.includes(id)) return onChange(chosen.filter((c) => c !== id));
    if (max !== undefined && chosen.length >= max) return;
    onChange([...chosen, id]);
  };
  return (
    <div className="indicator-picker" data-testid="indicator-picker">
      <div className="indicator-picker__chosen">
        {chosen.length === 0 && <small>{t('studio.pickedNone')}</small>}
        {chosen.map((id) => {
          const d = byId.get(id);
          return (
            <button
              key={id}
              type="button"
              className="chip"
              onClick={() => toggle(id)}
              title={t('studio.delete')}
            >
              {d ? (en ? d.name.en : d.name.zh) : id} ×
            </button>
          );
        })}
      </div>
      <input
        type="search"
        placeholder={t('studio.indicatorSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="indicator-search"
      />
      <ul className="indicator-picker__list">
        {items.map(({ definition: d, atLevel, binding }) => (
          <li key={d.id}>
            <label
              className={`indicator-option${atLevel && binding.ok ? '' : ' indicator-option--off'}`}
              data-indicator-id={d.id}
              data-bindable={binding.ok ? 'true' : 'false'}
            >
              <input
                type={multiple ? 'checkbox' : 'radio'}
                checked={chosen.includes(d.id)}
                // A chosen one stays clickable to remove it; an unbindable one cannot be added.
                disabled={!chosen.includes(d.id) && (!atLevel || !binding.ok)}
                onChange={() => toggle(d.id)}
              />
              <span className="indicator-option__name">
                {en ? d.name.en : d.name.zh}
                {d.unit && <small>（{d.unit}）</small>}
              </span>
              <small className="indicator-option__meta">
                {d.id} · {t('studio.levelsOf')}：{d.levels.map((l) => t(`studio.levels.${l}`)).join('/')}
                {' · '}
                {bandText(d, t('studio.noBand'), (w, a) => t('studio.bands', { warning: w, alarm: a }))}
                {!atLevel && ` · ${t('studio.notAtLevel')}`}
              </small>
              {!binding.ok && (
                <small className="indicator-option__refusal" data-testid="indicator-not-bindable">
                  {t(`studio.notBindable.${binding.reason}`, { owner: binding.owner ?? '—' })}
                </small>
              )}
              <small className="indicator-option__definition" title={en ? d.definition.en : d.definition.zh}>
                {t('studio.definition')}：{en ? d.definition.en : d.definition.zh}
              </small>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
