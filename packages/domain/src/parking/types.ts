/** A bilingual text (the cockpit shows Chinese by default, English on request). */
export interface LocalizedText {
  zh: string;
  en: string;
}
