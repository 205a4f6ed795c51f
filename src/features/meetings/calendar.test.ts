import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildEventFile,
  buildFeed,
  buildInvitation,
  meetingDescription,
  meetingUid,
  sequenceAfterChange,
  type CalendarMeeting,
  type CalendarTexts,
} from './calendar.ts';
import { occurrences, toICalendarRecurrence, type MeetingSeries } from './recurrence.ts';

const texts: CalendarTexts = {
  onlineLink: 'Etäyhteys',
  meetingPoint: 'Lähtöpaikka',
  route: 'Reitti',
  distance: 'Matka',
  walkingNotes: 'Huomioitavaa',
  meetingPage: 'Tapaamisen sivu',
};
const now = new Date('2026-01-02T10:00:00Z');
const organizer = { name: 'Ohjaaja Olli', email: 'olli@example.fi' };
const attendees = [
  { name: 'Mäkinen, "Pete"', email: 'pete@example.fi' },
  { name: 'Sari Saarinen', email: 'sari@example.fi', status: 'accepted' as const },
];

function meeting(overrides: Partial<CalendarMeeting> = {}): CalendarMeeting {
  return {
    id: '0190a0b0-0000-7000-8000-000000000001',
    sequence: 0,
    // 17:00–19:00 Helsinki summer time
    start: new Date('2026-04-07T14:00:00Z'),
    end: new Date('2026-04-07T16:00:00Z'),
    title: 'Työpeili-ryhmä: huhtikuun tapaaminen',
    description: 'Teema: jaksaminen ja palautuminen.',
    status: 'scheduled',
    format: 'in-person',
    venue: { name: 'Yrityspalvelukeskus, kokoushuone Kuusi', address: 'Valtakatu 1, 28100 Pori' },
    ...overrides,
  };
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const vevents = root.getAllSubcomponents('vevent');
  return { root, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

/** RFC 5545 3.1: CRLF line ends, lines at most 75 octets without the CRLF. */
function expectWellFormedLines(text: string) {
  expect(text.endsWith('\r\n') || text.endsWith('END:VCALENDAR')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
}

afterEach(() => {
  delete process.env.TZ;
});

describe('buildInvitation: REQUEST', () => {
  it('carries METHOD, UID, SEQUENCE, ORGANIZER, ATTENDEEs and the Helsinki wall time with a VTIMEZONE', () => {
    const text = buildInvitation({ method: 'request', meeting: meeting(), organizer, attendees, texts, now });
    const { root, vevents, events } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const [event] = events;
    const [vevent] = vevents;
    expect(event!.uid).toBe('0190a0b0-0000-7000-8000-000000000001@tyopeili');
    expect(event!.sequence).toBe(0);
    expect(vevent!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
    expect(event!.startDate.toString()).toBe('2026-04-07T17:00:00');
    expect(event!.endDate.toString()).toBe('2026-04-07T19:00:00');
    // ical.js converts with the VTIMEZONE in the file
    expect(event!.startDate.toJSDate().toISOString()).toBe('2026-04-07T14:00:00.000Z');
    expect(root.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Helsinki');
    expect(String(vevent!.getFirstPropertyValue('dtstamp'))).toBe('2026-01-02T10:00:00Z');
    expect(vevent!.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event!.location).toBe('Yrityspalvelukeskus, kokoushuone Kuusi\nValtakatu 1, 28100 Pori');

    expect(String(vevent!.getFirstPropertyValue('organizer'))).toBe('mailto:olli@example.fi');
    expect(vevent!.getFirstProperty('organizer')!.getParameter('cn')).toBe('Ohjaaja Olli');
    const people = event!.attendees.map((a) => ({
      value: String(a.getFirstValue()).toLowerCase(),
      cn: a.getParameter('cn'),
      partstat: a.getParameter('partstat'),
      rsvp: a.getParameter('rsvp'),
      role: a.getParameter('role'),
    }));
    expect(people).toEqual([
      { value: 'mailto:pete@example.fi', cn: 'Mäkinen, "Pete"', partstat: 'NEEDS-ACTION', rsvp: 'TRUE', role: 'REQ-PARTICIPANT' },
      { value: 'mailto:sari@example.fi', cn: 'Sari Saarinen', partstat: 'ACCEPTED', rsvp: 'TRUE', role: 'REQ-PARTICIPANT' },
    ]);
    expectWellFormedLines(text);
  });

  it('an update keeps the UID and raises SEQUENCE', () => {
    const before = meeting();
    const moved = { ...before, start: new Date('2026-04-14T14:00:00Z'), end: new Date('2026-04-14T16:00:00Z') };
    const sequence = sequenceAfterChange(before, moved);
    expect(sequence).toBe(1);
    const first = parse(buildInvitation({ method: 'request', meeting: before, organizer, attendees, texts, now })).events[0]!;
    const update = parse(buildInvitation({ method: 'request', meeting: { ...moved, sequence }, organizer, attendees, texts, now })).events[0]!;
    expect(update.uid).toBe(first.uid);
    expect(update.sequence).toBeGreaterThan(first.sequence);
    expect(update.startDate.toString()).toBe('2026-04-14T17:00:00');
  });

  it('refuses a cancelled meeting and an empty attendee list', () => {
    expect(() => buildInvitation({ method: 'request', meeting: meeting({ status: 'cancelled' }), organizer, attendees, texts, now })).toThrow(/cancel/);
    expect(() => buildInvitation({ method: 'request', meeting: meeting(), organizer, attendees: [], texts, now })).toThrow(/attendee/);
  });
});

describe('buildInvitation: CANCEL', () => {
  it('says METHOD:CANCEL and STATUS:CANCELLED with the same UID and the given SEQUENCE', () => {
    const text = buildInvitation({ method: 'cancel', meeting: meeting({ sequence: 2 }), organizer, attendees, texts, now });
    const { root, vevents, events } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevents[0]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0]!.uid).toBe(meetingUid('0190a0b0-0000-7000-8000-000000000001'));
    expect(events[0]!.sequence).toBe(2);
    expect(events[0]!.attendees).toHaveLength(2);
    expect(vevents[0]!.getFirstProperty('organizer')).not.toBeNull();
  });
});

describe('times across DST', () => {
  it.each([
    // [start UTC, local start] — 17:00 Helsinki is 15:00Z in winter and 14:00Z in summer
    ['2026-03-24T15:00:00Z', '2026-03-24T17:00:00'],
    ['2026-03-31T14:00:00Z', '2026-03-31T17:00:00'],
    ['2026-10-20T14:00:00Z', '2026-10-20T17:00:00'],
    ['2026-10-27T15:00:00Z', '2026-10-27T17:00:00'],
    ['2027-03-23T15:00:00Z', '2027-03-23T17:00:00'],
    ['2027-03-30T14:00:00Z', '2027-03-30T17:00:00'],
    ['2027-10-26T14:00:00Z', '2027-10-26T17:00:00'],
    ['2027-11-02T15:00:00Z', '2027-11-02T17:00:00'],
  ])('%s is written as %s Helsinki and read back as the same instant', (utc, local) => {
    const start = new Date(utc);
    const text = buildEventFile({ meeting: meeting({ start, end: new Date(start.getTime() + 7_200_000) }), texts, now });
    const event = parse(text).events[0]!;
    expect(event.startDate.toString()).toBe(local);
    expect(event.startDate.zone.tzid).toBe('Europe/Helsinki');
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(utc).toISOString());
  });

  it('does not depend on the server process time zone', () => {
    const expected = buildEventFile({ meeting: meeting(), texts, now });
    for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = tz;
      expect(new Date('2026-04-07T14:00:00Z').getHours()).not.toBe(17);
      expect(buildEventFile({ meeting: meeting(), texts, now })).toBe(expected);
    }
    expect(expected).toContain('DTSTART;TZID=Europe/Helsinki:20260407T170000\r\n');
  });

  it('a meeting in another zone gets its own VTIMEZONE', () => {
    const text = buildEventFile({
      meeting: meeting({ timeZone: 'Europe/Stockholm', start: new Date('2026-11-03T16:00:00Z'), end: new Date('2026-11-03T17:00:00Z') }),
      texts,
      now,
    });
    const { root, events } = parse(text);
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Stockholm']);
    expect(events[0]!.startDate.toString()).toBe('2026-11-03T17:00:00');
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-11-03T16:00:00.000Z');
  });

  it('a series exported with RRULE expands in ical.js to the instants recurrence.ts generates', () => {
    const series: MeetingSeries = { rule: { freq: 'monthly-weekday', week: 1, weekday: 'TU' }, time: '17:00', startDate: '2026-01-01', count: 24 };
    const rec = toICalendarRecurrence(series)!;
    const text = buildEventFile({ meeting: meeting({ start: rec.dtstart, end: new Date(rec.dtstart.getTime() + 7_200_000), rrule: rec.rrule }), texts, now });
    expect(text).toContain('RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=24\r\n');
    const event = parse(text).events[0]!;
    const iterator = event.iterator();
    const theirs: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) theirs.push(next.toJSDate().toISOString());
    expect(theirs).toEqual(occurrences(series).map((o) => o.start.toISOString()));
  });
});

