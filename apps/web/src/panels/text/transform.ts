/**
 * Pure transform of a text note: the text of the current language (the other one when it is empty), cut into
 * lines. It stays text: the component renders each line as a text node, never as HTML.
 */
export function textLines(text: { zh: string; en: string }, lang: string): string[] {
  const chosen = lang === 'en' ? text.en || text.zh : text.zh || text.en;
  const lines = chosen.split(/\r?\n/).map((l) => l.trimEnd());
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return lines;
}
