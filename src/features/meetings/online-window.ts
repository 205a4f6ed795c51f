// When an online link is offered as "join now": from 15 minutes before the start until the end.
// Used for a member's next meeting (the home card) and an expert's segment (issue 11, points 1, 8).

export const JOIN_LEAD_MS = 15 * 60_000;

export function isJoinWindowOpen(window: { startsAt: Date | string; endsAt: Date | string }, now: Date): boolean {
  const start = new Date(window.startsAt).getTime();
  const end = new Date(window.endsAt).getTime();
  const t = now.getTime();
  return t >= start - JOIN_LEAD_MS && t < end;
}