describe('buildFeed', () => {
  it('holds many meetings, cancelled ones marked, without people or METHOD:REQUEST', () => {
    const meetings = [
      meeting({ id: 'm1', start: new Date('2026-01-13T15:00:00Z'), end: new Date('2026-01-13T17:00:00Z') }),
      meeting({ id: 'm2', start: new Date('2026-02-10T15:00:00Z'), end: new Date('2026-02-10T17:00:00Z'), status: 'cancelled', sequence: 1 }),
      meeting({
        id: 'm3',
        start: new Date('2026-08-11T14:00:00Z'),
        end: new Date('2026-08-11T16:00:00Z'),
        format: 'online',
        venue: null,
        online: { url: 'https://meet.example/abc' },
      }),
    ];
    const text = buildFeed({ name: 'Työpeili Pori 1', meetings, texts, now, refreshSeconds: 3600 });
    const { root, vevents, events } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Työpeili Pori 1');
    expect(root.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.toJSDate().toISOString()])).toEqual([
      ['m1@tyopeili', '2026-01-13T17:00:00', '2026-01-13T15:00:00.000Z'],
      ['m2@tyopeili', '2026-02-10T17:00:00', '2026-02-10T15:00:00.000Z'],
      ['m3@tyopeili', '2026-08-11T17:00:00', '2026-08-11T14:00:00.000Z'],
    ]);
    expect(vevents.map((v) => v.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    expect(vevents.flatMap((v) => [...v.getAllProperties('attendee'), ...v.getAllProperties('organizer')])).toEqual([]);
    expect(text).not.toContain('METHOD:REQUEST');
    expectWellFormedLines(text);
  });
});

