// The reminder sweep: before each scheduled meeting (about two days ahead) to its group's
// current members and facilitators, and a few days before a step's due date to its owner;
// in each person's language, Helsinki time, and only if they have not turned it off.
//
// Exactly once per person, target, kind and occasion, even with several workers: each
// reminder is claimed with INSERT INTO reminders_sent … ON CONFLICT DO NOTHING RETURNING in
// the transaction that enqueues its mail. A second worker's INSERT waits for the first
// transaction and then conflicts (nothing sent); if the first rolls back, the second sends.
// The occasion is the meeting's start (or the step's due date), so a moved meeting or
// step is reminded of again at its new time.
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { formatDateTime, isLocale, translate, type Locale } from '../../platform/i18n/i18n.ts';
import type { JobHandler, Jobs } from '../../platform/jobs/jobs.ts';
import type { MailRequest } from '../../platform/mail/mail.ts';
import { firstName } from '../board/board.queries.ts';
import { addDays, utcToZoned, zonedTimeToUtc } from '../meetings/zoned-time.ts';
import { sendReminderOnce, type ReminderKey } from '../meetings/reminders-sent.ts';
import { runTrainingReminders } from '../training/reminders.ts';

export const REMINDER_QUEUE = 'reminders.sweep';
/** A meeting is reminded of when it starts within this time. */
export const MEETING_REMINDER_LEAD_MS = 48 * 3600_000;
/** A step is reminded of when it is due within this many days (Helsinki dates). */
export const STEP_REMINDER_DAYS = 3;

export type ReminderKind = 'meeting' | 'step';

export interface ReminderDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string };
}

interface Recipient {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
}

function localeOf(recipient: Recipient): Locale {
  return isLocale(recipient.locale) ? recipient.locale : 'fi';
}

/** Claims the reminder and enqueues its mail in one transaction; false if already sent. */
function sendOnce(deps: ReminderDeps, key: ReminderKey & { kind: ReminderKind }, mail: MailRequest): Promise<boolean> {
  return sendReminderOnce(deps, key, mail);
}

type DueMeeting = {
  organization_id: string;
  user_id: string;
  email: string;
  name: string;
  locale: string | null;
  meeting_id: string;
  group_name: string;
  starts_at: string | Date;
  format: string;
  venue_address: string | null;
  venue_room: string | null;
  meeting_point: string | null;
  what_to_wear: string | null;
  online_url: string | null;
};

/** Where, as the recipient reads it. Every recipient is a member or facilitator, so the online link may go with it. */
function placeOf(locale: Locale, m: DueMeeting): string {
  if (m.format === 'online') return translate(locale, 'reminders.online') + (m.online_url ? ` ${m.online_url}` : '');
  if (m.format === 'walking' && m.meeting_point) {
    // the note to dress for the weather comes from the meeting's own what-to-wear field
    const dress = m.what_to_wear ? translate(locale, 'everyday.home.wear', { note: m.what_to_wear }) : translate(locale, 'everyday.home.dress');
    return `${m.meeting_point}\n${dress}`;
  }
  const venue = [m.venue_address, m.venue_room].filter(Boolean).join(', ');
  return venue || translate(locale, 'reminders.placeLater');
}

