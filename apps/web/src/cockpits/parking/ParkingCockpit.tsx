import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import type { CockpitProps } from '../registry';

/** Stand-in for a department cockpit that has not landed yet: says so plainly rather than showing fake data. */
export default function ParkingCockpit({ level, regionCode }: CockpitProps) {
  const { t } = useTranslation();
  return (
    <>
      <aside className="column column--left">
        <Panel title={t('pending.title')} source="—">
          <p className="muted" data-level={level} data-region={regionCode}>
            {t('pending.body')}
          </p>
        </Panel>
      </aside>
      <aside className="column column--right" />
    </>
  );
}
