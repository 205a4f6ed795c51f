// The demo's programme (issue 17): the pilot "Työpeili – vertaisryhmät yksinyrittäjille" as an ESF
// project of the 2014–2020 period, led by the first organisation with the second taking part, its
// targets as in the project plan (companies planned 30, persons planned 86), every group of both
// organisations, the first organisation's events and held advice sessions linked, the demo funder
// granted, and start data for the group members in a realistic mix (the demo entrepreneur's own
// is left for her to fill in, so the "Ohjelman aloitustiedot" form shows on her home). Members
// who have left gave their end data. Dates follow the demo's groups (relative to now).
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db/db.ts';
import type { Random } from '../../tests/factories/finnish-names.ts';
import { users } from '../features/accounts/accounts.schema.ts';
import { adviceSessions } from '../features/advice/advice.schema.ts';
import { entrepreneurProfiles } from '../features/companies/companies.schema.ts';
import { events } from '../features/events/events.schema.ts';
import { groupMembers, groups } from '../features/groups/groups.schema.ts';
import { utcToZoned } from '../features/meetings/zoned-time.ts';
import type { AgeBand, EducationLevel } from '../features/programmes/indicators.ts';
import {
  programmeAdviceSessions,
  programmeEvents,
  programmeFunders,
  programmeGroups,
  programmeOrganizations,
  programmeParticipantEnds,
  programmeParticipantStarts,
  programmes,
  programmeTargets,
} from '../features/programmes/programmes.schema.ts';

const DAY = 86_400_000;

/** Planned values of the pilot's project plan (2014–2020 indicators). */
const targets: { code: string; planned: number }[] = [
  { code: 'CO_TOTAL', planned: 86 },
  { code: 'CO05', planned: 86 },
  { code: 'CO07', planned: 40 },
  { code: 'CO11', planned: 45 },
  { code: 'CO19', planned: 20 },
  { code: 'CO23', planned: 30 },
  { code: 'CR03', planned: 10 },
  { code: 'CR04', planned: 80 },
];

function bandOfYear(birthYear: number, onDate: string): AgeBand {
  // A birth year alone is ambiguous at the edges: the demo picks the band the person would choose mid-year.
  const age = Number(onDate.slice(0, 4)) - birthYear - (Number(onDate.slice(5, 7)) < 7 ? 1 : 0);
  if (age < 18) return 'under_18';
  if (age < 25) return '18_24';
  if (age < 30) return '25_29';
  if (age < 55) return '30_54';
  return '55_plus';
}

export async function seedProgrammes(
  tx: Tx,
  input: { leadOrganizationId: string; partnerOrganizationId: string; random: Random; now: Date; coordinatorEmail: string; funderEmail: string; entrepreneurEmail?: string },
): Promise<{ programmeId: string; starts: number; ends: number }> {
  const { leadOrganizationId: lead, partnerOrganizationId: partner, random, now } = input;
  const startsOn = utcToZoned(new Date(now.getTime() - 20 * 30 * DAY)).date;
  const endsOn = utcToZoned(new Date(now.getTime() + 10 * 30 * DAY)).date;
  const [programme] = await tx
    .insert(programmes)
    .values({
      organizationId: lead,
      name: 'Työpeili – vertaisryhmät yksinyrittäjille',
      funder: 'Euroopan sosiaalirahasto (ESR), Satakunnan ELY-keskus',
      fundingProgramme: 'Kestävää kasvua ja työtä 2014–2020 – Suomen rakennerahasto-ohjelma',
      indicatorSet: 'esf2014',
      projectCode: 'S21999',
      startsOn,
      endsOn,
      soleTraderRule: 'participant',
      asksSpecialCategories: false,
    })
    .returning();
  const programmeId = programme!.id;
  const key = { programmeOrganizationId: lead, programmeId };
  await tx.insert(programmeOrganizations).values({ organizationId: partner, ...key });
  await tx.insert(programmeTargets).values(targets.map((t) => ({ organizationId: lead, programmeId, indicatorCode: t.code, planned: t.planned })));

  for (const organizationId of [lead, partner]) {
    const list = await tx.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, organizationId));
    if (list.length) await tx.insert(programmeGroups).values(list.map((g) => ({ organizationId, groupId: g.id, ...key })));
  }
  const eventList = await tx.select({ id: events.id }).from(events).where(eq(events.organizationId, lead));
  if (eventList.length) await tx.insert(programmeEvents).values(eventList.map((e) => ({ organizationId: lead, eventId: e.id, ...key })));
  const held = await tx
    .select({ id: adviceSessions.id })
    .from(adviceSessions)
    .where(and(eq(adviceSessions.organizationId, lead), eq(adviceSessions.status, 'held')));
  if (held.length) await tx.insert(programmeAdviceSessions).values(held.map((s) => ({ organizationId: lead, sessionId: s.id, ...key })));

  const [coordinator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.coordinatorEmail));
  const [funder] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.funderEmail));
  if (funder) await tx.insert(programmeFunders).values({ organizationId: lead, programmeId, userId: funder.id, grantedBy: coordinator?.id ?? null });

  // Start data: every member of the programme's groups but the demo entrepreneur.
  const [demoEntrepreneur] = input.entrepreneurEmail ? await tx.select({ id: users.id }).from(users).where(eq(users.email, input.entrepreneurEmail)) : [];
  const members = await tx
    .select({ userId: groupMembers.userId, organizationId: groupMembers.organizationId, joinedAt: groupMembers.joinedAt, leftAt: groupMembers.leftAt, gender: entrepreneurProfiles.gender, birthYear: entrepreneurProfiles.birthYear })
    .from(groupMembers)
    .leftJoin(entrepreneurProfiles, and(eq(entrepreneurProfiles.organizationId, groupMembers.organizationId), eq(entrepreneurProfiles.userId, groupMembers.userId)))
    .where(inArray(groupMembers.organizationId, [lead, partner]));
  const seen = new Set<string>();
  let starts = 0;
  let ends = 0;
  for (const m of members.sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime())) {
    if (seen.has(m.userId) || m.userId === demoEntrepreneur?.id) continue;
    seen.add(m.userId);
    const startedOn = utcToZoned(m.joinedAt).date;
    const chance = random.next();
    // About one in twenty prefers not to tell their gender; a few leave the education unanswered.
    const gender = chance < 0.05 ? 'prefer_not' : m.gender === 'male' ? 'man' : m.gender === 'female' ? 'woman' : null;
    const education: EducationLevel | null = random.next() < 0.08 ? null : random.pick(['isced_3_4', 'isced_3_4', 'isced_5_8', 'isced_5_8', 'isced_5_8', 'isced_0_2'] as const);
    const ageBand = m.birthYear ? bandOfYear(m.birthYear, startedOn) : null;
    await tx.insert(programmeParticipantStarts).values({
      organizationId: lead,
      programmeId,
      userId: m.userId,
      startedOn,
      gender,
      // Sole and micro entrepreneurs: employed including self-employed.
      employmentStatus: 'employed',
      ageBand,
      ageBandSource: ageBand ? 'chosen' : null,
      education,
      recordedAt: new Date(m.joinedAt.getTime() + 3 * DAY),
    });
    starts += 1;
    if (m.leftAt) {
      await tx.insert(programmeParticipantEnds).values({
        organizationId: lead,
        programmeId,
        userId: m.userId,
        endedOn: utcToZoned(m.leftAt).date,
        situations: random.next() < 0.15 ? ['employed', 'qualification'] : ['employed'],
        recordedAt: new Date(m.leftAt.getTime() + 5 * DAY),
      });
      ends += 1;
    }
  }
  return { programmeId, starts, ends };
}
