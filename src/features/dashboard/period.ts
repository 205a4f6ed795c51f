// The dashboard's period (issue 17, point 6): a preset or a custom range of whole Helsinki days,
// typed the Finnish way ("1.3.2026") through the platform's one date parser. Pure; no I/O.
// The answer-based figures (check-in response, outcome change) cannot follow free dates — the
// evaluation's release lattice allows only calendar years and half-years (ADR 015) — so they are
// shown for the lattice half-years the period touches (`latticeHalves`); ADR 032.
import { z } from 'zod';
import { parseDateInput } from '../../platform/validation/finnish-input.ts';
import { addDays, daysInMonth, epochDay, utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';

export const periodPresets = ['month', 'quarter', 'half', 'year', 'last-year', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export const DEFAULT_PRESET = 'half' satisfies PeriodPreset;
/** The longest custom period: three years (the evaluation offers the last five; seven half-years at most). */
export const MAX_PERIOD_DAYS = 3 * 366;

export type PeriodError = 'from' | 'to' | 'order' | 'length';

export interface DashboardPeriod {
  preset: PeriodPreset;
  /** Inclusive Helsinki dates (YYYY-MM-DD). */
  from: string;
  to: string;
  /** [fromInstant, toInstant): Helsinki midnight of `from` and of the day after `to`. */
  fromInstant: Date;
  toInstant: Date;
  /** What the custom fields showed (as typed, or the period's dates in Finnish form). */
  fromInput: string;
  toInput: string;
  errors: PeriodError[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`;

/** The inclusive dates of a preset around the Helsinki day `today` (YYYY-MM-DD). */
export function presetDates(preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'month':
      return { from: `${year}-${pad(month)}-01`, to: lastDay(year, month) };
    case 'quarter': {
      const first = Math.floor((month - 1) / 3) * 3 + 1;
      return { from: `${year}-${pad(first)}-01`, to: lastDay(year, first + 2) };
    }
    case 'half':
      return month <= 6 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
    case 'year':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  }
}

/** "2026-03-01" → "1.3.2026" */
export function finnishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/** The GET parameters at the boundary: unknown presets fall back to the default, the dates stay text until parsed. */
export const periodParamsSchema = z.object({
  period: z.enum(periodPresets).catch(DEFAULT_PRESET),
  from: z.string().max(40).optional().catch(undefined),
  to: z.string().max(40).optional().catch(undefined),
});

function build(preset: PeriodPreset, from: string, to: string, inputs: { from: string; to: string } | null, errors: PeriodError[]): DashboardPeriod {
  return {
    preset,
    from,
    to,
    fromInstant: zonedTimeToUtc(from, '00:00'),
    toInstant: zonedTimeToUtc(addDays(to, 1), '00:00'),
    fromInput: inputs?.from ?? finnishDate(from),
    toInput: inputs?.to ?? finnishDate(to),
    errors,
  };
}

/**
 * The period asked for in the query string. A custom period needs both dates, in order, at most
 * three years long; otherwise the default half-year is shown, with the errors and the text as typed.
 */
export function parsePeriod(params: URLSearchParams, now: Date = new Date()): DashboardPeriod {
  const today = utcToZoned(now).date;
  const parsed = periodParamsSchema.parse({
    period: params.get('period') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  });
  const preset: PeriodPreset = parsed.period;
  if (preset !== 'custom') {
    const { from, to } = presetDates(preset, today);
    return build(preset, from, to, null, []);
  }
  const fromText = (parsed.from ?? '').trim();
  const toText = (parsed.to ?? '').trim();
  const from = parseDateInput(fromText);
  const to = parseDateInput(toText);
  const errors: PeriodError[] = [];
  if (!from) errors.push('from');
  if (!to) errors.push('to');
  if (from && to && to < from) errors.push('order');
  if (from && to && to >= from && epochDay(to) - epochDay(from) + 1 > MAX_PERIOD_DAYS) errors.push('length');
  if (errors.length > 0 || !from || !to) {
    const fallback = presetDates(DEFAULT_PRESET, today);
    return build('custom', fallback.from, fallback.to, { from: fromText, to: toText }, errors);
  }
  return build('custom', from, to, null, []);
}

/** A half-year of the evaluation's release lattice. */
export interface LatticeHalf {
  year: number;
  half: 1 | 2;
  /** The evaluation's period key, e.g. "2026-H1". */
  key: string;
  from: string;
  to: string;
}

/** The lattice half-years that overlap [from, to], oldest first. */
export function latticeHalves(from: string, to: string): LatticeHalf[] {
  const out: LatticeHalf[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const half of [1, 2] as const) {
      const h = half === 1 ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year}-07-01`, to: `${year}-12-31` };
      if (h.to >= from && h.from <= to) out.push({ year, half, key: `${year}-H${half}`, ...h });
    }
  }
  return out;
}
