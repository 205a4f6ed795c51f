// The training's sessions and mentoring meetings as iCalendar, by the meetings feature's builder
// (calendar.ts): one online event each, UID by the row's id, SEQUENCE from the row.
import type { Locale } from '../../platform/i18n/i18n.ts';
import { calendarTexts } from '../meetings/calendar-export.ts';
import { buildEventFile, type CalendarMeeting } from '../meetings/calendar.ts';
import { HELSINKI } from './rules.ts';

export interface TrainingCalendarItem {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  onlineUrl: string | null;
  pageUrl: string;
}

export function trainingCalendarEvent(item: TrainingCalendarItem): CalendarMeeting {
  return {
    id: item.id,
    sequence: item.sequence,
    start: item.startsAt,
    end: item.endsAt,
    timeZone: HELSINKI,
    title: item.title,
    description: item.description,
    status: 'scheduled',
    format: 'online',
    online: item.onlineUrl ? { url: item.onlineUrl } : null,
    pageUrl: item.pageUrl,
  };
}

/** One session or mentoring meeting as an .ics to open or save (METHOD:PUBLISH, no people). */
export function trainingIcs(item: TrainingCalendarItem, locale: Locale, now: Date): string {
  return buildEventFile({ meeting: trainingCalendarEvent(item), texts: calendarTexts(locale), now });
}
