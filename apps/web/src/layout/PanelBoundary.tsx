import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A panel that cannot be shown says why, in its own cell; the rest of the screen goes on. */
export function ErrorPanel({ message, type }: { message: string; type: string }) {
  const { t } = useTranslation();
  return (
    <section
      className="panel panel--error"
      aria-label={t('layout.error')}
      data-testid="panel-error"
      data-type={type}
    >
      <h2 className="panel__title">{t('layout.error')}</h2>
      <div className="panel__body">
        <p className="panel-error__message">{message}</p>
      </div>
    </section>
  );
}

type Props = { type: string; children: ReactNode; describe: (error: unknown) => string };

/** Catches a panel's render errors (and failed chunk loads) so one panel never takes the screen down. */
export class PanelBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error !== null)
      return <ErrorPanel type={this.props.type} message={this.props.describe(this.state.error)} />;
    return this.props.children;
  }
}
