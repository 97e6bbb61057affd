import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const STORAGE_KEY = 'cockpit.lang';

export function initialLang(search: string, stored: string | null): Lang {
  const requested = new URLSearchParams(search).get('lang') ?? stored;
  return requested === 'en' ? 'en' : 'zh-CN';
}

export function initI18n(): typeof i18next {
  const lng = initialLang(window.location.search, safeStorage()?.getItem(STORAGE_KEY) ?? null);
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (lang) => {
    document.documentElement.lang = lang;
    safeStorage()?.setItem(STORAGE_KEY, lang);
  });
  return i18next;
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
