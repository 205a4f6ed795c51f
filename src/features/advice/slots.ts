// Free advice slots from an advisor's availability, pure: windows in Europe/Helsinki wall time
// are cut into slots of the organisation's length with its buffer between them, each slot's
// start and end turned into instants on its own date (so a window 9.00–12.00 stays 9.00–12.00
// local on both sides of a DST change). Holidays, the advisor's leave, the minimum notice and
// sessions already held or booked (with the buffer around them) take slots away.
import { addDays, DEFAULT_TIME_ZONE, epochDay, parseLocalTime, weekdayIndex, weekdayOf, zonedTimeToUtc, type LocalDate } from '../meetings/zoned-time.ts';
import { holidayOn } from './holidays.ts';
import type { AdviceMode, AvailabilityKind } from './advice.schema.ts';

export interface AdviceRules {
  slotMinutes: number;
  bufferMinutes: number;
  minNoticeHours: number;
  changeNoticeHours: number;
}

export const DEFAULT_ADVICE_RULES: AdviceRules = { slotMinutes: 60, bufferMinutes: 15, minNoticeHours: 24, changeNoticeHours: 24 };

/** How far ahead slots are offered. */
export const BOOKING_HORIZON_DAYS = 42;
/** How long a public booking holds its slot waiting for the e-mailed confirmation. */
export const HOLD_MINUTES = 30;

export interface AvailabilityWindow {
  id: string;
  advisorUserId: string;
  kind: AvailabilityKind;
  /** 1 = Monday … 7 = Sunday (weekly) */
  weekday: number | null;
  onDate: LocalDate | null;
  startTime: string;
  endTime: string;
  validFrom: LocalDate | null;
  validUntil: LocalDate | null;
  mode: AdviceMode;
  onlineUrl: string | null;
  place: string | null;
  topics: readonly string[];
}

export interface Leave {
  advisorUserId: string;
  startsOn: LocalDate;
  endsOn: LocalDate;
}

export interface Busy {
  advisorUserId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Slot {
  availabilityId: string;
  advisorUserId: string;
  date: LocalDate;
  startsAt: Date;
  endsAt: Date;
  mode: AdviceMode;
  onlineUrl: string | null;
  place: string | null;
  topics: readonly string[];
}

function minutesOf(time: string): number {
  const { hour, minute } = parseLocalTime(time);
  return hour * 60 + minute;
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function appliesOn(window: AvailabilityWindow, date: LocalDate): boolean {
  if (window.kind === 'single') return window.onDate === date;
  if (window.validFrom && date < window.validFrom) return false;
  if (window.validUntil && date > window.validUntil) return false;
  return weekdayIndex(weekdayOf(date)) + 1 === window.weekday;
}

/** Every slot the windows make on the dates from..to (inclusive), before anything blocks them. */
export function expandWindows(windows: readonly AvailabilityWindow[], from: LocalDate, to: LocalDate, rules: AdviceRules, zone = DEFAULT_TIME_ZONE): Slot[] {
  const slots: Slot[] = [];
  const days = epochDay(to) - epochDay(from);
  for (let d = 0; d <= days; d++) {
    const date = addDays(from, d);
    for (const w of windows) {
      if (!appliesOn(w, date)) continue;
      const end = minutesOf(w.endTime);
      for (let start = minutesOf(w.startTime); start + rules.slotMinutes <= end; start += rules.slotMinutes + rules.bufferMinutes) {
        slots.push({
          availabilityId: w.id,
          advisorUserId: w.advisorUserId,
          date,
          startsAt: zonedTimeToUtc(date, timeOf(start), zone),
          endsAt: zonedTimeToUtc(date, timeOf(start + rules.slotMinutes), zone),
          mode: w.mode,
          onlineUrl: w.onlineUrl,
          place: w.place,
          topics: w.topics,
        });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.advisorUserId.localeCompare(b.advisorUserId));
}

export interface FreeSlotsInput {
  windows: readonly AvailabilityWindow[];
  leave: readonly Leave[];
  busy: readonly Busy[];
  rules: AdviceRules;
  from: LocalDate;
  to: LocalDate;
  now: Date;
  topic?: string | null;
  zone?: string;
}

/** The slots that can be booked now. */
export function freeSlots({ windows, leave, busy, rules, from, to, now, topic = null, zone = DEFAULT_TIME_ZONE }: FreeSlotsInput): Slot[] {
  const earliest = now.getTime() + rules.minNoticeHours * 3600_000;
  const buffer = rules.bufferMinutes * 60_000;
  const seen = new Set<string>();
  return expandWindows(windows, from, to, rules, zone).filter((slot) => {
    if (topic && !slot.topics.includes(topic)) return false;
    if (holidayOn(slot.date)) return false;
    if (slot.startsAt.getTime() < earliest) return false;
    if (leave.some((l) => l.advisorUserId === slot.advisorUserId && slot.date >= l.startsOn && slot.date <= l.endsOn)) return false;
    if (
      busy.some(
        (b) =>
          b.advisorUserId === slot.advisorUserId &&
          b.startsAt.getTime() < slot.endsAt.getTime() + buffer &&
          slot.startsAt.getTime() < b.endsAt.getTime() + buffer,
      )
    )
      return false;
    // Two windows of one advisor that overlap offer a start once.
    const key = `${slot.advisorUserId}|${slot.startsAt.getTime()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether the entrepreneur may still move or cancel a session starting at `startsAt`. */
export function withinChangeNotice(startsAt: Date, now: Date, rules: AdviceRules): boolean {
  return startsAt.getTime() - now.getTime() >= rules.changeNoticeHours * 3600_000;
}

/** A slot's key in forms: advisor and start instant. */
export function slotKey(slot: Pick<Slot, 'advisorUserId' | 'startsAt'>): string {
  return `${slot.advisorUserId}_${slot.startsAt.toISOString()}`;
}

export function parseSlotKey(value: string): { advisorUserId: string; startsAt: Date } | null {
  const m = /^([0-9a-f-]{36})_(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/.exec(value);
  if (!m) return null;
  const startsAt = new Date(m[2]!);
  return Number.isNaN(startsAt.getTime()) ? null : { advisorUserId: m[1]!, startsAt };
}
