import type { PanelThresholds } from '@cockpit/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { indicatorDefinitionsByIdQuery } from '../../lib/snapshot';
import { bandText } from './indicator-pick';
import { bandInput, bandValue, ownBandsFrom, ownBandsIssue, ownColours } from './thresholds-form';

type Props = {
  name: string;
  /** The legend; `indicator`: the indicator's name (one of several a panel shows). */
  label: string | 'indicator';
  value: PanelThresholds;
  /** The indicator the panel is bound to: its bands are the default and the placeholder. */
  indicatorId: string;
  onChange: (next: PanelThresholds) => void;
};

/**
 * A panel's own warning/alarm limits (and colours) for its indicator. Off: the indicator's stored bands, shown
 * as the default; switched on, the limits start from them, in the indicator's display unit (% as percent).
 */
export function ThresholdsInput({ name, label, value, indicatorId, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const definitions = useQuery(indicatorDefinitionsByIdQuery());
  const d = definitions.data?.get(indicatorId);
  const own = value !== null;
  const unit = d?.unit ?? '';
  const shownUnit = unit === '%' ? '%' : unit;
  const issue = ownBandsIssue(value, d);
  const indicatorBands = d
    ? bandText(d, t('studio.noBand'), (w, a) => t('studio.bands', { warning: w, alarm: a }))
    : '';
  return (
    <fieldset className="studio-form__group" data-field={name} data-testid="studio-thresholds">
      <legend>
        {label !== 'indicator' ? label : d ? (i18n.language === 'en' ? d.name.en : d.name.zh) : indicatorId}
      </legend>
      {!indicatorId ? (
        <small>{t('studio.thresholdsNeedIndicator')}</small>
      ) : definitions.isPending ? (
        <small>{t('studio.loading')}</small>
      ) : !d ? (
        <small className="studio-issue">{t('studio.thresholdsUnknown', { id: indicatorId })}</small>
      ) : (
        <>
          <label className="studio-form__check">
            <input
              type="checkbox"
              name={`${name}.on`}
              checked={own}
              onChange={(e) => onChange(e.target.checked ? ownBandsFrom(d) : null)}
            />
            {t('studio.thresholdsOwn')}
          </label>
          <small data-testid="studio-thresholds-default">
            {t('studio.thresholdsDefault', { bands: indicatorBands })} ·{' '}
            {t(`studio.direction.${d.direction}`)}
          </small>
          {own &&
            (['warning', 'alarm'] as const).map((band) => (
              <label key={band} className="studio-form__field">
                <span>
                  {t(`studio.fieldLabels.${band}`)}
                  {shownUnit && `（${shownUnit}）`}
                </span>
                <input
                  type="number"
                  step="any"
                  name={`${name}.${band}`}
                  value={bandInput(value[band], unit)}
                  placeholder={bandInput(d.thresholds[band], unit)}
                  onChange={(e) => onChange({ ...value, [band]: bandValue(e.target.value, unit) })}
                />
              </label>
            ))}
          {own && (
            <label className="studio-form__check">
              <input
                type="checkbox"
                name={`${name}.colors.on`}
                checked={value.colors !== null}
                onChange={(e) => onChange({ ...value, colors: e.target.checked ? ownColours() : null })}
              />
              {t('studio.thresholdsColours')}
            </label>
          )}
          {own &&
            value.colors !== null &&
            (['normal', 'warning', 'alarm'] as const).map((band) => (
              <label key={band} className="studio-form__field">
                <span>{t(`studio.bandColour.${band}`)}</span>
                <input
                  type="color"
                  name={`${name}.colors.${band}`}
                  value={value.colors?.[band]}
                  onChange={(e) =>
                    value.colors &&
                    onChange({ ...value, colors: { ...value.colors, [band]: e.target.value } })
                  }
                />
              </label>
            ))}
          {issue && (
            <p className="studio-issue" role="alert" data-testid="studio-option-issue">
              {t('studio.issues', { field: `${name}.alarm`, message: t(`studio.bandOrder.${issue}`) })}
            </p>
          )}
        </>
      )}
    </fieldset>
  );
}
