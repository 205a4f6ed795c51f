// The free slots offered to someone booking (or moving a session): every advisor of the
// organisation, or one, for a topic, from now to the booking horizon, with the advisor's name.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/db.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { addDays, utcToZoned } from '../meetings/zoned-time.ts';
import { adviceAvailability } from './advice.schema.ts';
import { findAdviceRules, listAdvisors, listBusy, listLeave, listWindows } from './advice.queries.ts';
import { BOOKING_HORIZON_DAYS, freeSlots, slotKey } from './slots.ts';
import type { AdviceMode } from './advice.schema.ts';

export interface OfferedSlot {
  key: string;
  advisorUserId: string;
  advisorName: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  mode: AdviceMode;
  place: string | null;
}

/** At most this many slots are listed (the earliest). */
export const OFFER_LIMIT = 40;

export async function findFreeSlots(
  db: Tx,
  input: { organizationId: string; topic: string | null; now: Date; advisorUserId?: string; exceptSessionId?: string; limit?: number },
): Promise<OfferedSlot[]> {
  const { organizationId, now } = input;
  const rules = await findAdviceRules(db, { organizationId });
  const from = utcToZoned(now).date;
  const to = addDays(from, BOOKING_HORIZON_DAYS);
  const windows = await listWindows(db, { organizationId, advisorUserId: input.advisorUserId });
  const leave = await listLeave(db, { organizationId, advisorUserId: input.advisorUserId, from });
  const busy = await listBusy(db, { organizationId, advisorUserId: input.advisorUserId, from: now, to: new Date(now.getTime() + (BOOKING_HORIZON_DAYS + 2) * 86_400_000), now, exceptSessionId: input.exceptSessionId });
  const names = new Map((await listAdvisors(db, { organizationId })).map((a) => [a.userId, a.name]));
  return freeSlots({ windows, leave, busy, rules, from, to, now, topic: input.topic })
    .filter((s) => names.has(s.advisorUserId))
    .slice(0, input.limit ?? OFFER_LIMIT)
    .map((s) => ({ key: slotKey(s), advisorUserId: s.advisorUserId, advisorName: names.get(s.advisorUserId)!, date: s.date, startsAt: s.startsAt, endsAt: s.endsAt, mode: s.mode, place: s.place }));
}

/** The topics on offer in the organisation now (from the published windows). */
export async function listOfferedTopics(db: Tx, { organizationId }: { organizationId: string }): Promise<string[]> {
  const windows = await listWindows(db, { organizationId });
  return [...new Set(windows.flatMap((w) => w.topics))];
}

/** Organisations with availability published: the public booking's choice. */
export async function listAdviceOrganizations(db: Db): Promise<{ id: string; name: string; slug: string }[]> {
  return db
    .selectDistinct({ id: organizations.id, name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .innerJoin(adviceAvailability, and(eq(adviceAvailability.organizationId, organizations.id), isNull(adviceAvailability.removedAt)))
    .orderBy(organizations.name);
}
