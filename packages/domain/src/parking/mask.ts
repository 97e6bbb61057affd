/**
 * Licence-plate masking for display (personal-information protection): keep the province character, the
 * city letter and the last 2 characters, mask the rest as "***", always formatted "浙J·***45".
 *
 * Accepted (after NFKC normalisation — full-width letters/digits become ASCII — removing spaces and the
 * separators · • ・ . - _, upper-casing): a province abbreviation, a city letter A–Z, then 5 characters
 * (ordinary plate, e.g. 浙JA12345) or 6 (new-energy plate, e.g. 浙JD12345 / 浙J12345F) of letters/digits,
 * the last of which may also be a special-use character (挂 学 警 港 澳 领 试 超 使). A 7-character tail is
 * accepted as well: the product issue's new-energy example '浙JD123456' has one digit more than a real
 * plate, and accepting it reveals nothing more (only the last 2 characters are ever shown). Anything else — empty, garbage,
 * an already masked value, plates without a province prefix (e.g. WJ armed-police plates) — returns "***":
 * the input is never echoed.
 */

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const SPECIAL_LAST = '挂学警港澳领试超使';
const PLATE_RE = new RegExp(`^([${PROVINCES}])([A-Z])([A-Z0-9]{4,6}[A-Z0-9${SPECIAL_LAST}])$`, 'u');
const SEPARATORS_RE = /[\s·•・.\-_]/gu;

export const MASKED = '***';

/** Mask a plate for display: '浙J·A12345' → '浙J·***45'; invalid input → '***'. */
export function maskPlate(plate: string | null | undefined): string {
  if (typeof plate !== 'string' || plate.length > 32) return MASKED;
  const norm = plate.normalize('NFKC').replace(SEPARATORS_RE, '').toUpperCase();
  const m = PLATE_RE.exec(norm);
  if (!m) return MASKED;
  const [, province, city, rest] = m;
  if (province === undefined || city === undefined || rest === undefined) return MASKED;
  return `${province}${city}·${MASKED}${rest.slice(-2)}`;
}
