// The rules of the facilitator training, pure: when an assignment is due (23.59 Helsinki time,
// DST-correct), whether a submission is late, and where a trainee stands against the course's
// completion rules (data on the course row).
import { z } from 'zod';
import { addDays, utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';
import type { CompletionRules, SessionAttendanceStatus, SubmissionStatus } from './training.schema.ts';

export const HELSINKI = 'Europe/Helsinki';

export const completionRulesSchema = z.object({
  minSessions: z.number().int().min(0).max(20).nullable(),
  allAssignmentsAccepted: z.boolean(),
  minPracticeMeetings: z.number().int().min(0).max(50),
});

export const defaultCompletionRules: CompletionRules = { minSessions: null, allAssignmentsAccepted: true, minPracticeMeetings: 3 };

/** The session's date in Helsinki, plus the days, at 23.59 Helsinki time (EET or EEST, whichever holds that day). */
export function assignmentDueAt(sessionStartsAt: Date, dueDaysAfter: number): Date {
  const date = addDays(utcToZoned(sessionStartsAt, HELSINKI).date, dueDaysAfter);
  return zonedTimeToUtc(date, '23:59:59', HELSINKI);
}

/** Late when submitted after the due time; a late submission is allowed and marked. */
export function isLate(submittedAt: Date, dueAt: Date | null): boolean {
  return dueAt !== null && submittedAt.getTime() > dueAt.getTime();
}

export interface ProgressFacts {
  /** Every session of the cohort, with this trainee's attendance (null: not recorded). */
  sessions: readonly { cohortSessionId: string; startsAt: Date; attendance: SessionAttendanceStatus | null }[];
  /** Every assignment of the course, with the status of this trainee's submission (null: none yet). */
  assignments: readonly { assignmentId: string; dueAt: Date | null; status: SubmissionStatus | null }[];
  /** Meetings held in the practice group so far. */
  practiceMeetingsHeld: number;
}

export interface Progress {
  sessionsNeeded: number;
  sessionsDone: number;
  assignmentsTotal: number;
  assignmentsAccepted: number;
  /** Assignments past their due time without any submission. */
  assignmentsOverdue: number;
  practiceMeetingsNeeded: number;
  practiceMeetingsHeld: number;
  /** Each rule met. */
  met: { sessions: boolean; assignments: boolean; practice: boolean };
  /** Every rule met: the coordinator may confirm completion. */
  complete: boolean;
}

export function evaluateProgress(rules: CompletionRules, facts: ProgressFacts, now: Date): Progress {
  const sessionsNeeded = rules.minSessions === null ? facts.sessions.length : Math.min(rules.minSessions, facts.sessions.length);
  const sessionsDone = facts.sessions.filter((s) => s.attendance === 'present' || s.attendance === 'compensated').length;
  const assignmentsAccepted = facts.assignments.filter((a) => a.status === 'accepted').length;
  const assignmentsOverdue = facts.assignments.filter((a) => a.status === null && a.dueAt !== null && a.dueAt.getTime() < now.getTime()).length;
  const met = {
    sessions: sessionsDone >= sessionsNeeded,
    assignments: !rules.allAssignmentsAccepted || assignmentsAccepted === facts.assignments.length,
    practice: facts.practiceMeetingsHeld >= rules.minPracticeMeetings,
  };
  return {
    sessionsNeeded,
    sessionsDone,
    assignmentsTotal: facts.assignments.length,
    assignmentsAccepted,
    assignmentsOverdue,
    practiceMeetingsNeeded: rules.minPracticeMeetings,
    practiceMeetingsHeld: facts.practiceMeetingsHeld,
    met,
    complete: met.sessions && met.assignments && met.practice,
  };
}
