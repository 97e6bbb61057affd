import { useTranslation } from 'react-i18next';

/** 中文 ⇄ English (remembered by i18n). */
export function LanguageButton() {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="button button--ghost"
      onClick={() => void i18n.changeLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('header.language')}
    </button>
  );
}
