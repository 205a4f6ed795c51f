// From meeting rows to calendar text, parsed back with ical.js: titles and labels in the reader's
// language, the online link only when allowed, walking details, formats whose details are missing,
// the dated filename, and meetingIcs for invitation mail (REQUEST with the row's SEQUENCE and only
// the recipient as ATTENDEE; CANCEL with STATUS:CANCELLED).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { meetingEventFile, meetingIcs, meetingIcsFilename, personalFeed, toCalendarMeeting, type MeetingForCalendar } from './calendar-export.ts';

const now = new Date('2026-11-20T08:00:00Z');

function row(overrides: Partial<MeetingForCalendar> = {}): MeetingForCalendar {
  return {
    id: '0190a0b0-0000-7000-8000-000000000001',
    sequence: 0,
    // 17:00–19:00 Helsinki winter time
    startsAt: new Date('2026-12-01T15:00:00Z'),
    endsAt: new Date('2026-12-01T17:00:00Z'),
    timeZone: 'Europe/Helsinki',
    theme: 'Jaksaminen',
    format: 'in_person',
    status: 'scheduled',
    venueAddress: 'Yrjönkatu 1, 28100 Pori',
    venueRoom: 'Kokoushuone Kuusi',
    onlineUrl: null,
    meetingPoint: null,
    route: null,
    lengthKm: null,
    whatToWear: null,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    updatedAt: new Date('2026-11-02T10:00:00Z'),
    ...overrides,
  };
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const vevents = root.getAllSubcomponents('vevent');
  return { root, vevent: vevents[0]!, event: new ICAL.Event(vevents[0]!), count: vevents.length };
}

describe('toCalendarMeeting', () => {
  it('titles the event with the group and theme in the reader’s language', () => {
    expect(toCalendarMeeting(row(), { groupName: 'Porin aamuryhmä', locale: 'fi', includeOnlineLink: true }).title).toBe('Porin aamuryhmä: Jaksaminen');
    expect(toCalendarMeeting(row({ theme: null }), { groupName: 'Porin aamuryhmä', locale: 'sv', includeOnlineLink: true }).title).toBe('Työpeili: Porin aamuryhmä');
    expect(toCalendarMeeting(row(), { groupName: 'G', locale: 'en', includeOnlineLink: true }).description).toBe('Meeting of the Työpeili group G. Theme: Jaksaminen');
  });

  it('gives the online link only when allowed, and treats an online meeting without a link as in person', () => {
    const online = row({ format: 'online', onlineUrl: 'https://meet.example.fi/abc', venueAddress: null, venueRoom: null });
    expect(toCalendarMeeting(online, { groupName: 'G', locale: 'fi', includeOnlineLink: true })).toMatchObject({ format: 'online', online: { url: 'https://meet.example.fi/abc' } });
    const hidden = toCalendarMeeting(online, { groupName: 'G', locale: 'fi', includeOnlineLink: false });
    expect(hidden).toMatchObject({ format: 'in-person', online: null });
    const text = meetingEventFile(online, { groupName: 'G', locale: 'fi', includeOnlineLink: false }, now);
    expect(text).not.toContain('meet.example.fi');
    expect(parse(text).count).toBe(1);
    // A link that is not a web address is left out rather than breaking the file.
    expect(toCalendarMeeting(row({ format: 'online', onlineUrl: 'javascript:alert(1)' }), { groupName: 'G', locale: 'fi', includeOnlineLink: true }).online).toBeNull();
  });

  it('writes walking details with labels, and the place for in-person meetings', () => {
    const walking = row({ format: 'walking', meetingPoint: 'Kirjurinluodon portti', route: 'Joenrantaa', lengthKm: '4.5', whatToWear: 'Hyvät kengät', venueAddress: null, venueRoom: null });
    const { event } = parse(meetingEventFile(walking, { groupName: 'G', locale: 'fi', includeOnlineLink: true }, now));
    expect(event.location).toBe('Kirjurinluodon portti');
    expect(event.description).toContain('Lähtöpaikka: Kirjurinluodon portti');
    expect(event.description).toContain('Reitti: Joenrantaa');
    expect(event.description).toContain('Matka: n. 4,5 km');
    expect(event.description).toContain('Huomioitavaa: Hyvät kengät');
    const inPerson = parse(meetingEventFile(row(), { groupName: 'G', locale: 'fi', includeOnlineLink: true, appUrl: 'https://tyopeili.example.fi' }, now)).event;
    expect(inPerson.location).toContain('Yrjönkatu 1, 28100 Pori, Kokoushuone Kuusi');
    expect(inPerson.description).toContain('Tapaamisen sivu: https://tyopeili.example.fi/meetings/0190a0b0-0000-7000-8000-000000000001');
    // A walking meeting without a meeting point degrades to in person instead of failing.
    expect(toCalendarMeeting(row({ format: 'walking' }), { groupName: 'G', locale: 'fi', includeOnlineLink: true }).format).toBe('in-person');
  });

  it('names the file after the local date in the meeting’s zone', () => {
    expect(meetingIcsFilename(row())).toBe('tyopeili-2026-12-01.ics');
    // 23:30Z on 30 November is already 1 December in Helsinki.
    expect(meetingIcsFilename({ startsAt: new Date('2026-11-30T23:30:00Z'), timeZone: 'Europe/Helsinki' })).toBe('tyopeili-2026-12-01.ics');
  });
});

describe('meetingIcs (for invitation mail)', () => {
  const organizer = { name: 'Fanni Ohjaaja', email: 'fanni@example.fi' };
  const recipient = { name: 'Aino Virtanen', email: 'aino@example.fi' };

  it('writes METHOD:REQUEST with the row’s SEQUENCE, the recipient as the only attendee, and the online link', () => {
    const text = meetingIcs(row({ sequence: 4, format: 'online', onlineUrl: 'https://meet.example.fi/abc' }), { method: 'request', groupName: 'G', locale: 'fi', recipient, organizer, now });
    const { root, vevent, event } = parse(text);
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('0190a0b0-0000-7000-8000-000000000001@tyopeili');
    expect(event.sequence).toBe(4);
    expect(vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase())).toEqual(['mailto:aino@example.fi']);
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Helsinki');
    expect(event.startDate.toString()).toBe('2026-12-01T17:00:00');
    expect(event.description).toContain('Etäyhteys: https://meet.example.fi/abc');
  });

  it('writes METHOD:CANCEL with STATUS:CANCELLED', () => {
    const { root, vevent, event } = parse(meetingIcs(row({ sequence: 5, status: 'cancelled' }), { method: 'cancel', groupName: 'G', locale: 'en', recipient, organizer, now }));
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(5);
  });
});

describe('personalFeed', () => {
  it('names the calendar in the reader’s language and keeps cancelled meetings', () => {
    const text = personalFeed(
      [
        { ...row(), groupName: 'Porin aamuryhmä' },
        { ...row({ id: '0190a0b0-0000-7000-8000-000000000002', status: 'cancelled', sequence: 1 }), groupName: 'Vaasan ryhmä' },
      ],
      { locale: 'sv', now },
    );
    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Työpeili – mina träffar');
    const events = root.getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED']);
  });
});
