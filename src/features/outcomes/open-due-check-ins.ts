// Use case: the person's check-ins that are due now, opened as drafts (idempotent), and every
// draft still open. Nothing is opened without consent.
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Db } from '../../platform/db/db.ts';
import { authorize, outcomePolicy } from '../../platform/policy/index.ts';
import { dueCheckIns } from './plan.ts';
import { consentActive, findConsent, findLatestMembership, helsinkiDate, listGroupMeetingDates, listOwnCheckIns, type CheckIn } from './outcomes.queries.ts';
import { checkIns } from './outcomes.schema.ts';

export async function openDueCheckIns(actor: Actor | null, deps: { db: Db }, input: { organizationId: string; userId: string }, options: { now?: Date } = {}): Promise<CheckIn[]> {
  const now = options.now ?? new Date();
  const { organizationId, userId } = input;
  authorize(actor, input, outcomePolicy.answer);
  return deps.db.transaction(async (tx) => {
    const consent = await findConsent(tx, { organizationId, userId });
    if (!consentActive(consent)) return [];
    const membership = await findLatestMembership(tx, { organizationId, userId });
    const meetingRows = membership ? await listGroupMeetingDates(tx, { organizationId, groupId: membership.groupId }) : [];
    const existing = await listOwnCheckIns(tx, { organizationId, userId });
    const due = dueCheckIns({
      today: helsinkiDate(now),
      joinedOn: helsinkiDate(membership?.joinedAt ?? consent!.givenAt),
      exitOn: membership?.leftAt ? helsinkiDate(membership.leftAt) : null,
      meetings: meetingRows.map((m) => ({ id: m.id, date: helsinkiDate(m.startsAt), started: m.startsAt <= now, cancelled: m.status === 'cancelled' })),
      existing: existing.map((c) => ({ kind: c.kind, dueOn: c.dueOn, meetingId: c.meetingId, wave: c.wave })),
      consent: true,
    });
    if (due.length > 0) {
      await tx
        .insert(checkIns)
        .values(due.map((d) => ({ organizationId, userId, groupId: membership?.groupId ?? null, kind: d.kind, wave: d.wave, dueOn: d.dueOn, meetingId: d.meetingId, createdAt: now, updatedAt: now })))
        .onConflictDoNothing();
    }
    return tx
      .select()
      .from(checkIns)
      .where(and(eq(checkIns.organizationId, organizationId), eq(checkIns.userId, userId), eq(checkIns.status, 'draft')))
      .orderBy(checkIns.dueOn);
  });
}
