// /meetings/:meetingId: one meeting. Members see when and where (the online link is
// theirs only), the agenda, their RSVP and the published summary; facilitators also see
// who is coming, their own notes and the summary form; an expert sees only their segment.
import { data, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/meeting';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { loadMeeting } from '../../lib/meeting.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { NotesSection, RsvpList, RsvpSection, SummaryForm } from '../../ui/meeting-sections';
import { can, meetingMaterialsPolicy, meetingPolicy, or, meetingFeedbackPolicy } from '../../../src/platform/policy/index.ts';
import { listGroupPeople } from '../../../src/features/groups/groups.queries.ts';
import { firstName } from '../../../src/features/groups/group-rules.ts';
import { listAgenda, listRsvps } from '../../../src/features/meetings/meetings.queries.ts';
import { noteSchema, rsvpSchema, summarySchema } from '../../../src/features/meetings/meetings.validation.ts';
import { respondRsvp } from '../../../src/features/meetings/respond-rsvp.ts';
import { addFacilitatorNote, listFacilitatorNotes, saveSummary } from '../../../src/features/meetings/notes-and-summary.ts';
import { expertJoinUrl } from '../../../src/features/meetings/online-window.ts';

const notices = ['created', 'updated', 'rsvp', 'noted', 'summarySaved', 'attendanceSaved', 'agendaSaved', 'cancelled', 'restored'] as const;
const viewRule = or(meetingPolicy.read, meetingPolicy.readOwnSegment);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, viewRule);
  const allowed = can(meetingPolicy, actor, meeting);
  const { db } = state.services;
  const scope = { organizationId: meeting.organizationId, meetingId: meeting.id };
  const [agenda, rsvpRows, people, notes] = await Promise.all([
    listAgenda(db, scope),
    allowed.read ? listRsvps(db, scope) : Promise.resolve([]),
    allowed.readRsvps ? listGroupPeople(db, { organizationId: meeting.organizationId, groupId: meeting.groupId }) : Promise.resolve(null),
    allowed.readNotes ? listFacilitatorNotes(db, scope) : Promise.resolve([]),
  ]);
  const expertOnly = !allowed.read;
  const mine = rsvpRows.find((r) => r.userId === actor.userId) ?? null;
  // An expert gets the online link only during their own segment's window (issue 11, point 8).
  const expertLink = expertOnly && allowed.readOwnSegment ? expertJoinUrl(meeting, agenda, actor.userId, new Date()) : null;
  const names = new Map([...(people?.facilitators ?? []), ...(people?.members ?? [])].map((p) => [p.userId, p.name]));
  return {
    notice: notice(new URL(request.url), notices),
    expertOnly,
    can: allowed,
    feedback: can(meetingFeedbackPolicy, actor, meeting),
    // The materials link asks the policy the materials page asks (a coordinator reads the meeting but not its files).
    materials: can(meetingMaterialsPolicy, actor, meeting).list,
    isMember: meeting.memberUserIds.includes(actor.userId),
    meeting: {
      id: meeting.id,
      groupId: meeting.groupId,
      groupName: meeting.group.name,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt.toISOString(),
      theme: meeting.theme,
      format: meeting.format,
      status: meeting.status,
      started: meeting.started,
      venueAddress: meeting.venueAddress,
      venueRoom: meeting.venueRoom,
      venueAccessibility: meeting.venueAccessibility,
      refreshments: meeting.refreshments,
      onlineUrl: allowed.readOnlineLink ? meeting.onlineUrl : expertLink,
      expertLinkLater: expertOnly && !expertLink && meeting.onlineUrl !== null && meeting.format !== 'in_person' && meeting.status === 'scheduled',
      meetingPoint: meeting.meetingPoint,
      route: meeting.route,
      lengthKm: meeting.lengthKm,
      whatToWear: meeting.whatToWear,
      summary: allowed.writeSummary || (allowed.readPublishedSummary && meeting.summaryPublishedAt) ? meeting.summary : null,
      summaryPublished: meeting.summaryPublishedAt !== null,
    },
    // An expert sees their own segment only.
    agenda: agenda
      .filter((a) => !expertOnly || a.expertUserId === actor.userId)
      .map((a) => ({ id: a.id, kind: a.kind, title: a.title, minutes: a.minutes, topic: a.topic, expertName: a.expertName })),
    myRsvp: mine ? { response: mine.response, reason: mine.reason } : null,
    rsvps: people
      ? people.members.map((m) => {
          const r = rsvpRows.find((x) => x.userId === m.userId);
          return { userId: m.userId, name: m.name, response: r?.response ?? null, reason: r?.reason ?? null };
        })
      : null,
    notes: notes.map((n) => ({ id: n.id, text: n.text, author: firstName(names.get(n.authorUserId) ?? ''), createdAt: n.createdAt.toISOString() })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, viewRule);
  const form = await formFields(request);
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  const scope = { organizationId: meeting.organizationId, meetingId: meeting.id };
  const back = (done: (typeof notices)[number]) => redirect(`/meetings/${meeting.id}?done=${done}`);
  try {
    if (intent === 'rsvp') {
      const parsed = rsvpSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await respondRsvp(actor, state.services, { ...scope, ...parsed.data });
      return back('rsvp');
    }
    if (intent === 'note') {
      const parsed = noteSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addFacilitatorNote(actor, state.services, { ...scope, text: parsed.data.text });
      return back('noted');
    }
    if (intent === 'summary') {
      const parsed = summarySchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await saveSummary(actor, state.services, { ...scope, ...parsed.data });
      return back('summarySaved');
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function MeetingPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const m = page.meeting;
  const details: [string, string | null][] =
    m.format === 'in_person'
      ? [
          [t('meetings.field.venueAddress'), m.venueAddress],
          [t('meetings.field.venueRoom'), m.venueRoom],
          [t('meetings.field.venueAccessibility'), m.venueAccessibility],
          [t('meetings.field.refreshments'), m.refreshments],
        ]
      : m.format === 'walking'
        ? [
            [t('meetings.field.meetingPoint'), m.meetingPoint],
            [t('meetings.field.route'), m.route],
            [t('meetings.field.lengthKm'), m.lengthKm ? `${format.number(Number(m.lengthKm))} km` : null],
            [t('meetings.field.whatToWear'), m.whatToWear],
          ]
        : [];
  const title = m.theme ? `${m.groupName}: ${m.theme}` : m.groupName;
  return (
    <div className="page">
      <title>{`${title} – Työpeili`}</title>
      {!page.expertOnly ? (
        <p>
          <a href={`/groups/${m.groupId}`}>{t('meetings.backToGroup', { group: m.groupName })}</a>
        </p>
      ) : null}
      <h1>{m.theme ?? t('meetings.untitled')}</h1>
      <p className="lead">
        <strong>{format.date(m.startsAt, 'weekday')}</strong>–{format.date(m.endsAt, 'time')} · {t(`meetings.format.${m.format as 'in_person'}`)}
        {page.expertOnly ? null : ` · ${m.groupName}`}
      </p>
      {m.status === 'cancelled' ? (
        <p className="notice" role="status">
          <strong>{t('meetings.cancelledNotice')}</strong>
        </p>
      ) : null}
      {page.can.restore ? (
        <section aria-labelledby="restore-title">
          <h2 id="restore-title">{t('meetings.restore.title')}</h2>
          <p>{t('meetings.restore.lead')}</p>
          <form method="post" action={`/meetings/${m.id}/edit`}>
            <input type="hidden" name="intent" value="restore" />
            <button type="submit" className="button button--secondary">
              {t('meetings.restore.submit')}
            </button>
          </form>
        </section>
      ) : null}
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(`meetings.notice.${page.notice}`)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'response', 'reason', 'text', 'summary']} />

      {details.some(([, v]) => v) || m.onlineUrl ? (
        <section aria-labelledby="where-title">
          <h2 id="where-title">{t('meetings.where')}</h2>
          <dl className="intake-details">
            {details
              .filter(([, v]) => v)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            {m.onlineUrl ? (
              <div>
                <dt>{t('meetings.field.onlineUrl')}</dt>
                <dd>
                  <a href={m.onlineUrl} rel="noopener noreferrer">
                    {t('meetings.joinOnline')}
                  </a>
                </dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {m.expertLinkLater ? <p className="hint">{t('meetings.expertLinkLater')}</p> : null}

      {page.can.downloadCalendar || page.can.rsvp ? (
        <p className="button-row">
          {page.can.downloadCalendar ? (
            <a className="button button--secondary" href={`/meetings/${m.id}/calendar.ics`} download>
              {t('meetings.addToCalendar')}
            </a>
          ) : null}
        </p>
      ) : null}

      {page.can.rsvp ? <RsvpSection myRsvp={page.myRsvp} errors={errors} /> : null}

      {page.isMember && m.status !== 'cancelled' ? (
        <p>
          <a href={`/meetings/${m.id}/my-steps`}>{t('meetings.mySteps')}</a>
        </p>
      ) : null}

      {page.feedback.give || page.feedback.read ? (
        <p>
          <a href={`/meetings/${m.id}/feedback`}>{page.feedback.give ? t('outcomes.feedback.giveLink') : t('outcomes.feedback.readLink')}</a>
        </p>
      ) : null}

      {page.can.edit || page.can.recordAttendance || page.can.runLive ? (
        <p className="button-row">
          {page.can.runLive ? (
            <a className="button" href={`/meetings/${m.id}/live`}>
              {t('meetings.live')}
            </a>
          ) : null}
          {page.can.edit ? (
            <a className="button button--secondary" href={`/meetings/${m.id}/edit`}>
              {t('meetings.edit.link')}
            </a>
          ) : null}
          {page.can.recordAttendance ? (
            <a className="button button--secondary" href={`/meetings/${m.id}/attendance`}>
              {t('meetings.attendance.link')}
            </a>
          ) : null}
          {page.materials ? (
            <a className="button button--secondary" href={`/meetings/${m.id}/materials`}>
              {t('meetings.materials')}
            </a>
          ) : null}
        </p>
      ) : page.materials ? (
        <p>
          <a href={`/meetings/${m.id}/materials`}>{t('meetings.materials')}</a>
        </p>
      ) : null}

      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{page.expertOnly ? t('meetings.agenda.yourSegment') : t('meetings.agenda.title')}</h2>
        {page.agenda.length ? (
          <ol>
            {page.agenda.map((a) => (
              <li key={a.id}>
                <strong>{a.title ?? t(`live.kind.${a.kind}`)}</strong> ({t('meetings.agenda.minutes', { minutes: a.minutes })}){a.topic ? ` – ${a.topic}` : ''}
                {a.expertName ? ` – ${a.expertName}` : ''}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t('meetings.agenda.empty')}</p>
        )}
      </section>

      {page.rsvps ? <RsvpList rsvps={page.rsvps} /> : null}

      {m.summary !== null && !page.can.writeSummary ? (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t('meetings.summary.title')}</h2>
          {m.summary.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </section>
      ) : null}

      {page.can.writeSummary ? <SummaryForm summary={m.summary} published={m.summaryPublished} result={result} errors={errors} /> : null}

      {page.can.readNotes ? <NotesSection notes={page.notes} result={result} errors={errors} /> : null}
    </div>
  );
}
