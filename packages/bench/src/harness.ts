import { median } from './stats';

/** One line of the bench table. `ratio` is subject ÷ baseline of the medians (or as the row explains). */
export type Row = {
  suite: string;
  figure: string;
  unit: string;
  subject: number;
  baseline: number | null;
  ratio: number | null;
  /** What the ratio should reach, e.g. "≥ 0.8×" — with `pass` saying whether it did. */
  target?: string;
  pass?: boolean;
  note?: string;
};

/**
 * Runs subject and baseline alternately (subject, baseline, subject, …) so both see the same machine
 * noise, and returns the medians. Each function returns one measurement.
 */
export async function alternate(
  runs: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<{ subject: number; baseline: number; subjectRuns: number[]; baselineRuns: number[] }> {
  const subjectRuns: number[] = [];
  const baselineRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    subjectRuns.push(await subject());
    baselineRuns.push(await baseline());
  }
  return { subject: median(subjectRuns), baseline: median(baselineRuns), subjectRuns, baselineRuns };
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['suite', 'figure', 'subject', 'baseline', 'ratio', 'target', 'note'];
  const cells = rows.map((r) => [
    r.suite,
    r.figure,
    `${fmt(r.subject)} ${r.unit}`,
    r.baseline === null ? '—' : `${fmt(r.baseline)} ${r.unit}`,
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
    r.target ? `${r.target} ${r.pass ? 'PASS' : 'MISS'}` : '',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function fmt(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}
