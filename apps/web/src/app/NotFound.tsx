import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="not-found" data-testid="not-found">
      <h1>404 · {t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link to="/" className="button">
        {t('notFound.back')}
      </Link>
    </main>
  );
}
