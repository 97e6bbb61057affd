import { describe, expect, it } from 'vitest';
import { type LabelCandidate, labelBox, overlaps, placeLabels } from './labels';

// A flat projection: 1° = 1000 px; every character is as wide as the font size.
const project = ([lon, lat]: [number, number]) => ({ x: lon * 1000, y: 1000 - lat * 1000 });
const measure = (text: string, size: number) => [...text].length * size;
const viewport = { width: 1000, height: 1000 };
const label = (
  id: string,
  lon: number,
  lat: number,
  priority: number,
  extra: Partial<LabelCandidate> = {},
) => ({
  id,
  text: id,
  position: [lon, lat] as [number, number],
  size: 20,
  priority,
  ...extra,
});

describe('placeLabels', () => {
  it('keeps the higher-priority label where two would overlap', () => {
    const placed = placeLabels(
      [label('赤城街道', 0.5, 0.5, 50), label('县行政中心 77', 0.51, 0.5, 100)],
      [],
      project,
      measure,
      viewport,
    );
    expect(placed.map((l) => l.id)).toEqual(['县行政中心 77']);
  });

  it('keeps both when they are apart', () => {
    const placed = placeLabels(
      [label('平桥镇', 0.2, 0.5, 50), label('三州乡', 0.6, 0.5, 50)],
      [],
      project,
      measure,
      viewport,
    );
    expect(placed).toHaveLength(2);
  });

  it('never covers another marker, but may touch its own', () => {
    const marker = { id: 'site:A', position: [0.5, 0.5] as [number, number], radius: 10 };
    const own = label('站点A', 0.5, 0.5, 100, { markerId: 'site:A' });
    const other = label('平桥镇', 0.5, 0.5, 50);
    const placed = placeLabels([own, other], [marker], project, measure, viewport);
    expect(placed.map((l) => l.id)).toEqual(['站点A']);
    expect(placeLabels([other], [marker], project, measure, viewport)).toEqual([]);
  });

  it('sizes a marker in metres by the zoom, between its minimum and maximum pixels', () => {
    const lot = {
      id: 'lot:1',
      position: [0.5, 0.5] as [number, number],
      radius: 2,
      radiusM: 5000,
      maxRadius: 30,
    };
    // 5 km at this projection is about 51 px, capped at 30: a label 25 px away is covered.
    expect(placeLabels([label('X镇', 0.525, 0.5, 50)], [lot], project, measure, viewport)).toEqual([]);
  });

  it('drops labels that would be cut by the edge of the map', () => {
    expect(placeLabels([label('边缘', 0.001, 0.5, 50)], [], project, measure, viewport)).toEqual([]);
  });

  it('leaves no two placed boxes overlapping, whatever the input', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      label(`村${i}`, 0.1 + ((i * 37) % 80) / 100, 0.1 + ((i * 53) % 80) / 100, i % 3),
    );
    const placed = placeLabels(many, [], project, measure, viewport);
    const boxes = placed.map((l) => labelBox(l, project(l.position), measure, 0));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
    expect(placed.length).toBeGreaterThan(10);
  });
});

describe('placeLabels alternatives', () => {
  it('moves a region name aside when its first place is taken, and reports the offset used', () => {
    const marker = { id: 'lot:1', position: [0.5, 0.5] as [number, number], radius: 10 };
    const name = label('平桥镇', 0.5, 0.5, 50, { alternatives: [[0, -40]] });
    const [placed] = placeLabels([name], [marker], project, measure, viewport);
    expect(placed?.offset).toEqual([0, -40]);
  });
});
