// The demo's seminar tour: "Timanttikiertue" with 6 events in the first organisation (the
// project texts' themes): three past ones with attendance ticked and feedback from those who came
// (the feedback request already sent and answered by most), two upcoming with registrations, and
// one full upcoming one with a waiting list. Registrants are not group members.
import type { Tx } from '../platform/db/db.ts';
import { newId } from '../platform/db/ids.ts';
import { eventFeedback, eventRegistrations, events, eventTours } from '../features/events/events.schema.ts';
import { newCancelToken, newRegistrationCode } from '../features/events/registration-tokens.ts';

const DAY = 86_400_000;
const stops = [
  { title: 'Kriisistä kasvuun – yrityksen toipuminen', days: -60, capacity: 40, registered: 28, venue: 'Yrittäjätalo, Kauppakatu 12, Pori' },
  { title: 'Somemarkkinointi pienyrittäjälle', days: -30, capacity: 30, registered: 30, venue: 'Kirjasto, Kirjastokatu 4, Rauma' },
  { title: 'Tietosuoja pienessä yrityksessä', days: -7, capacity: 50, registered: 22, venue: null },
  { title: 'Ajanhallinta ja jaksaminen', days: 14, capacity: 40, registered: 12, venue: 'Yrittäjätalo, Kauppakatu 12, Pori' },
  { title: 'Itsensä johtaminen yrittäjänä', days: 35, capacity: 12, registered: 16, venue: 'Kirjasto, Kirjastokatu 4, Rauma' },
  { title: 'Timanttikiertueen päätösseminaari', days: 60, capacity: 80, registered: 5, venue: 'Satakunnan ammattikorkeakoulu, Pori' },
] as const;
const firstNames = ['Aino', 'Eero', 'Helmi', 'Juho', 'Kaisa', 'Lauri', 'Minna', 'Niko', 'Oona', 'Pekka', 'Riikka', 'Sami', 'Tiina', 'Ville', 'Stina', 'Mikael'];
const lastNames = ['Aalto', 'Heikkinen', 'Koskinen', 'Laine', 'Mäkelä', 'Nieminen', 'Ojala', 'Salonen', 'Virtanen', 'Lindqvist'];
const comments = [
  'Käytännönläheinen ilta, sain heti kokeiltavaa omaan arkeen.',
  'Hyvä puhuja. Pienryhmäkeskustelulle olisi saanut olla enemmän aikaa.',
  'Oli mukava kuulla, miten muut yrittäjät ovat ratkaisseet saman asian.',
  'Osa asioista oli minulle jo tuttuja, mutta kertaus teki hyvää.',
];

export async function seedEvents(tx: Tx, input: { organizationId: string; now: Date }): Promise<{ events: number; registrations: number }> {
  const { organizationId, now } = input;
  const tourId = newId();
  await tx
    .insert(eventTours)
    .values({ organizationId, id: tourId, name: 'Timanttikiertue 2027', description: 'Kuusi avointa seminaaria yrittäjille eri puolilla Satakuntaa.' });
  let registrations = 0;
  for (const [i, stop] of stops.entries()) {
    const day = new Date(now.getTime() + stop.days * DAY);
    day.setUTCHours(15, 0, 0, 0); // 17.00 or 18.00 Helsinki
    const eventId = newId();
    await tx.insert(events).values({
      organizationId,
      id: eventId,
      tourId,
      title: stop.title,
      description: 'Avoin tilaisuus yrittäjille. Alustuksen jälkeen keskustelemme pienryhmissä ja vaihdamme kokemuksia.',
      startsAt: day,
      endsAt: new Date(day.getTime() + 2 * 3_600_000),
      venue: stop.venue,
      onlineUrl: stop.venue ? null : 'https://meet.example.fi/timanttikiertue',
      capacity: stop.capacity,
      registrationDeadline: new Date(day.getTime() - 2 * DAY),
      speakers: 'Työpeilin ohjaajat ja vieraileva asiantuntija',
      status: 'published',
      publishedAt: new Date(day.getTime() - 45 * DAY),
      createdAt: new Date(day.getTime() - 50 * DAY),
      updatedAt: new Date(day.getTime() - 45 * DAY),
    });
    const past = stop.days < 0;
    const came = (k: number) => past && k < stop.capacity && k % 5 !== 4;
    const rows = Array.from({ length: stop.registered }, (_, k) => {
      const first = firstNames[(k + i) % firstNames.length]!;
      const last = lastNames[(k * 3 + i) % lastNames.length]!;
      const seated = k < stop.capacity;
      return {
        organizationId,
        eventId,
        name: `${first} ${last}`,
        email: `tapahtuma${i + 1}.${k + 1}@demo.tyopeili.fi`,
        organisation: k % 3 === 0 ? null : `${last} Oy`,
        // Needs of past events are already pruned.
        dietaryNeeds: !past && k % 5 === 0 ? 'kasvis' : null,
        accessibilityNeeds: !past && k % 9 === 0 ? 'esteetön sisäänkäynti' : null,
        consentAt: new Date(day.getTime() - (30 - (k % 20)) * DAY),
        code: newRegistrationCode(),
        cancelTokenHash: newCancelToken().hash,
        status: seated ? ('confirmed' as const) : ('waitlisted' as const),
        position: k + 1,
        // Past events: about four in five came, ticked at the door; those who came were asked for feedback, and about two in three answered.
        attended: came(k),
        attendedAt: came(k) ? new Date(day.getTime() - 10 * 60_000 + (k % 15) * 60_000) : null,
        reminderSentAt: past && seated ? new Date(day.getTime() - DAY) : null,
        feedbackRequestedAt: came(k) ? new Date(day.getTime() + 3 * 3_600_000) : null,
        feedbackGivenAt: came(k) && k % 3 !== 2 ? new Date(day.getTime() + (20 + k) * 3_600_000) : null,
        createdAt: new Date(day.getTime() - (30 - (k % 20)) * DAY),
      };
    });
    if (rows.length) await tx.insert(eventRegistrations).values(rows);
    // The answers themselves carry no person: ratings that vary as real ones do, a few comments.
    const answers = rows.flatMap((r, k) =>
      r.feedbackGivenAt
        ? [{ organizationId, eventId, overall: [5, 4, 4, 3, 5, 4, 2][(k + i) % 7]!, usefulness: [4, 5, 3, 4, 4, 2, 5][(k * 2 + i) % 7]!, comment: k % 4 === 0 ? comments[(k / 4 + i) % comments.length]! : null }]
        : [],
    );
    if (answers.length) await tx.insert(eventFeedback).values(answers);
    registrations += rows.length;
  }
  return { events: stops.length, registrations };
}
