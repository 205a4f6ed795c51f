// The person's own progress, read plainly: the change in WHO-5 from the first to the latest
// check-in, and whether the latest score is at or under 50 (the manual's line for poor
// wellbeing), when the page shows a kind note with where to get help. Pure.

export const WHO5_LOW = 50;

export type ScorePoint = { instrumentId: string; kind: string; score: number; submittedAt: Date };

export type Reading =
  | { kind: 'none' }
  | { kind: 'first'; score: number }
  | { kind: 'up' | 'down' | 'same'; points: number; from: number; to: number };

export function who5Series(points: readonly ScorePoint[]): ScorePoint[] {
  return points.filter((p) => p.instrumentId === 'who-5').sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
}

export function readProgress(points: readonly ScorePoint[]): { reading: Reading; low: boolean } {
  const series = who5Series(points);
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return { reading: { kind: 'none' }, low: false };
  const low = last.score <= WHO5_LOW;
  if (series.length === 1) return { reading: { kind: 'first', score: last.score }, low };
  const diff = Math.round(last.score - first.score);
  return { reading: { kind: diff > 0 ? 'up' : diff < 0 ? 'down' : 'same', points: Math.abs(diff), from: first.score, to: last.score }, low };
}

/** Points of an SVG line chart (0–100 on the y axis) in a width × height box with a margin for the axis labels. */
export function chartPoints(values: readonly number[], box: { width: number; height: number; left: number; top: number; bottom: number; right: number }): { x: number; y: number }[] {
  const w = box.width - box.left - box.right;
  const h = box.height - box.top - box.bottom;
  return values.map((v, i) => ({
    x: Math.round((box.left + (values.length === 1 ? w / 2 : (i * w) / (values.length - 1))) * 10) / 10,
    y: Math.round((box.top + h - (Math.max(0, Math.min(100, v)) / 100) * h) * 10) / 10,
  }));
}

/**
 * Which points get a date under the chart's x axis: all of them when they fit (at most `max`),
 * else `max` spread evenly, always the first and the last (issue 11: dated x-axis labels).
 */
export function xLabelIndices(count: number, max = 4): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const picked = Array.from({ length: max }, (_, k) => Math.round((k * (count - 1)) / (max - 1)));
  return [...new Set(picked)];
}
