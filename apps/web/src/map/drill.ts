/** Pure helpers of the drill-down: which region a key or a gesture leads to. */

/** Esc goes up one level; at the county it stays. */
export function upOneLevel(parentCode: string | null): string | null {
  return parentCode;
}

/**
 * On touch, a tap selects a region (the shell then offers a 进入 button); a second tap on the selected
 * region enters it, however long after the first. A tap on another region moves the selection.
 */
export function tapDecision(selected: string | null, code: string): { select: string; drill: boolean } {
  return { select: code, drill: selected === code };
}

/** Keeps the query string (screen profile, canvas, language) when moving between scopes. */
export function scopePath(theme: string, regionCode: string, search: string): string {
  return `/${theme}/${regionCode}${search}`;
}