async function sweepMeetings(deps: ReminderDeps, now: Date): Promise<number> {
  const until = new Date(now.getTime() + MEETING_REMINDER_LEAD_MS);
  const { rows } = await deps.db.execute<DueMeeting>(sql`
    SELECT mt.organization_id, mt.id AS meeting_id, g.name AS group_name, mt.starts_at, mt.format,
           mt.venue_address, mt.venue_room, mt.meeting_point, mt.what_to_wear, mt.online_url,
           u.id AS user_id, u.email, u.name, u.locale
    FROM meetings mt
    JOIN groups g ON g.organization_id = mt.organization_id AND g.id = mt.group_id
    JOIN (SELECT organization_id, group_id, user_id FROM group_members WHERE left_at IS NULL
          UNION SELECT organization_id, group_id, user_id FROM group_facilitators) people
      ON people.organization_id = mt.organization_id AND people.group_id = mt.group_id
    JOIN users u ON u.id = people.user_id
    LEFT JOIN reminder_preferences rp ON rp.user_id = u.id
    WHERE mt.status = 'scheduled' AND mt.starts_at > ${now.toISOString()} AND mt.starts_at <= ${until.toISOString()}
      AND COALESCE(rp.meeting_reminders, true)
      AND NOT EXISTS (SELECT 1 FROM reminders_sent rs WHERE rs.organization_id = mt.organization_id AND rs.kind = 'meeting'
                      AND rs.target_id = mt.id AND rs.user_id = u.id AND rs.occasion = to_char(mt.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
    ORDER BY mt.starts_at, u.id`);
  let sent = 0;
  for (const m of rows) {
    const startsAt = new Date(m.starts_at);
    const recipient = { userId: m.user_id, email: m.email, name: m.name, locale: m.locale };
    const locale = localeOf(recipient);
    const ok = await sendOnce(
      deps,
      { organizationId: m.organization_id, kind: 'meeting', targetId: m.meeting_id, userId: m.user_id, occasion: occasionOf(startsAt) },
      {
        to: m.email,
        userId: m.user_id,
        locale,
        template: 'meetingReminder',
        values: { name: firstName(m.name), group: m.group_name, when: formatDateTime(locale, startsAt), where: placeOf(locale, m), url: `${deps.config.appUrl}/meetings/${m.meeting_id}`, settings: `${deps.config.appUrl}/profile/notifications` },
      },
    );
    if (ok) sent += 1;
  }
  return sent;
}

/** The occasion of a meeting reminder: its start, to the second, in UTC. */
export function occasionOf(startsAt: Date): string {
  return startsAt.toISOString().slice(0, 19) + 'Z';
}

async function sweepSteps(deps: ReminderDeps, now: Date): Promise<number> {
  const today = utcToZoned(now).date;
  const last = addDays(today, STEP_REMINDER_DAYS);
  const { rows } = await deps.db.execute<{ organization_id: string; step_id: string; text: string; due_on: string; user_id: string; email: string; name: string; locale: string | null }>(sql`
    SELECT s.organization_id, s.id AS step_id, s.text, s.due_on::text AS due_on, u.id AS user_id, u.email, u.name, u.locale
    FROM steps s
    JOIN group_members m ON m.organization_id = s.organization_id AND m.group_id = s.group_id AND m.user_id = s.user_id AND m.left_at IS NULL
    JOIN users u ON u.id = s.user_id
    LEFT JOIN reminder_preferences rp ON rp.user_id = u.id
    WHERE s.status = 'open' AND s.due_on >= ${today}::date AND s.due_on <= ${last}::date
      AND COALESCE(rp.step_reminders, true)
      AND NOT EXISTS (SELECT 1 FROM reminders_sent rs WHERE rs.organization_id = s.organization_id AND rs.kind = 'step'
                      AND rs.target_id = s.id AND rs.user_id = u.id AND rs.occasion = s.due_on::text)
    ORDER BY s.due_on, s.id`);
  let sent = 0;
  for (const s of rows) {
    const recipient = { userId: s.user_id, email: s.email, name: s.name, locale: s.locale };
    const locale = localeOf(recipient);
    // Noon in Helsinki names the right calendar day in every language.
    const due = formatDateTime(locale, zonedTimeToUtc(s.due_on, '12:00'), 'date');
    const ok = await sendOnce(
      deps,
      { organizationId: s.organization_id, kind: 'step', targetId: s.step_id, userId: s.user_id, occasion: s.due_on },
      {
        to: s.email,
        userId: s.user_id,
        locale,
        template: 'stepReminder',
        values: { name: firstName(s.name), step: s.text, due, url: `${deps.config.appUrl}/steps`, settings: `${deps.config.appUrl}/profile/notifications` },
      },
    );
    if (ok) sent += 1;
  }
  return sent;
}

/** One sweep: meeting reminders, step reminders, then the facilitator training's sessions and due dates. */
export async function runReminders(deps: ReminderDeps, now: Date = new Date()): Promise<{ meetings: number; steps: number; training: { sessions: number; due: number } }> {
  const meetings = await sweepMeetings(deps, now);
  const steps = await sweepSteps(deps, now);
  const training = await runTrainingReminders(deps, now);
  return { meetings, steps, training };
}

export function reminderHandler(deps: ReminderDeps): JobHandler<Record<string, never>> {
  return { name: REMINDER_QUEUE, handle: async () => void (await runReminders(deps)) };
}
