// The demo's advice for one company: in each organisation two advisors (the facilitator and the
// coordinator sign-ins) with weekly and single availability, past sessions with notes, shared
// summaries, a no-show and the next steps agreed (private steps of the person), and upcoming
// bookings on free slots — all relative to the seeding moment.
import { and, eq, inArray } from 'drizzle-orm';
import { users } from '../features/accounts/accounts.schema.ts';
import { adviceAvailability, adviceNotes, adviceSessions } from '../features/advice/advice.schema.ts';
import { DEFAULT_ADVICE_RULES, freeSlots, type AvailabilityWindow } from '../features/advice/slots.ts';
import { addDays, utcToZoned, weekdayIndex, weekdayOf, zonedTimeToUtc } from '../features/meetings/zoned-time.ts';
import { memberships } from '../features/organizations/organizations.schema.ts';
import { entrepreneurProfiles } from '../features/companies/companies.schema.ts';
import { steps } from '../features/steps/steps.schema.ts';
import { newId } from '../platform/db/ids.ts';
import type { Tx } from '../platform/db/db.ts';

const pastSessions = [
  {
    daysAgo: 70,
    topic: 'crisisSupport',
    note: 'Liikevaihto laski syksyllä. Kävimme läpi ELY-keskuksen kehittämisavustuksen ehdot.',
    summary: 'Kävimme läpi, mitä tukia yrityksellesi sopii ja mitä hakemukseen tarvitaan.',
    step: 'Kokoa viime vuoden tuloslaskelma ja liikevaihto kuukausittain',
  },
  {
    daysAgo: 40,
    topic: 'financing',
    note: 'Hakemusluonnos hyvässä vaiheessa; budjetti vielä auki.',
    summary: 'Hakemuksesi on hyvällä mallilla. Seuraavaksi budjetti ja aikataulu.',
    step: 'Tee hankkeelle budjetti ja aikataulu',
  },
  { daysAgo: 12, topic: 'marketing', note: 'Ei saapunut; ei ilmoitusta.', summary: null, step: null, noShow: true },
] as const;

function windowsFor(organizationId: string, advisors: { facilitator: string; coordinator: string }, places: { onSite: string }, today: string) {
  const rows = [
    {
      advisorUserId: advisors.facilitator,
      kind: 'weekly' as const,
      weekday: 2,
      startTime: '09:00',
      endTime: '12:00',
      mode: 'remote' as const,
      onlineUrl: 'https://meet.demo.tyopeili.fi/neuvonta-ohjaaja',
      place: null,
      topics: ['crisisSupport', 'financing', 'growth'],
    },
    {
      advisorUserId: advisors.facilitator,
      kind: 'weekly' as const,
      weekday: 4,
      startTime: '13:00',
      endTime: '16:00',
      mode: 'on_site' as const,
      onlineUrl: null,
      place: places.onSite,
      topics: ['financing', 'taxes', 'marketing'],
    },
    {
      advisorUserId: advisors.coordinator,
      kind: 'weekly' as const,
      weekday: 3,
      startTime: '10:00',
      endTime: '12:15',
      mode: 'remote' as const,
      onlineUrl: 'https://meet.demo.tyopeili.fi/neuvonta-koordinaattori',
      place: null,
      topics: ['digital', 'dataProtection', 'marketing', 'wellbeing'],
    },
  ];
  const single = {
    advisorUserId: advisors.coordinator,
    kind: 'single' as const,
    onDate: addDays(today, 9),
    startTime: '14:00',
    endTime: '16:00',
    mode: 'on_site' as const,
    onlineUrl: null,
    place: places.onSite,
    topics: ['crisisSupport', 'financing'],
  };
  return [...rows.map((r) => ({ ...r, organizationId, id: newId(), onDate: null })), { ...single, organizationId, id: newId(), weekday: null }];
}

