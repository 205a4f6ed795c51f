// The demo's peer groups, like the pilot's: 10 groups of about four entrepreneurs,
// monthly meetings over 18 months (past ones with attendance, small steps and their
// follow-up, published summaries and expert segments; future ones with RSVPs), every
// format, a group agreement, and board posts. Times are relative to the seeding moment.
import { eq } from 'drizzle-orm';
import { users } from '../features/accounts/accounts.schema.ts';
import { boardPosts } from '../features/board/board.schema.ts';
import { groupAgreements, groupFacilitators, groupMembers, groups, type GroupStatus } from '../features/groups/groups.schema.ts';
import { agendaItems, attendance, meetings, meetingSeries, remindersSent, rsvps, type AgendaKind, type AttendanceStatus } from '../features/meetings/meetings.schema.ts';
import { INVITATION_KIND, INVITE_AHEAD_DAYS } from '../features/meetings/invitations.ts';
import { occurrences, type MeetingSeries } from '../features/meetings/recurrence.ts';
import { utcToZoned, formatLocalDate } from '../features/meetings/zoned-time.ts';
import { memberships } from '../features/organizations/organizations.schema.ts';
import { steps, type StepStatus } from '../features/steps/steps.schema.ts';
import { newId } from '../platform/db/ids.ts';
import type { Tx } from '../platform/db/db.ts';
import type { Random } from '../../tests/factories/finnish-names.ts';

const ZONE = 'Europe/Helsinki';

export const demoAgreement = {
  fi: 'Ryhmäsopimus\n\n1. Luottamuksellisuus: ryhmässä kerrottu jää ryhmään.\n2. Kunnioitus: kuuntelemme toisiamme ja puhumme toisistamme arvostavasti.\n3. Tasapuoliset puheenvuorot: jokainen saa saman verran aikaa, ja vuorosta voi myös pidättäytyä.\n4. Peilaamme emmekä neuvo: kerromme omista kokemuksistamme ja kysymme, mutta emme anna neuvoja, ellei niitä pyydetä.\n5. Pienet askeleet: sovimme itse omat askeleemme ja kerromme seuraavalla kerralla, miten ne sujuivat.',
  sv: 'Gruppavtal\n\n1. Förtrolighet: det som berättas i gruppen stannar i gruppen.\n2. Respekt: vi lyssnar på varandra och talar om varandra med uppskattning.\n3. Jämlika taltider: alla får lika mycket tid, och man kan också avstå från sin tur.\n4. Vi speglar och ger inga råd: vi berättar om egna erfarenheter och ställer frågor, men ger inga råd om ingen ber om dem.\n5. Små steg: var och en bestämmer sina egna steg och berättar nästa gång hur det gick.',
  en: 'Group agreement\n\n1. Confidentiality: what is said in the group stays in the group.\n2. Respect: we listen to each other and speak of each other with respect.\n3. Equal turns: everyone gets the same time, and anyone may pass.\n4. We reflect rather than advise: we share our own experience and ask questions, but give no advice unless asked.\n5. Small steps: each of us chooses our own steps and tells at the next meeting how they went.',
};

const themes = [
  'Jaksaminen ja palautuminen',
  'Omavalvontasuunnitelma ajan tasalle',
  'Sosiaalinen media markkinoinnissa',
  'Verotus ja kirjanpito yksinyrittäjälle',
  'Ajanhallinta ja työn rajaaminen',
  'Tietosuoja asiakastyössä',
  'Itsensä johtaminen',
  'Hinnoittelu ja kannattavuus',
  'Rahoituksen ja tukien hakeminen',
  'Digitaaliset työkalut arjessa',
  'Asiakkuudet ja palvelupaketit',
  'Muutoksessa jaksaminen',
];

const expertTopics = ['Verotus', 'Omavalvontasuunnitelma', 'Somemarkkinointi', 'Tietosuoja', 'Ajanhallinta', 'Palautuminen', 'Itsensä johtaminen', 'Taloudellisen tuen hakeminen'];

