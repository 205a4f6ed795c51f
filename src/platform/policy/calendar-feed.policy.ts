import { isSelf, type Policy, type Rule } from './policy.ts';

/** A person's private calendar feed: theirs alone (not even an administrator manages it). */
export interface CalendarFeedResource {
  userId: string;
}

const own: Rule<CalendarFeedResource> = isSelf;

export const calendarFeedPolicy = {
  read: own,
  /** Creating again regenerates: the old address stops working. */
  create: own,
  revoke: own,
} satisfies Policy;
