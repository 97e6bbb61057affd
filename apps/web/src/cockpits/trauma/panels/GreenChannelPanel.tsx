import type { TraumaGreenChannelOptions } from '@cockpit/contracts';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { Loading, Panel } from '../../../components/Panel';
import type { PanelProps } from '../../../layout/types';
import { useTraumaUi } from '../store';
import { Countdown, useSource, useTraumaSnapshot } from './common';
import { greenChannelView } from './views';

/**
 * trauma.green-channel: the case in front (a new severe case, or the one tapped): destination with reasons, ETA
 * countdown, intersections ahead in order.
 */
export default function GreenChannelPanel({
  options,
  scope,
}: PanelProps<z.infer<typeof TraumaGreenChannelOptions>>) {
  const { t: tr, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { snapshot, receivedAt } = useTraumaSnapshot(scope.regionCode);
  const focusId = useTraumaUi((s) => s.focusId);
  const focusAt = useTraumaUi((s) => s.focusAt);
  const src = useSource(snapshot);
  const view = greenChannelView(snapshot, options, { focusId, focusAt }, Date.now());
  const t = view.state === 'case' ? view.transport : undefined;
  const announced = view.state === 'case' && view.announced;
  const showReasons = view.state === 'case' && view.showReasons;
  const columns = view.state === 'case' ? view.columns : 1;
  return (
    <Panel
      title={tr('trauma.greenChannel')}
      {...src}
      className={`trauma-channel ${announced ? 'trauma-channel--new' : ''}`}
    >
      {view.state === 'loading' ? (
        <Loading />
      ) : !t ? (
        <p className="muted">{tr('trauma.noActive')}</p>
      ) : (
        <div
          className={`channel ${columns === 2 ? 'channel--columns' : ''}`}
          data-testid="green-channel"
          data-incident={t.incidentId}
          data-phase={t.phase}
        >
          <div className="channel__facts">
            <div className="channel__head">
              <span className={`sev sev--${t.severity}`}>{tr(`trauma.severity.${t.severity}`)}</span>
              <span>{tr(`trauma.injury.${t.injuryType}`)}</span>
              <span className="muted">
                {tr(`trauma.age.${t.ageBand}`)} · {tr(`trauma.sex.${t.sex}`)}
              </span>
              {announced && <span className="channel__new">{tr('trauma.new')}</span>}
            </div>
            <div className="channel__row">
              <span className="muted">{tr(`trauma.phase.${t.phase}`)}</span>
              {t.ambulanceId && (
                <span data-testid="channel-ambulance">
                  {tr('trauma.ambulance')} {t.ambulanceId}
                </span>
              )}
            </div>
            {t.hospital && (
              <div
                className="channel__hospital"
                data-testid="channel-hospital"
                data-hospital={t.hospital.hospitalId}
              >
                {/* Driving to the scene, the hospital is the next leg, not the current destination. */}
                <span className="muted">{tr(t.phase === 'to_scene' ? 'trauma.thenTo' : 'trauma.to')}</span>{' '}
                <strong>{t.hospital.name}</strong>
              </div>
            )}
            {t.eta && (
              <div className="channel__eta">
                <div>
                  <div className="muted">
                    {t.phase === 'to_scene'
                      ? tr('trauma.etaScene')
                      : `${tr('trauma.etaHospital')}（${tr('trauma.etaWith')}）`}
                  </div>
                  <Countdown
                    etaSeconds={t.eta.withPreemptionS}
                    receivedAt={receivedAt}
                    className="figure__value"
                    withArrival
                  />
                </div>
                <div className="channel__saved">
                  <div className="muted">
                    {tr('trauma.etaWithout')} {Math.round(t.eta.withoutPreemptionS / 60)}{' '}
                    {tr('trauma.minutes')}
                  </div>
                  <div>
                    {tr('trauma.saved')} <strong>{Math.round(t.eta.savedS)}</strong> {tr('trauma.seconds')}
                  </div>
                </div>
              </div>
            )}
            {t.hospital && showReasons && (
              <div className="channel__reasons" data-testid="channel-reasons">
                <div className="muted">{tr('trauma.reasons')}</div>
                <ul className="chips">
                  {t.hospital.reasons.map((r) => (
                    <li
                      key={r.code}
                      className={`chip chip--${r.code.startsWith('fallback') ? 'warn' : 'ok'}`}
                    >
                      {en ? r.text.en : r.text.zh}
                    </li>
                  ))}
                </ul>
                {t.hospital.rejected[0] && (
                  <div className="muted channel__rejected">
                    {en ? t.hospital.rejected[0].summary.en : t.hospital.rejected[0].summary.zh}
                  </div>
                )}
              </div>
            )}
          </div>
          <div className="channel__signals">
            <div className="muted">
              {tr('trauma.intersections')}
              {t.route &&
                ` · ${tr('trauma.distance')} ${(t.route.distanceM / 1000).toFixed(1)} ${tr('trauma.km')}`}
            </div>
            {t.signals.length === 0 ? (
              <p className="muted">{tr('trauma.noSignals')}</p>
            ) : (
              <ol className="signals" data-testid="channel-signals">
                {t.signals.map((s) => (
                  <li
                    key={s.id}
                    className={`signal signal--${s.state}`}
                    data-state={s.state}
                    data-signal={s.id}
                  >
                    <span className="signal__dot" />
                    <span className="signal__name">{s.name}</span>
                    <span className="signal__state">
                      {tr(`trauma.signal.${s.state}`, { defaultValue: s.state })}
                      {s.state === 'hold_ended' &&
                        s.holdEndReason &&
                        ` · ${tr(`trauma.holdEnd.${s.holdEndReason}`)}`}
                      {(s.holds ?? 0) > 1 && ` · ${s.holds} ${tr('trauma.holds')}`}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </Panel>
  );
}
