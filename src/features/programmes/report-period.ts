// The report's period from the query string (validated at the boundary): dates typed the Finnish
// way or ISO, both needed, in order; by default the programme's start up to today (or its end).
import { parseDateInput, formatDateInput } from '../../platform/validation/finnish-input.ts';
import type { ReportPeriod } from './report.ts';

export type ReportPeriodError = 'from' | 'to' | 'order';

export interface ParsedReportPeriod {
  period: ReportPeriod;
  /** What the fields show: as typed when wrong, else the dates in Finnish form. */
  fromInput: string;
  toInput: string;
  errors: ReportPeriodError[];
}

export function parseReportPeriod(params: URLSearchParams, programme: { startsOn: string; endsOn: string }, today: string): ParsedReportPeriod {
  const fallback: ReportPeriod = { from: programme.startsOn, to: today < programme.endsOn ? (today < programme.startsOn ? programme.startsOn : today) : programme.endsOn };
  const fromText = (params.get('from') ?? '').slice(0, 40).trim();
  const toText = (params.get('to') ?? '').slice(0, 40).trim();
  if (fromText === '' && toText === '') return { period: fallback, fromInput: formatDateInput(fallback.from), toInput: formatDateInput(fallback.to), errors: [] };
  const from = fromText === '' ? fallback.from : parseDateInput(fromText);
  const to = toText === '' ? fallback.to : parseDateInput(toText);
  const errors: ReportPeriodError[] = [];
  if (!from) errors.push('from');
  if (!to) errors.push('to');
  if (from && to && to < from) errors.push('order');
  if (errors.length > 0 || !from || !to) return { period: fallback, fromInput: fromText, toInput: toText, errors };
  return { period: { from, to }, fromInput: formatDateInput(from), toInput: formatDateInput(to), errors: [] };
}
