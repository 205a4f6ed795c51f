// The demo's seminar tour: "Timanttikiertue" with 6 events in the first organisation (the
// project texts' themes): three past ones with attendance ticked, two upcoming with
// registrations, and one full upcoming one with a waiting list. Registrants are not group members.
import type { Tx } from '../platform/db/db.ts';
import { newId } from '../platform/db/ids.ts';
import { eventRegistrations, events, eventTours } from '../features/events/events.schema.ts';
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
        // Past events: about four in five came.
        attended: past && seated && k % 5 !== 4,
        createdAt: new Date(day.getTime() - (30 - (k % 20)) * DAY),
      };
    });
    if (rows.length) await tx.insert(eventRegistrations).values(rows);
    registrations += rows.length;
  }
  return { events: stops.length, registrations };
}
