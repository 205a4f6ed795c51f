// /meetings/:meetingId/attendance: after the meeting has started, the facilitator records
// each member as present, late, absent or excused, with hours (default: the meeting's length).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/meeting-attendance';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { loadMeeting } from '../../lib/meeting.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { meetingPolicy } from '../../../src/platform/policy/index.ts';
import { listGroupPeople } from '../../../src/features/groups/groups.queries.ts';
import { listMeetingAttendance, listRsvps } from '../../../src/features/meetings/meetings.queries.ts';
import { attendanceStatuses } from '../../../src/features/meetings/meetings.schema.ts';
import { parseAttendanceForm } from '../../../src/features/meetings/meetings.validation.ts';
import { recordAttendance } from '../../../src/features/meetings/record-attendance.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, meetingPolicy.recordAttendance);
  const { db } = state.services;
  const scope = { organizationId: meeting.organizationId, meetingId: meeting.id };
  const [people, rows, rsvpRows] = await Promise.all([
    listGroupPeople(db, { organizationId: meeting.organizationId, groupId: meeting.groupId }),
    listMeetingAttendance(db, scope),
    listRsvps(db, scope),
  ]);
  const hours = Math.round(((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 3_600_000) * 100) / 100;
  return {
    meeting: { id: meeting.id, groupName: meeting.group.name, startsAt: meeting.startsAt.toISOString(), theme: meeting.theme, hours },
    members: people.members.map((m) => {
      const a = rows.find((r) => r.userId === m.userId);
      const r = rsvpRows.find((x) => x.userId === m.userId);
      return {
        userId: m.userId,
        name: m.name,
        status: a?.status ?? (r?.response === 'not_coming' ? 'excused' : ''),
        hours: a?.hours ?? '',
        rsvp: r?.response ?? null,
      };
    }),
    recorded: rows.length > 0,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, meetingPolicy.recordAttendance);
  const form = await formFields(request);
  const { rows, errors } = parseAttendanceForm(form, meeting.memberUserIds);
  if (Object.keys(errors).length) return data<ActionResult>({ errors: errors as FieldErrors, values: form }, { status: 400 });
  try {
    await recordAttendance(actor, state.services, { organizationId: meeting.organizationId, meetingId: meeting.id, rows });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/meetings/${meeting.id}?done=attendanceSaved`);
}

export default function MeetingAttendance() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('meetings.attendance.title')} – ${page.meeting.groupName} – Työpeili`}</title>
      <p>
        <a href={`/meetings/${page.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
      <h1>{t('meetings.attendance.title')}</h1>
      <p className="lead">
        {page.meeting.groupName}, {format.date(page.meeting.startsAt, 'weekday')}
      </p>
      <p className="hint">{t('meetings.attendance.hint', { hours: format.number(page.meeting.hours) })}</p>
      <ErrorSummary errors={errors} order={Object.keys(errors)} />
      <Form method="post" className="stack">
        {page.members.map((m) => {
          const statusValue = result ? (result.values[`status_${m.userId}`] ?? '') : m.status;
          return (
            <fieldset key={m.userId}>
              <legend>
                {m.name}
                {m.rsvp ? <span className="muted"> ({t(`meetings.rsvp.status.${m.rsvp as 'coming'}`)})</span> : null}
              </legend>
              {errors[`status_${m.userId}`] ? <p className="error-text">{t(errors[`status_${m.userId}`] as MessageKey)}</p> : null}
              <div className="radio-row">
                {attendanceStatuses.map((s) => (
                  <Choice
                    type="radio"
                    key={s}
                    id={`status_${m.userId}_${s}`}
                    name={`status_${m.userId}`}
                    value={s}
                    defaultChecked={statusValue === s}
                    label={t(`meetings.attendance.status.${s}`)}
                  />
                ))}
              </div>
              <div className="field">
                <label htmlFor={`hours_${m.userId}`}>{t('meetings.attendance.hours')}</label>
                {errors[`hours_${m.userId}`] ? (
                  <p className="error-text" id={`hours_${m.userId}-error`}>
                    {t(errors[`hours_${m.userId}`] as MessageKey)}
                  </p>
                ) : null}
                <input
                  id={`hours_${m.userId}`}
                  name={`hours_${m.userId}`}
                  type="text"
                  inputMode="decimal"
                  size={5}
                  defaultValue={result ? (result.values[`hours_${m.userId}`] ?? '') : m.hours}
                  aria-invalid={errors[`hours_${m.userId}`] ? true : undefined}
                  aria-describedby={errors[`hours_${m.userId}`] ? `hours_${m.userId}-error` : undefined}
                />
              </div>
            </fieldset>
          );
        })}
        <p>
          <button type="submit" className="button">
            {t('meetings.attendance.save')}
          </button>
        </p>
      </Form>
    </div>
  );
}
