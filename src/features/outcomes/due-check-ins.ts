// What is due for a person now (from the plan) and which drafts are open. Read-only: the
// home page counts these without opening anything; openDueCheckIns opens them as drafts.
import type { Tx } from '../../platform/db/db.ts';
import { dueCheckIns, type DueCheckIn } from './plan.ts';
import { consentActive, findConsent, findLatestMembership, helsinkiDate, listGroupMeetingDates, listOwnCheckIns, type CheckIn } from './outcomes.queries.ts';

export async function findDueCheckIns(
  db: Tx,
  { organizationId, userId, now = new Date() }: { organizationId: string; userId: string; now?: Date },
): Promise<{ consent: boolean; due: DueCheckIn[]; drafts: CheckIn[]; groupId: string | null }> {
  // Independent reads together (the home page waits for them); a transaction's client simply queues them.
  const [consent, membership, existing] = await Promise.all([
    findConsent(db, { organizationId, userId }),
    findLatestMembership(db, { organizationId, userId }),
    listOwnCheckIns(db, { organizationId, userId }),
  ]);
  if (!consentActive(consent)) return { consent: false, due: [], drafts: [], groupId: null };
  const meetingRows = membership ? await listGroupMeetingDates(db, { organizationId, groupId: membership.groupId }) : [];
  const due = dueCheckIns({
    today: helsinkiDate(now),
    joinedOn: helsinkiDate(membership?.joinedAt ?? consent!.givenAt),
    exitOn: membership?.leftAt ? helsinkiDate(membership.leftAt) : null,
    meetings: meetingRows.map((m) => ({ id: m.id, date: helsinkiDate(m.startsAt), started: m.startsAt <= now, cancelled: m.status === 'cancelled' })),
    existing: existing.map((c) => ({ kind: c.kind, dueOn: c.dueOn, meetingId: c.meetingId, wave: c.wave })),
    consent: true,
  });
  return { consent: true, due, drafts: existing.filter((c) => c.status === 'draft'), groupId: membership?.groupId ?? null };
}

