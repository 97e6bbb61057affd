import { type RunningSimulator, startSimulator } from '../server';

/** Saturday of Golden Week 2026, 12:00 Beijing (04:00 UTC). */
export const GOLDEN_WEEK_NOON = new Date('2026-10-03T04:00:00Z');
/** An ordinary Wednesday, 12:00 Beijing. */
export const WEDNESDAY_NOON = new Date('2026-10-14T04:00:00Z');

export function frozen(startAt: Date = GOLDEN_WEEK_NOON, seed = 20211): Promise<RunningSimulator> {
  return startSimulator({ port: 0, seed, speed: 0, startAt });
}

export async function getText(
  sim: RunningSimulator,
  path: string,
  init?: RequestInit,
): Promise<{ status: number; text: string }> {
  const res = await fetch(sim.url + path, init);
  return { status: res.status, text: await res.text() };
}

export async function getJson<T = unknown>(
  sim: RunningSimulator,
  path: string,
): Promise<{ status: number; body: T }> {
  const { status, text } = await getText(sim, path);
  return { status, body: JSON.parse(text) as T };
}

export async function postJson<T = unknown>(
  sim: RunningSimulator,
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(sim.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export interface VendorPage<T> {
  code: number;
  msg: string;
  data: { total: number; pageNo: number; pageSize: number; list: T[] };
}

export interface LotRow {
  parkId: string;
  parkName: string;
  parkType: 1 | 2;
  category: string;
  berthTotal: number;
  berthFree: number;
  berthOccupied: number;
  longitude: number;
  latitude: number;
  villageCode: string;
  townCode: string;
  updateTime: string;
}

/** Beijing "yyyy-MM-dd HH:mm:ss" for a query string. */
export const q = (s: string) => encodeURIComponent(s);
