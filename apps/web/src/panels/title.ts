/** A panel's title: the one its options give, in the current language, else the panel's own. */
export function panelTitle(title: { zh: string; en: string } | null, lang: string, fallback: string): string {
  if (!title) return fallback;
  const text = lang === 'en' ? title.en || title.zh : title.zh || title.en;
  return text.trim() || fallback;
}
