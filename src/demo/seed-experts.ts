// The demo's experts: profiles for the first organisation's experts (an accountant on taxation and
// bookkeeping, a marketing expert on social media, a lawyer on data protection, a wellbeing coach
// on recovery and time management), one accepted invitation to a past expert segment with its
// hours, and one invitation to a coming segment waiting for the demo expert's answer.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db/db.ts';
import { newId } from '../platform/db/ids.ts';
import { users } from '../features/accounts/accounts.schema.ts';
import { memberships } from '../features/organizations/organizations.schema.ts';
import { agendaItems } from '../features/meetings/meetings.schema.ts';
import { findSegment, listUpcomingSegments } from '../features/experts/experts.queries.ts';
import { expertHours, expertInvitations, expertProfiles } from '../features/experts/experts.schema.ts';

const profiles = [
  {
    topics: ['Verotus', 'Kirjanpito', 'Arvonlisävero'],
    bio: 'Olen tilitoimistoyrittäjä Porista ja autan pienyrittäjiä ymmärtämään verotusta ja kirjanpitoa ilman ammattisanastoa.\n\nRyhmissä käyn läpi ennakkoveron, arvonlisäveron ja tositteiden säilyttämisen käytännön esimerkein.',
    languages: ['fi', 'sv'],
    region: 'Satakunta: Pori, Ulvila, Nakkila',
  },
  {
    topics: ['Somemarkkinointi', 'Asiakashankinta', 'Verkkosivut'],
    bio: 'Markkinoinnin asiantuntija, joka on auttanut kymmeniä hoiva- ja hyvinvointialan yrittäjiä löytämään asiakkaansa somesta.\n\nNeuvon, miten julkaisuja tehdään vähällä ajalla ja miten niiden tuloksia seurataan.',
    languages: ['fi', 'en'],
    region: 'Koko Satakunta, myös etänä',
  },
  {
    topics: ['Tietosuoja', 'GDPR', 'Sopimukset'],
    bio: 'Juristi, joka on erikoistunut pienyritysten tietosuojaan ja sopimuksiin. Käyn läpi asiakasrekisterin, tietosuojaselosteen ja henkilötietojen käsittelyn perusteet.',
    languages: ['fi', 'sv', 'en'],
    region: 'Pori ja Rauma',
  },
  {
    topics: ['Palautuminen', 'Ajanhallinta', 'Itsensä johtaminen'],
    bio: 'Hyvinvointivalmentaja. Autan yksinyrittäjiä rakentamaan työpäivään tauot, lopetuksen ja lomat niin, että jaksaminen kestää.',
    languages: ['fi'],
    region: 'Kankaanpää, Pomarkku, Harjavalta',
  },
];

const DAY = 86_400_000;

export async function seedExperts(
  tx: Tx,
  input: { organizationId: string; now: Date; expertEmail: string; coordinatorEmail: string },
): Promise<{ profiles: number; invitations: number }> {
  const { organizationId, now } = input;
  const experts = await tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'expert')))
    .orderBy(sql`${users.email} = ${input.expertEmail} DESC`, asc(users.email));
  const [coordinator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.coordinatorEmail));
  for (const [i, expert] of experts.slice(0, profiles.length).entries()) {
    await tx.insert(expertProfiles).values({ organizationId, userId: expert.id, ...profiles[i]!, publicInDirectory: true, updatedAt: new Date(now.getTime() - (10 + i) * DAY) });
  }
  const demoExpert = experts[0];
  if (!demoExpert || !coordinator) return { profiles: Math.min(experts.length, profiles.length), invitations: 0 };
  let invitations = 0;

  // Accepted: the demo expert's latest past segment, with the segment's minutes as the hours.
  const past = await tx.execute(sql`
    SELECT a.meeting_id FROM agenda_items a JOIN meetings m ON m.organization_id = a.organization_id AND m.id = a.meeting_id
    WHERE a.organization_id = ${organizationId} AND a.expert_user_id = ${demoExpert.id} AND m.status = 'scheduled' AND m.ends_at < ${now.toISOString()}
    ORDER BY m.starts_at DESC LIMIT 1`);
  const pastMeetingId = past.rows[0]?.meeting_id as string | undefined;
  if (pastMeetingId) {
    const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.meetingId, pastMeetingId), eq(agendaItems.expertUserId, demoExpert.id)));
    const segment = item ? await findSegment(tx, { organizationId, meetingId: pastMeetingId, agendaItemId: item.id, position: item.position }) : null;
    if (segment) {
      const id = newId();
      await tx.insert(expertInvitations).values({
        organizationId,
        id,
        expertUserId: demoExpert.id,
        invitedBy: coordinator.id,
        meetingId: pastMeetingId,
        agendaItemId: segment.agendaItemId,
        agendaPosition: segment.position,
        minutes: segment.minutes,
        startsAt: segment.startsAt,
        message: `Tervetuloa ryhmään kertomaan aiheesta ${segment.topic ?? 'asiantuntijaosio'}! Yrittäjät ovat toivoneet käytännön esimerkkejä.`,
        status: 'accepted',
        responseNote: 'Kiitos kutsusta, tulen mielelläni.',
        respondedAt: new Date(segment.startsAt.getTime() - 14 * DAY),
        createdAt: new Date(segment.startsAt.getTime() - 21 * DAY),
      });
      await tx.insert(expertHours).values({ organizationId, expertUserId: demoExpert.id, invitationId: id, workedAt: segment.startsAt, minutes: segment.minutes + 30, note: 'Sisältää 30 min valmistelua.', recordedBy: coordinator.id });
      invitations += 1;
    }
  }

  // Pending: a coming segment, its expert not yet named, waiting for the demo expert's answer.
  const [coming] = await listUpcomingSegments(tx, { organizationId, now });
  if (coming) {
    await tx.update(agendaItems).set({ expertUserId: null }).where(and(eq(agendaItems.organizationId, organizationId), eq(agendaItems.id, coming.agendaItemId)));
    await tx.insert(expertInvitations).values({
      organizationId,
      id: newId(),
      expertUserId: demoExpert.id,
      invitedBy: coordinator.id,
      meetingId: coming.meetingId,
      agendaItemId: coming.agendaItemId,
      agendaPosition: coming.position,
      minutes: coming.minutes,
      startsAt: coming.startsAt,
      message: 'Ryhmä toivoi seuraavaan tapaamiseen asiantuntijaa. Sopisiko sinulle?',
      createdAt: new Date(now.getTime() - 2 * DAY),
    });
    invitations += 1;
  }
  return { profiles: Math.min(experts.length, profiles.length), invitations };
}