export async function seedAdvice(
  tx: Tx,
  input: { organizationId: string; now: Date; facilitatorEmail: string; coordinatorEmail: string; entrepreneurEmail?: string; onSite: string },
): Promise<void> {
  const { organizationId, now } = input;
  const byEmail = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [input.facilitatorEmail, input.coordinatorEmail, ...(input.entrepreneurEmail ? [input.entrepreneurEmail] : [])]));
  const id = (email: string) => byEmail.find((u) => u.email === email)?.id;
  const facilitator = id(input.facilitatorEmail);
  const coordinator = id(input.coordinatorEmail);
  if (!facilitator || !coordinator) return;
  const today = utcToZoned(now).date;
  const windows = windowsFor(organizationId, { facilitator, coordinator }, { onSite: input.onSite }, today);
  await tx.insert(adviceAvailability).values(windows.map((w) => ({ ...w, createdAt: new Date(now.getTime() - 90 * 86_400_000) })));

  // The people advised: the entrepreneur sign-in first, then a few others with their companies.
  const entrepreneurs = await tx
    .select({ userId: memberships.userId, companyId: entrepreneurProfiles.companyId })
    .from(memberships)
    .leftJoin(
      entrepreneurProfiles,
      and(eq(entrepreneurProfiles.organizationId, memberships.organizationId), eq(entrepreneurProfiles.userId, memberships.userId)),
    )
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, 'entrepreneur')))
    .orderBy(memberships.userId)
    .limit(8);
  const login = input.entrepreneurEmail ? id(input.entrepreneurEmail) : undefined;
  const people = [...entrepreneurs.filter((e) => e.userId === login), ...entrepreneurs.filter((e) => e.userId !== login)].slice(0, 6);
  if (people.length === 0) return;

  // Past sessions: the sign-in's series with the facilitator (notes, summaries, steps, one no-show), one each for others.
  // On a Tuesday, at one of the window's slot starts (different people, different starts).
  const pastAt = (daysAgo: number, i: number) => {
    let date = addDays(today, -daysAgo);
    while (weekdayIndex(weekdayOf(date)) !== 1) date = addDays(date, -1);
    return zonedTimeToUtc(date, ['09:00', '10:15', '11:30'][i % 3]!);
  };
  const remote = windows[0]!;
  for (const [i, person] of people.entries()) {
    const plan = i === 0 ? pastSessions : pastSessions.slice(i % 2, (i % 2) + 1);
    for (const p of plan) {
      const startsAt = pastAt(p.daysAgo + i * 7, i);
      const sessionId = newId();
      await tx.insert(adviceSessions).values({
        organizationId,
        id: sessionId,
        advisorUserId: facilitator,
        availabilityId: remote.id,
        userId: person.userId,
        topic: p.topic,
        startsAt,
        endsAt: new Date(startsAt.getTime() + DEFAULT_ADVICE_RULES.slotMinutes * 60_000),
        mode: 'remote',
        onlineUrl: remote.onlineUrl,
        status: 'booked',
        companyId: person.companyId,
        confirmedAt: new Date(startsAt.getTime() - 7 * 86_400_000),
        attendance: 'noShow' in p ? 'no_show' : 'attended',
        summary: p.summary,
        summarySharedAt: p.summary ? new Date(startsAt.getTime() + 3 * 3600_000) : null,
        reminderSentAt: new Date(startsAt.getTime() - 86_400_000),
        createdAt: new Date(startsAt.getTime() - 7 * 86_400_000),
        updatedAt: new Date(startsAt.getTime() + 3 * 3600_000),
      });
      await tx
        .insert(adviceNotes)
        .values({ organizationId, sessionId, authorUserId: facilitator, text: p.note, createdAt: new Date(startsAt.getTime() + 3600_000) });
      if (p.step) {
        const done = p.daysAgo > 50;
        await tx.insert(steps).values({
          organizationId,
          groupId: null,
          userId: person.userId,
          adviceSessionId: sessionId,
          text: p.step,
          dueOn: utcToZoned(new Date(startsAt.getTime() + 21 * 86_400_000)).date,
          status: done ? 'done' : 'open',
          reflection: done ? 'Luvut koottu, lähetin ne neuvojalle.' : null,
          createdAt: new Date(startsAt.getTime() + 3600_000),
          updatedAt: new Date(startsAt.getTime() + 3600_000),
        });
      }
    }
  }

  // Upcoming bookings on the first free slots (the sign-in's with the facilitator, two others with the coordinator).
  const asWindows: AvailabilityWindow[] = windows.map((w) => ({ ...w, validFrom: null, validUntil: null }));
  const slots = freeSlots({ windows: asWindows, leave: [], busy: [], rules: DEFAULT_ADVICE_RULES, from: today, to: addDays(today, 30), now });
  const pick = (advisor: string, n: number) => slots.filter((s) => s.advisorUserId === advisor)[n];
  const upcoming = [
    { slot: pick(facilitator, 1), person: people[0]!, topic: 'financing' },
    { slot: pick(coordinator, 0), person: people[1], topic: 'digital' },
    { slot: pick(coordinator, 2), person: people[2], topic: 'marketing' },
  ];
  for (const u of upcoming) {
    if (!u.slot || !u.person || !u.slot.topics.includes(u.topic)) continue;
    await tx.insert(adviceSessions).values({
      organizationId,
      advisorUserId: u.slot.advisorUserId,
      availabilityId: u.slot.availabilityId,
      userId: u.person.userId,
      topic: u.topic,
      startsAt: u.slot.startsAt,
      endsAt: u.slot.endsAt,
      mode: u.slot.mode,
      onlineUrl: u.slot.onlineUrl,
      place: u.slot.place,
      status: 'booked',
      companyId: u.person.companyId,
      confirmedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  }
}
