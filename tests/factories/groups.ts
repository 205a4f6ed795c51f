// Factories for peer groups and their meetings (shared by tests; the demo has its own richer seed).
import { groupAgreements, groupFacilitators, groupMembers, groups, type GroupStatus } from '../../src/features/groups/groups.schema.ts';
import { agendaItems, meetings, type AgendaKind } from '../../src/features/meetings/meetings.schema.ts';
import type { Tx } from '../../src/platform/db/db.ts';

export async function createTestGroup(
  db: Tx,
  input: { organizationId: string; name?: string; status?: GroupStatus; format?: string; facilitatorIds?: string[]; memberIds?: string[]; agreementAccepted?: boolean },
) {
  const [group] = await db
    .insert(groups)
    .values({ organizationId: input.organizationId, name: input.name ?? 'Testiryhmä', status: input.status ?? 'active', format: input.format ?? 'in_person' })
    .returning();
  const groupId = group!.id;
  if (input.facilitatorIds?.length) await db.insert(groupFacilitators).values(input.facilitatorIds.map((userId) => ({ organizationId: input.organizationId, groupId, userId })));
  if (input.memberIds?.length) {
    const accepted = input.agreementAccepted ?? true;
    if (accepted) await ensureAgreement(db, input.organizationId);
    await db.insert(groupMembers).values(
      input.memberIds.map((userId) => ({ organizationId: input.organizationId, groupId, userId, agreementVersion: accepted ? 1 : null, agreementAcceptedAt: accepted ? new Date() : null })),
    );
  }
  return group!;
}

/** Version 1 of the organisation's group agreement, if it has none yet. */
export async function ensureAgreement(db: Tx, organizationId: string) {
  await db
    .insert(groupAgreements)
    .values({ organizationId, version: 1, textFi: 'Ryhmäsopimus: luottamuksellisuus, kunnioitus, tasapuoliset vuorot, peilaamme emmekä neuvo.', textSv: 'Gruppavtal.', textEn: 'Group agreement.' })
    .onConflictDoNothing();
}

export async function createTestMeeting(
  db: Tx,
  input: {
    organizationId: string;
    groupId: string;
    startsAt: Date;
    minutes?: number;
    theme?: string;
    format?: string;
    status?: 'scheduled' | 'cancelled';
    agenda?: { kind: AgendaKind; minutes?: number; expertUserId?: string; topic?: string }[];
  },
) {
  const [meeting] = await db
    .insert(meetings)
    .values({
      organizationId: input.organizationId,
      groupId: input.groupId,
      startsAt: input.startsAt,
      endsAt: new Date(input.startsAt.getTime() + (input.minutes ?? 120) * 60_000),
      theme: input.theme ?? 'Jaksaminen',
      format: input.format ?? 'in_person',
      status: input.status ?? 'scheduled',
      venueAddress: 'Yrjönkatu 1, 28100 Pori',
      onlineUrl: input.format === 'online' ? 'https://meet.example.fi/tyopeili-testi' : null,
    })
    .returning();
  if (input.agenda?.length) {
    await db.insert(agendaItems).values(
      input.agenda.map((item, position) => ({
        organizationId: input.organizationId,
        meetingId: meeting!.id,
        position,
        kind: item.kind,
        minutes: item.minutes ?? 15,
        expertUserId: item.expertUserId ?? null,
        topic: item.topic ?? null,
      })),
    );
  }
  return meeting!;
}
