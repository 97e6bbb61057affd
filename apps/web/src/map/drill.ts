/** Pure helpers of the drill-down: which region a key or a gesture leads to. */

/** Esc goes up one level; at the county it stays. */
export function upOneLevel(parentCode: string | null): string | null {
  return parentCode;
}

/**
 * On touch, a tap selects and a second tap on the same region within the window drills down.
 * Returns the new selection and whether to drill.
 */
export function tapDecision(
  previous: { code: string; at: number } | null,
  code: string,
  at: number,
  windowMs = 450,
): { select: { code: string; at: number }; drill: boolean } {
  const drill = previous !== null && previous.code === code && at - previous.at <= windowMs;
  return { select: { code, at }, drill };
}

/** Keeps the query string (screen profile, canvas, language) when moving between scopes. */
export function scopePath(theme: string, regionCode: string, search: string): string {
  return `/${theme}/${regionCode}${search}`;
}
