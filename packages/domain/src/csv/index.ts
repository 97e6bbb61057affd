/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends, a BOM so spreadsheet apps read UTF-8): the one home of
 * the escaping shared by the web's catalogue export and the BFF's audit export.
 */

/**
 * One CSV cell: quoted when it holds a quote, comma or line break (quotes doubled), and a cell starting
 * with = + - @ (or a tab / carriage return) gets a leading ' so a spreadsheet shows it as text instead of
 * running it as a formula (CSV injection).
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV of a table (header row first), CRLF line ends, with a BOM. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