describe('places, links and walking meetings', () => {
  it('online: URL (with ; and , percent-encoded, which ical-generator would escape as TEXT) and a description line; no LOCATION', () => {
    const m = meeting({
      format: 'online',
      venue: null,
      online: { url: 'https://meet.example/tyopeili-pori?pwd=abc;def', instructions: 'Kokoustunnus 123 456' },
    });
    const vevent = parse(buildEventFile({ meeting: m, texts, now })).vevents[0]!;
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example/tyopeili-pori?pwd=abc%3Bdef');
    expect(vevent.getFirstPropertyValue('location')).toBeNull();
    expect(vevent.getFirstPropertyValue('description')).toBe(
      'Teema: jaksaminen ja palautuminen.\n\nEtäyhteys: https://meet.example/tyopeili-pori?pwd=abc;def\nKokoustunnus 123 456',
    );
  });

  it('walking: meeting point as LOCATION and the route in DESCRIPTION', () => {
    const m = meeting({
      format: 'walking',
      venue: null,
      walking: { meetingPoint: 'Kirjurinluodon pääportti', route: 'Kirjurinluodon lenkki', distance: 'n. 4 km', notes: 'Sään mukainen vaatetus' },
      pageUrl: 'https://tyopeili.example/meetings/m1',
    });
    const vevent = parse(buildEventFile({ meeting: m, texts, now })).vevents[0]!;
    expect(vevent.getFirstPropertyValue('location')).toBe('Kirjurinluodon pääportti');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://tyopeili.example/meetings/m1');
    expect(vevent.getFirstPropertyValue('description')).toBe(
      [
        'Teema: jaksaminen ja palautuminen.',
        '',
        'Lähtöpaikka: Kirjurinluodon pääportti',
        'Reitti: Kirjurinluodon lenkki',
        'Matka: n. 4 km',
        'Huomioitavaa: Sään mukainen vaatetus',
        '',
        'Tapaamisen sivu: https://tyopeili.example/meetings/m1',
      ].join('\n'),
    );
  });

  it('folds long lines with multi-byte characters at ≤ 75 octets and ical.js unfolds them intact', () => {
    const long = 'Pienet askeleet: mitä hyvää tapahtui viime kuussa? Äänestetään seuraavan tapaamisen teemasta 🌲🏃‍♀️ ja sovitaan kävelyreitti. '
      .repeat(6)
      .trim();
    const text = buildEventFile({ meeting: meeting({ description: long, title: 'Työpeili ÅÄÖ åäö '.repeat(8).trim() }), texts, now });
    expectWellFormedLines(text);
    expect(text.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
    const vevent = parse(text).vevents[0]!;
    expect(vevent.getFirstPropertyValue('description')).toBe(long);
    expect(vevent.getFirstPropertyValue('summary')).toBe('Työpeili ÅÄÖ åäö '.repeat(8).trim());
  });

  it('describes nothing extra for a plain meeting', () => {
    expect(meetingDescription(meeting({ description: '  ' }), texts)).toBe('');
  });
});

describe('validation', () => {
  it.each<[string, Partial<CalendarMeeting>, RegExp]>([
    ['end before start', { end: new Date('2026-04-07T13:00:00Z') }, /end after/],
    ['id with a space', { id: 'a b' }, /identifier/],
    ['negative sequence', { sequence: -1 }, /SEQUENCE/],
    ['empty title', { title: ' ' }, /title/],
    ['unknown zone', { timeZone: 'Europe/Atlantis' }, /time zone/],
    ['online without a link', { format: 'online', online: null }, /online link/],
    ['walking without a meeting point', { format: 'walking', walking: null }, /meeting point/],
    ['a javascript: link', { format: 'online', online: { url: 'javascript:alert(1)' } }, /http/],
    ['a relative page URL', { pageUrl: '/meetings/1' }, /http/],
  ])('%s', (_name, overrides, error) => {
    expect(() => buildEventFile({ meeting: meeting(overrides), texts, now })).toThrow(error);
  });
});

describe('sequenceAfterChange', () => {
  const base = meeting({ sequence: 3 });
  it.each<[string, Partial<CalendarMeeting>, number]>([
    ['nothing', {}, 3],
    ['title and description only', { title: 'Uusi otsikko', description: 'Uusi kuvaus' }, 3],
    ['start', { start: new Date('2026-04-07T13:00:00Z') }, 4],
    ['end', { end: new Date('2026-04-07T17:00:00Z') }, 4],
    ['zone', { timeZone: 'Europe/Stockholm' }, 4],
    ['cancelled', { status: 'cancelled' }, 4],
    ['venue', { venue: { name: 'Kirjasto' } }, 4],
    ['online link', { online: { url: 'https://meet.example/new' } }, 4],
    ['walking meeting point', { walking: { meetingPoint: 'Tori' } }, 4],
    ['recurrence', { rrule: 'FREQ=MONTHLY;BYDAY=1TU' }, 4],
  ])('%s → %i', (_name, change, expected) => {
    expect(sequenceAfterChange(base, { ...base, ...change })).toBe(expected);
  });
});
