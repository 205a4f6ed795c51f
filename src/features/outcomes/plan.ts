/**
 * The measurement plan: which check-ins are due for a person, from the date they joined, their group's
 * meetings, their check-ins so far and their exit. Pure; dates are ISO calendar dates (YYYY-MM-DD, Helsinki).
 *
 * - baseline: at joining (until done; not after exit);
 * - pulse: 1–2 items after each meeting that has started, open for PULSE_OPEN_DAYS days;
 * - full: the full set every 6 months after joining (wave k at k·6 months); only the latest wave is offered,
 *   an earlier missed wave is simply missed;
 * - exit: the full set when the person leaves the group, open for EXIT_OPEN_DAYS days.
 */
import { builtInInstruments, type Instrument } from './instruments/index.ts';
import type { CheckInKind } from './outcomes.schema.ts';
import { askedIn, type CustomInstrument } from './custom-instruments.ts';

export const PULSE_OPEN_DAYS = 7;
export const EXIT_OPEN_DAYS = 60;
export const FULL_INTERVAL_MONTHS = 6;

/** Instruments asked in each kind of check-in (a full check-in: 16 items, under 2 minutes on a phone). */
export const instrumentIdsByKind: Record<CheckInKind, readonly string[]> = {
  baseline: ['who-5', 'work-ability-score', 'life-satisfaction', 'three-item-loneliness', 'business-indicators'],
  full: ['who-5', 'work-ability-score', 'life-satisfaction', 'three-item-loneliness', 'business-indicators'],
  exit: ['who-5', 'work-ability-score', 'life-satisfaction', 'three-item-loneliness', 'business-indicators'],
  pulse: ['life-satisfaction', 'work-ability-score'],
};

/** The instruments of a check-in: the built-in ones of its kind, then the organisation's active custom ones asked in it. */
export function instrumentsFor(kind: CheckInKind, custom: readonly CustomInstrument[] = []): Instrument[] {
  const builtIn = instrumentIdsByKind[kind].map((id) => {
    const found = builtInInstruments.find((i) => i.id === id);
    if (!found) throw new Error(`unknown instrument ${id}`);
    return found;
  });
  return [...builtIn, ...custom.filter((c) => c.status === 'active' && askedIn(c.askIn, kind)).map((c) => c.instrument)];
}

export interface PlanMeeting {
  id: string;
  /** Helsinki calendar date of the meeting */
  date: string;
  started: boolean;
  cancelled: boolean;
}

export interface PlanCheckIn {
  kind: CheckInKind;
  dueOn: string;
  meetingId: string | null;
  wave: number | null;
}

export interface PlanInput {
  today: string;
  joinedOn: string;
  /** The day the person left the group, or null. */
  exitOn: string | null;
  meetings: readonly PlanMeeting[];
  existing: readonly PlanCheckIn[];
  consent: boolean;
}

export interface DueCheckIn {
  kind: CheckInKind;
  dueOn: string;
  wave: number | null;
  meetingId: string | null;
}

/** `date` plus `months` calendar months (the day clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The latest full-set wave due on or before `today` (0 = none yet). */
export function latestWave(joinedOn: string, today: string): number {
  let k = 0;
  while (addMonths(joinedOn, (k + 1) * FULL_INTERVAL_MONTHS) <= today) k += 1;
  return k;
}

/** The check-ins due now, oldest first. Without consent nothing is due. */
export function dueCheckIns(input: PlanInput): DueCheckIn[] {
  if (!input.consent) return [];
  const { today, joinedOn, exitOn, existing } = input;
  const has = (kind: CheckInKind, pred: (c: PlanCheckIn) => boolean = () => true) => existing.some((c) => c.kind === kind && pred(c));
  const due: DueCheckIn[] = [];
  const exited = exitOn !== null && exitOn <= today;

  if (exited) {
    if (!has('exit') && today <= addDays(exitOn, EXIT_OPEN_DAYS)) due.push({ kind: 'exit', dueOn: exitOn, wave: null, meetingId: null });
    return due;
  }
  if (joinedOn > today) return due;

  if (!has('baseline')) due.push({ kind: 'baseline', dueOn: joinedOn, wave: 0, meetingId: null });

  const wave = latestWave(joinedOn, today);
  if (wave > 0 && !has('full', (c) => c.wave === wave)) {
    due.push({ kind: 'full', dueOn: addMonths(joinedOn, wave * FULL_INTERVAL_MONTHS), wave, meetingId: null });
  }

  const pulses = input.meetings
    .filter((m) => m.started && !m.cancelled && m.date >= joinedOn && m.date <= today && addDays(m.date, PULSE_OPEN_DAYS) >= today)
    .filter((m) => !has('pulse', (c) => c.meetingId === m.id || c.dueOn === m.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const m of pulses) due.push({ kind: 'pulse', dueOn: m.date, wave: null, meetingId: m.id });

  return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