const stepTexts = [
  'Varaan kalenterista joka perjantaille tunnin paperitöille.',
  'Päivitän omavalvontasuunnitelman hygieniaosion.',
  'Kokeilen ajanvarausta verkossa kahden viikon ajan.',
  'Pidän yhden kokonaan vapaan päivän viikossa.',
  'Teen hinnastoon kaksi palvelupakettia.',
  'Kysyn kolmelta asiakkaalta palautetta.',
  'Julkaisen yrityksen sivulla yhden päivityksen viikossa.',
  'Selvitän, sopiiko palveluseteli minun palveluihini.',
  'Siirrän laskutuksen sähköiseen ohjelmaan.',
  'Käyn kävelyllä ennen työpäivän alkua kolmesti viikossa.',
  'Kirjoitan tietosuojaselosteen asiakkaille.',
  'Sovin kirjanpitäjän kanssa kuukausittaisen tarkistuksen.',
  'Lopetan sähköpostien lukemisen kello 18 jälkeen.',
  'Pyydän tarjouksen kahdelta tilitoimistolta.',
  'Teen listan töistä, jotka voisin ostaa muilta.',
  'Päivitän Google-yritysprofiilin aukioloajat ja kuvat.',
  'Otan yhteyttä yrityskehittäjään rahoituksesta.',
  'Kokeilen viikon ajan tehtävälistaa paperilla.',
];

const reflections = ['Sujui hyvin, jatkan samaan malliin.', 'Onnistui osittain, loppu siirtyy ensi kuulle.', 'Ei sopinut minulle, kokeilen jotain muuta.', 'Tein tämän, ja se helpotti arkea yllättävän paljon.'];

const boardTexts = [
  'Kiitos eilisestä! Minulle jäi mieleen ajatus työn rajaamisesta. Kokeilen sitä tällä viikolla.',
  'Löysin hyvän oppaan omavalvontasuunnitelman tekemiseen. Voin tuoda sen ensi kerralla mukaan.',
  'Onko kenelläkään kokemusta sähköisestä ajanvarauksesta pienessä yrityksessä?',
  'Muistutus: ensi kerralla kävelemme, joten hyvät kengät jalkaan!',
  'Hyvää viikonloppua kaikille, levätkää hyvin.',
];

interface GroupPlan {
  name: string;
  format: 'in_person' | 'online' | 'walking' | 'mixed';
  status: GroupStatus;
  series: MeetingSeries['rule'];
  time: string;
  size: number;
}

export interface GroupSeedInput {
  organizationId: string;
  random: Random;
  now: Date;
  /** The organisation's demo facilitator (e.g. ohjaaja@demo.tyopeili.fi), who leads the first groups. */
  leadFacilitatorEmail: string;
  /** The entrepreneur sign-in, who belongs to the first group. */
  entrepreneurEmail?: string;
  plans: GroupPlan[];
  /** Where the organisation's face-to-face groups meet (fictional). */
  venue: string;
  walkingPoint: string;
  walkingRoute: string;
}

// The demo facilitator's first group has 7 members, so its trend has the 5 answers an average needs;
// a paused and an ended group have shrunk to 3. 28 entrepreneurs in all.
export const satakuntaGroups: GroupPlan[] = [
  { name: 'Porin hyvinvointiyrittäjät', format: 'in_person', status: 'active', series: { freq: 'monthly-weekday', week: 1, weekday: 'TU' }, time: '17:00', size: 7 },
  { name: 'EtäTyöpeili Pohjois-Satakunta', format: 'online', status: 'active', series: { freq: 'monthly-weekday', week: 2, weekday: 'WE' }, time: '09:00', size: 4 },
  { name: 'Kävelevä Työpeili Ulvila', format: 'walking', status: 'active', series: { freq: 'monthly-weekday', week: 3, weekday: 'TH' }, time: '16:30', size: 4 },
  { name: 'Kotihoidon yrittäjät', format: 'in_person', status: 'active', series: { freq: 'monthly-weekday', week: 1, weekday: 'TH' }, time: '18:00', size: 3 },
  { name: 'Sote-yritysten avainhenkilöt', format: 'mixed', status: 'active', series: { freq: 'monthly-weekday', week: -1, weekday: 'MO' }, time: '15:00', size: 4 },
  { name: 'Monialainen ryhmä Pori', format: 'in_person', status: 'paused', series: { freq: 'monthly-weekday', week: 2, weekday: 'TU' }, time: '17:30', size: 3 },
  { name: 'Ensimmäinen pilottiryhmä', format: 'in_person', status: 'ended', series: { freq: 'monthly-weekday', week: 4, weekday: 'WE' }, time: '17:00', size: 3 },
];

