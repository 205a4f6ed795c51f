// What the entrepreneur's home and steps page show of their small steps. Pure: the caller loads
// the steps, today's Helsinki date and the group's last meetings.
//
// The rules (issue 11): open steps past their due date are "overdue" — marked, always shown and
// listed first (earliest due first); the home shows at most `limit` open steps in all, overdue
// ones included even past the limit, with a link to the rest. On the steps page, steps that were
// closed (done, partly done or dropped) and set before the group's last two meetings fold under
// "older" instead of each keeping a form.
import type { LocalDate } from '../meetings/zoned-time.ts';

export type HomeStep = { id: string; dueOn: LocalDate | string | null };

export type PlannedStep<S> = S & { overdue: boolean };

/** Open steps for the home: overdue first, then by due date (undated last); `hidden` counts the rest. */
export function planHomeSteps<S extends HomeStep>(steps: readonly S[], today: LocalDate, limit = 5): { shown: PlannedStep<S>[]; hidden: number } {
  const marked = steps.map((s, index) => ({ step: { ...s, overdue: s.dueOn !== null && s.dueOn < today }, index }));
  marked.sort((a, b) => {
    if (a.step.overdue !== b.step.overdue) return a.step.overdue ? -1 : 1;
    const ad = a.step.dueOn;
    const bd = b.step.dueOn;
    if (ad !== bd) {
      if (ad === null) return 1;
      if (bd === null) return -1;
      return ad < bd ? -1 : 1;
    }
    return a.index - b.index;
  });
  const overdue = marked.filter((m) => m.step.overdue).length;
  const take = Math.max(limit, overdue);
  return { shown: marked.slice(0, take).map((m) => m.step), hidden: Math.max(0, marked.length - take) };
}

export type RecentStep = { groupId: string | null; status: 'open' | 'partly' | 'done' | 'dropped'; createdAt: Date | string };

/**
 * Splits a person's steps into those kept in view and those folded under "older": a step folds
 * when it is closed (done, partly, dropped) and was set before the start of its group's
 * second-to-last meeting that has begun. `cutoffs` maps a group to that start; a group with fewer
 * than two meetings so far has no cutoff and nothing of it folds. Open steps never fold.
 */
export function foldOlderSteps<S extends RecentStep>(steps: readonly S[], cutoffs: ReadonlyMap<string, Date>): { recent: S[]; older: S[] } {
  const recent: S[] = [];
  const older: S[] = [];
  for (const s of steps) {
    // A private step from advice has no group and no group meetings to fold by.
    const cutoff = s.groupId ? cutoffs.get(s.groupId) : undefined;
    const created = s.createdAt instanceof Date ? s.createdAt : new Date(s.createdAt);
    if (s.status !== 'open' && cutoff && created.getTime() < cutoff.getTime()) older.push(s);
    else recent.push(s);
  }
  return { recent, older };
}
