// When an online link is offered as "join now": from 15 minutes before the start until the end.
// Used for a member's next meeting (the home card) and an expert's segment (issue 11, points 1, 8).

export const JOIN_LEAD_MS = 15 * 60_000;

export function isJoinWindowOpen(window: { startsAt: Date | string; endsAt: Date | string }, now: Date): boolean {
  const start = new Date(window.startsAt).getTime();
  const end = new Date(window.endsAt).getTime();
  const t = now.getTime();
  return t >= start - JOIN_LEAD_MS && t < end;
}

/**
 * Each agenda item's window: it begins after the items before it (their minutes from the
 * meeting's start) and lasts its own minutes. The items come in their agenda order.
 */
export function agendaWindows<T extends { minutes: number }>(meetingStartsAt: Date, items: readonly T[]): (T & { startsAt: Date; endsAt: Date })[] {
  let offset = 0;
  return items.map((item) => {
    const startsAt = new Date(meetingStartsAt.getTime() + offset * 60_000);
    offset += item.minutes;
    return { ...item, startsAt, endsAt: new Date(meetingStartsAt.getTime() + offset * 60_000) };
  });
}

/**
 * The online link an expert may follow now: during the join window of one of their own segments
 * (15 minutes before it until its end), for a meeting that is not cancelled and is not in person.
 */
export function expertJoinUrl(
  meeting: { startsAt: Date; status: string; format: string; onlineUrl: string | null },
  agenda: readonly { minutes: number; expertUserId: string | null }[],
  userId: string,
  now: Date,
): string | null {
  if (!meeting.onlineUrl || meeting.status !== 'scheduled' || meeting.format === 'in_person') return null;
  const open = agendaWindows(meeting.startsAt, agenda).some((a) => a.expertUserId === userId && isJoinWindowOpen(a, now));
  return open ? meeting.onlineUrl : null;
}