export const raumaGroups: GroupPlan[] = [
  { name: 'Rauman seudun yksinyrittäjät', format: 'in_person', status: 'active', series: { freq: 'monthly-weekday', week: 1, weekday: 'WE' }, time: '17:00', size: 4 },
  { name: 'EtäTyöpeili Eura', format: 'online', status: 'active', series: { freq: 'monthly-weekday', week: 3, weekday: 'TU' }, time: '08:30', size: 4 },
  { name: 'Kävelevä Työpeili Rauma', format: 'walking', status: 'forming', series: { freq: 'monthly-weekday', week: 2, weekday: 'MO' }, time: '16:00', size: 4 },
];

/** The first day of the month `months` before now, as a Helsinki date. */
function monthsBefore(now: Date, months: number): string {
  const [y, m] = utcToZoned(now, ZONE).date.split('-').map(Number) as [number, number];
  let year = y;
  let month = m - months;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  return formatLocalDate(year, month, 1);
}

export async function seedGroups(tx: Tx, input: GroupSeedInput): Promise<{ groups: number; meetings: number; steps: number }> {
  const { organizationId, random, now } = input;
  const people = await tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(memberships.createdAt);
  const entrepreneurs = people.filter((p) => p.role === 'entrepreneur');
  const lead = people.find((p) => p.email === input.leadFacilitatorEmail);
  const facilitators = [lead, ...people.filter((p) => (p.role === 'facilitator' || p.role === 'trainee') && p !== lead)].filter((p): p is NonNullable<typeof p> => !!p);
  const experts = people.filter((p) => p.role === 'expert');
  // The entrepreneur sign-in goes first, so they land in the first group.
  entrepreneurs.sort((a, b) => Number(b.email === input.entrepreneurEmail) - Number(a.email === input.entrepreneurEmail));

  await tx.insert(groupAgreements).values({ organizationId, version: 1, textFi: demoAgreement.fi, textSv: demoAgreement.sv, textEn: demoAgreement.en, createdAt: new Date(now.getTime() - 20 * 30 * 86_400_000) });

  let cursor = 0;
  let meetingCount = 0;
  let stepCount = 0;
  const stepRows: (typeof steps.$inferInsert)[] = [];
  const attendanceRows: (typeof attendance.$inferInsert)[] = [];
  const agendaRows: (typeof agendaItems.$inferInsert)[] = [];
  const rsvpRows: (typeof rsvps.$inferInsert)[] = [];
  const postRows: (typeof boardPosts.$inferInsert)[] = [];
  const invitedRows: (typeof remindersSent.$inferInsert)[] = [];
  const inviteHorizon = now.getTime() + INVITE_AHEAD_DAYS * 86_400_000;

  for (const [g, plan] of input.plans.entries()) {
    const members = entrepreneurs.slice(cursor, cursor + plan.size);
    cursor += plan.size;
    if (members.length === 0) break;
    const groupId = newId();
    const groupFacilitatorIds = [facilitators[g % facilitators.length]!.userId];
    if (g === 0 && facilitators.length > 1) groupFacilitatorIds.push(facilitators[1]!.userId); // the first group has two
    await tx.insert(groups).values({ organizationId, id: groupId, name: plan.name, status: plan.status, format: plan.format });
    await tx.insert(groupFacilitators).values(groupFacilitatorIds.map((userId) => ({ organizationId, groupId, userId })));
    const startMonthsAgo = plan.status === 'forming' ? 0 : 18;
    const joinedAt = new Date(now.getTime() - (startMonthsAgo + 1) * 30 * 86_400_000);
    await tx.insert(groupMembers).values(
      members.map((m) => ({
        organizationId,
        groupId,
        userId: m.userId,
        joinedAt,
        agreementVersion: plan.status === 'forming' ? null : 1,
        agreementAcceptedAt: plan.status === 'forming' ? null : joinedAt,
        showCompany: random.next() < 0.8,
      })),
    );

    // Meetings: the ended group met for 12 months, the paused one stopped 3 months ago,
    // the forming one starts next month; the others run from 18 months ago to 3 months ahead.
    const seriesId = newId();
    const series: MeetingSeries = { rule: plan.series, time: plan.time, zone: ZONE, startDate: monthsBefore(now, startMonthsAgo) };
    await tx.insert(meetingSeries).values({ organizationId, id: seriesId, groupId, rule: { ...series } as unknown as Record<string, unknown>, timeZone: ZONE });
    const until = plan.status === 'ended' ? new Date(now.getTime() - 180 * 86_400_000) : plan.status === 'paused' ? new Date(now.getTime() - 90 * 86_400_000) : new Date(now.getTime() + 95 * 86_400_000);
    const from = plan.status === 'forming' ? new Date(now.getTime() + 7 * 86_400_000) : undefined;
    const list = occurrences(series, { from, to: until });
    for (const [i, occ] of list.entries()) {
      const meetingId = newId();
      const past = occ.start.getTime() < now.getTime();
      const format = plan.format === 'mixed' ? (i % 2 === 0 ? 'in_person' : 'online') : plan.format;
      const theme = themes[(i + g) % themes.length]!;
      const durationMin = format === 'walking' ? 90 : 120;
      const cancelled = past && random.next() < 0.04;
      await tx.insert(meetings).values({
        organizationId,
        id: meetingId,
        groupId,
        seriesId,
        startsAt: occ.start,
        endsAt: new Date(occ.start.getTime() + durationMin * 60_000),
        timeZone: ZONE,
        theme,
        format,
        status: cancelled ? 'cancelled' : 'scheduled',
        sequence: cancelled ? 1 : 0,
        venueAddress: format === 'in_person' ? input.venue : null,
        venueRoom: format === 'in_person' ? 'Kokoushuone Peili, 2. kerros' : null,
        venueAccessibility: format === 'in_person' ? 'Hissi ja esteetön wc. Induktiosilmukka.' : null,
        refreshments: format === 'in_person' ? 'Kahvi, tee ja pientä purtavaa' : null,
        onlineUrl: format === 'online' ? `https://meet.example.invalid/tyopeili-${groupId.slice(-8)}` : null,
        meetingPoint: format === 'walking' ? input.walkingPoint : null,
        route: format === 'walking' ? input.walkingRoute : null,
        lengthKm: format === 'walking' ? '4.5' : null,
        whatToWear: format === 'walking' ? 'Säänmukainen vaatetus ja hyvät kengät' : null,
        summary: past && !cancelled ? `Teemana oli ${theme.toLowerCase()}. Jokainen kertoi kuulumisensa ja edellisten askelten etenemisen. Sovimme uudet pienet askeleet.` : null,
        summaryPublishedAt: past && !cancelled ? new Date(occ.start.getTime() + 26 * 3600_000) : null,
      });
      meetingCount += 1;
      // The demo's history: everyone was invited to the meetings already within the invitation
      // window (as the hourly job would have done), so the first start sends no burst of
      // invitations to past or near demo meetings; later ones are invited as they come near.
      if (occ.start.getTime() <= inviteHorizon) {
        const sentAt = new Date(Math.min(now.getTime(), occ.start.getTime() - INVITE_AHEAD_DAYS * 86_400_000));
        for (const userId of [...groupFacilitatorIds, ...members.map((m) => m.userId)]) invitedRows.push({ organizationId, kind: INVITATION_KIND, targetId: meetingId, userId, sentAt });
      }
      const hasExpert = i % 3 === 2 && experts.length > 0;
      const agenda: { kind: AgendaKind; minutes: number; expert?: string; topic?: string }[] = [
        { kind: 'opening_round', minutes: 15 },
        ...(i > 0 ? [{ kind: 'follow_up_round' as const, minutes: 20 }] : []),
        ...(hasExpert ? [{ kind: 'expert_segment' as const, minutes: 30, expert: experts[(i + g) % experts.length]!.userId, topic: expertTopics[(i + g) % expertTopics.length]! }] : []),
        { kind: 'theme_work', minutes: hasExpert ? 25 : 45 },
        { kind: 'small_steps_round', minutes: 20 },
        { kind: 'closing', minutes: 10 },
      ];
      agenda.forEach((a, position) => agendaRows.push({ organizationId, meetingId, position, kind: a.kind, minutes: a.minutes, expertUserId: a.expert ?? null, topic: a.topic ?? null }));

      if (past && !cancelled) {
        const present: string[] = [];
        for (const m of members) {
          const r = random.next();
          const status: AttendanceStatus = r < 0.82 ? 'present' : r < 0.88 ? 'late' : r < 0.95 ? 'excused' : 'absent';
          const hours = status === 'present' ? durationMin / 60 : status === 'late' ? durationMin / 60 - 0.5 : 0;
          attendanceRows.push({ organizationId, meetingId, userId: m.userId, status, hours: hours.toFixed(2), recordedBy: groupFacilitatorIds[0]!, recordedAt: new Date(occ.start.getTime() + durationMin * 60_000) });
          if (status === 'present' || status === 'late') present.push(m.userId);
        }
        // Small steps set at this meeting; older ones are settled, the latest stay open.
        const ageDays = (now.getTime() - occ.start.getTime()) / 86_400_000;
        for (const userId of present) {
          const n = random.next() < 0.6 ? 1 : 2;
          for (let k = 0; k < n; k++) {
            const r = random.next();
            const status: StepStatus = ageDays < 35 ? 'open' : r < 0.55 ? 'done' : r < 0.8 ? 'partly' : r < 0.9 ? 'dropped' : 'open';
            const createdAt = new Date(occ.start.getTime() + (durationMin - 15) * 60_000);
            stepRows.push({
              organizationId,
              groupId,
              userId,
              meetingId,
              text: stepTexts[Math.floor(random.next() * stepTexts.length)]!,
              dueOn: new Date(occ.start.getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
              status,
              reflection: status === 'open' ? null : reflections[Math.floor(random.next() * reflections.length)]!,
              createdAt,
              updatedAt: status === 'open' ? createdAt : new Date(occ.start.getTime() + 28 * 86_400_000),
            });
            stepCount += 1;
          }
        }
        if (i % 4 === 1) {
          postRows.push({ organizationId, groupId, authorUserId: members[i % members.length]!.userId, body: boardTexts[(i + g) % boardTexts.length]!, createdAt: new Date(occ.start.getTime() + 2 * 86_400_000) });
        }
      } else if (!past && occ.start.getTime() - now.getTime() < 40 * 86_400_000) {
        // The next meeting: most have answered.
        for (const m of members) {
          const r = random.next();
          if (r < 0.65) rsvpRows.push({ organizationId, meetingId, userId: m.userId, response: 'coming' });
          else if (r < 0.8) rsvpRows.push({ organizationId, meetingId, userId: m.userId, response: 'not_coming', reason: 'Asiakaskäynti samaan aikaan' });
        }
      }
    }
  }
  for (let i = 0; i < stepRows.length; i += 500) await tx.insert(steps).values(stepRows.slice(i, i + 500));
  for (let i = 0; i < attendanceRows.length; i += 500) await tx.insert(attendance).values(attendanceRows.slice(i, i + 500));
  for (let i = 0; i < agendaRows.length; i += 500) await tx.insert(agendaItems).values(agendaRows.slice(i, i + 500));
  if (rsvpRows.length) await tx.insert(rsvps).values(rsvpRows);
  for (let i = 0; i < invitedRows.length; i += 500) await tx.insert(remindersSent).values(invitedRows.slice(i, i + 500));
  if (postRows.length) await tx.insert(boardPosts).values(postRows);
  return { groups: input.plans.length, meetings: meetingCount, steps: stepCount };
}
