/**
 * Loading the geography inputs from `geo/data/`: a minimal CSV parser (no quoted fields in these
 * files; tolerates a UTF-8 BOM, CRLF line ends and a trailing newline) and typed row readers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Areal, GeoInputs, Pos, TownshipKind, TownshipRow, VillageRow } from './types';

export const INPUT_FILES = {
  county: 'county-boundary.geojson',
  townships: 'townships.csv',
  villages: 'villages.csv',
} as const;

/** Parse simple CSV text (header row, comma separated, no quoting) into header-keyed records. */
export function readCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const [headerLine, ...rows] = lines;
  if (headerLine === undefined) return [];
  const header = headerLine.split(',').map((h) => h.trim());
  return rows.map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new Error(`CSV row ${i + 2}: expected ${header.length} fields, got ${cells.length}: ${line}`);
    }
    const record: Record<string, string> = {};
    header.forEach((h, j) => {
      record[h] = (cells[j] ?? '').trim();
    });
    return record;
  });
}

function field(record: Record<string, string>, name: string, row: number): string {
  const value = record[name];
  if (value === undefined || value === '') throw new Error(`row ${row}: missing field "${name}"`);
  return value;
}

const KINDS: readonly TownshipKind[] = ['subdistrict', 'town', 'township'];

export function parseTownships(text: string): TownshipRow[] {
  return readCsv(text).map((r, i) => {
    const row = i + 2;
    const code = field(r, 'code', row);
    if (!/^\d{9}$/.test(code)) throw new Error(`townships.csv row ${row}: bad code ${code}`);
    const kind = field(r, 'kind', row);
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new Error(`townships.csv row ${row}: bad kind ${kind}`);
    }
    const seat: Pos = [Number(field(r, 'seat_lon_approx', row)), Number(field(r, 'seat_lat_approx', row))];
    if (!seat.every(Number.isFinite)) throw new Error(`townships.csv row ${row}: bad seat`);
    return { code, name: field(r, 'name', row), kind: kind as TownshipKind, seat };
  });
}

export function parseVillages(text: string): VillageRow[] {
  return readCsv(text).map((r, i) => {
    const row = i + 2;
    const code = field(r, 'code', row);
    if (!/^\d{12}$/.test(code)) throw new Error(`villages.csv row ${row}: bad code ${code}`);
    const townshipCode = field(r, 'township_code', row);
    if (!code.startsWith(townshipCode)) {
      throw new Error(`villages.csv row ${row}: code ${code} is not under township ${townshipCode}`);
    }
    return { code, name: field(r, 'name', row), townshipCode };
  });
}

interface RawCounty {
  features?: { properties?: { code?: unknown; name?: unknown }; geometry?: { type?: unknown } }[];
}

/** Read the county outline FeatureCollection (one Polygon/MultiPolygon feature). */
export function parseCounty(text: string): { code: string; name: string; outline: Areal } {
  const fc = JSON.parse(text) as RawCounty;
  const feature = fc.features?.[0];
  if (fc.features?.length !== 1 || feature === undefined) {
    throw new Error('county boundary: expected exactly one feature');
  }
  const { code, name } = feature.properties ?? {};
  const type = feature.geometry?.type;
  if (typeof code !== 'string' || typeof name !== 'string') {
    throw new Error('county boundary: feature needs string code and name properties');
  }
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw new Error(`county boundary: geometry is ${type}`);
  return { code, name, outline: feature.geometry as Areal };
}

/** Read all derivation inputs from a data folder. */
export function loadInputs(dir: string): GeoInputs {
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');
  const county = parseCounty(read(INPUT_FILES.county));
  return {
    countyCode: county.code,
    countyName: county.name,
    countyOutline: county.outline,
    townships: parseTownships(read(INPUT_FILES.townships)),
    villages: parseVillages(read(INPUT_FILES.villages)),
  };
}
