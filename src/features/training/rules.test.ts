// The training's pure rules: due dates at 23.59.59 Helsinki time across the DST changes, lateness,
// and the completion rules (sessions attended or compensated, assignments accepted, practice meetings).
import { describe, expect, it } from 'vitest';
import { assignmentDueAt, completionRulesSchema, evaluateProgress, isLate } from './rules.ts';

describe('assignmentDueAt', () => {
  it('is 23.59.59 Helsinki summer time (UTC+3) for a week inside summer time', () => {
    // Tue 6 Oct 2026 17.00 EEST = 14.00 UTC; due Tue 13 Oct 23.59.59 EEST = 20.59.59 UTC
    expect(assignmentDueAt(new Date('2026-10-06T14:00:00Z'), 7).toISOString()).toBe('2026-10-13T20:59:59.000Z');
  });
  it('moves to winter time (UTC+2) when the due day is after the last Sunday of October', () => {
    // Tue 20 Oct 2026 17.00 EEST; due Tue 27 Oct 23.59.59 EET = 21.59.59 UTC (DST ended 25 Oct)
    expect(assignmentDueAt(new Date('2026-10-20T14:00:00Z'), 7).toISOString()).toBe('2026-10-27T21:59:59.000Z');
  });
  it('moves to summer time in March (the last Sunday, 28 Mar 2027)', () => {
    // Tue 23 Mar 2027 17.00 EET = 15.00 UTC; due Tue 30 Mar 23.59.59 EEST = 20.59.59 UTC
    expect(assignmentDueAt(new Date('2027-03-23T15:00:00Z'), 7).toISOString()).toBe('2027-03-30T20:59:59.000Z');
  });
  it('takes the Helsinki date of a session late in the evening, not the UTC date', () => {
    // 23.30 Helsinki on 1 Dec is 21.30 UTC the same day, but 0.30 on 2 Dec is 22.30 UTC on 1 Dec
    expect(assignmentDueAt(new Date('2026-12-01T22:30:00Z'), 0).toISOString()).toBe('2026-12-02T21:59:59.000Z');
  });
});

describe('isLate', () => {
  const due = new Date('2026-10-27T21:59:59Z');
  it('is on time up to the due second and late after it', () => {
    expect(isLate(new Date('2026-10-27T21:59:59Z'), due)).toBe(false);
    expect(isLate(new Date('2026-10-27T22:00:00Z'), due)).toBe(true);
    expect(isLate(new Date('2030-01-01T00:00:00Z'), null)).toBe(false);
  });
});

describe('evaluateProgress', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const sessions = [
    { cohortSessionId: 's1', startsAt: new Date('2026-10-01T14:00:00Z'), attendance: 'present' as const },
    { cohortSessionId: 's2', startsAt: new Date('2026-10-15T14:00:00Z'), attendance: 'compensated' as const },
    { cohortSessionId: 's3', startsAt: new Date('2026-10-29T14:00:00Z'), attendance: 'absent' as const },
  ];
  const assignments = [
    { assignmentId: 'a1', dueAt: new Date('2026-10-08T20:59:59Z'), status: 'accepted' as const },
    { assignmentId: 'a2', dueAt: new Date('2026-10-22T20:59:59Z'), status: 'revision_requested' as const },
    { assignmentId: 'a3', dueAt: new Date('2026-11-05T21:59:59Z'), status: null },
  ];
  it('counts compensated sessions as attended, an absence not; all sessions needed by default', () => {
    const p = evaluateProgress({ minSessions: null, allAssignmentsAccepted: true, minPracticeMeetings: 3 }, { sessions, assignments, practiceMeetingsHeld: 3 }, now);
    expect(p.sessionsDone).toBe(2);
    expect(p.sessionsNeeded).toBe(3);
    expect(p.met).toEqual({ sessions: false, assignments: false, practice: true });
    expect(p.assignmentsOverdue).toBe(1);
    expect(p.complete).toBe(false);
  });
  it('is complete once every rule holds', () => {
    const p = evaluateProgress(
      { minSessions: 2, allAssignmentsAccepted: true, minPracticeMeetings: 2 },
      { sessions, assignments: assignments.map((a) => ({ ...a, status: 'accepted' as const })), practiceMeetingsHeld: 2 },
      now,
    );
    expect(p.met).toEqual({ sessions: true, assignments: true, practice: true });
    expect(p.complete).toBe(true);
  });
  it('wants the practice meetings', () => {
    const p = evaluateProgress({ minSessions: 0, allAssignmentsAccepted: false, minPracticeMeetings: 4 }, { sessions, assignments, practiceMeetingsHeld: 3 }, now);
    expect(p.met.practice).toBe(false);
    expect(p.complete).toBe(false);
  });
  it('rules are data, checked by their schema', () => {
    expect(completionRulesSchema.safeParse({ minSessions: null, allAssignmentsAccepted: true, minPracticeMeetings: 3 }).success).toBe(true);
    expect(completionRulesSchema.safeParse({ minSessions: -1, allAssignmentsAccepted: true, minPracticeMeetings: 3 }).success).toBe(false);
  });
});
