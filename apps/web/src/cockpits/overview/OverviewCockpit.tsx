import { HealthPanel } from '../../panels/health/HealthPanel';
import type { CockpitProps } from '../registry';
import { ScopePanel } from './ScopePanel';

/** 县域总览. Grows into the four fields' indicators once the department systems are aggregated. */
export default function OverviewCockpit(props: CockpitProps) {
  return (
    <>
      <aside className="column column--left">
        <ScopePanel {...props} />
      </aside>
      <aside className="column column--right">
        <HealthPanel />
      </aside>
    </>
  );
}
