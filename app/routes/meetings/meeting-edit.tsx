// /meetings/:meetingId/edit: change the meeting (those invited get an update when the
// time or place changes), set its agenda, or cancel it (a second step asks first; those
// invited are told). The meeting page posts here to restore a cancelled one.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/meeting-edit';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { loadMeeting } from '../../lib/meeting.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { MeetingFields, meetingFieldOrder } from '../../ui/meeting-form';
import { ConfirmStep, isConfirmed } from '../../ui/confirm';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, can, meetingPolicy } from '../../../src/platform/policy/index.ts';
import { listAgenda, listExperts } from '../../../src/features/meetings/meetings.queries.ts';
import { agendaKinds } from '../../../src/features/meetings/meetings.schema.ts';
import { formatDateInput, meetingDetailsSchema, parseAgendaForm } from '../../../src/features/meetings/meetings.validation.ts';
import { cancelMeeting, restoreMeeting, updateMeeting } from '../../../src/features/meetings/change-meeting.ts';
import { saveAgenda } from '../../../src/features/meetings/save-agenda.ts';
import { utcToZoned } from '../../../src/features/meetings/zoned-time.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, meetingPolicy.edit);
  const { db } = state.services;
  const [agenda, experts] = await Promise.all([
    listAgenda(db, { organizationId: meeting.organizationId, meetingId: meeting.id }),
    listExperts(db, { organizationId: meeting.organizationId }),
  ]);
  const start = utcToZoned(meeting.startsAt, meeting.timeZone);
  const end = utcToZoned(meeting.endsAt, meeting.timeZone);
  return {
    can: can(meetingPolicy, actor, meeting),
    meeting: { id: meeting.id, groupName: meeting.group.name, startsAt: meeting.startsAt.toISOString() },
    values: {
      date: formatDateInput(start.date),
      startTime: start.time,
      endTime: end.time,
      theme: meeting.theme ?? '',
      format: meeting.format,
      venueAddress: meeting.venueAddress ?? '',
      venueRoom: meeting.venueRoom ?? '',
      venueAccessibility: meeting.venueAccessibility ?? '',
      refreshments: meeting.refreshments ?? '',
      onlineUrl: meeting.onlineUrl ?? '',
      meetingPoint: meeting.meetingPoint ?? '',
      route: meeting.route ?? '',
      lengthKm: meeting.lengthKm ?? '',
      whatToWear: meeting.whatToWear ?? '',
    } as Record<string, string>,
    agenda: agenda.map((a) => ({
      kind: a.kind as string,
      title: a.title ?? '',
      minutes: String(a.minutes),
      expertUserId: a.expertUserId ?? '',
      topic: a.topic ?? '',
    })),
    experts,
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string>; confirmCancel?: boolean };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const meeting = await loadMeeting(state.services, actor, params.meetingId, meetingPolicy.read);
  const form = await formFields(request);
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  const scope = { organizationId: meeting.organizationId, meetingId: meeting.id };
  try {
    if (intent === 'save') {
      const parsed = meetingDetailsSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await updateMeeting(actor, state.services, { ...scope, form: parsed.data });
      return redirect(`/meetings/${meeting.id}?done=updated`);
    }
    if (intent === 'agenda') {
      const { rows, errors } = parseAgendaForm(form);
      if (Object.keys(errors).length) return fail(errors as FieldErrors);
      await saveAgenda(actor, state.services, { ...scope, rows });
      return redirect(`/meetings/${meeting.id}?done=agendaSaved`);
    }
    if (intent === 'cancel') {
      // The first step changes nothing: it asks (only someone who may cancel is asked).
      if (!isConfirmed(form)) {
        authorize(actor, meeting, meetingPolicy.cancel);
        return data<ActionResult>({ intent, errors: {}, values: form, confirmCancel: true });
      }
      await cancelMeeting(actor, state.services, scope);
      return redirect(`/meetings/${meeting.id}?done=cancelled`);
    }
    if (intent === 'restore') {
      await restoreMeeting(actor, state.services, scope);
      return redirect(`/meetings/${meeting.id}?done=restored`);
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    if (error instanceof DomainError && error.status === 400) return fail({ form: error.messageKey });
    rethrowAsResponse(error);
  }
}

export default function EditMeeting() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const values = result?.intent === 'save' ? result.values : page.values;
  const agendaValues = result?.intent === 'agenda' ? null : page.agenda;
  // Existing rows plus three empty ones to add items without JavaScript.
  const rows = [...(agendaValues ?? []), ...Array.from({ length: 3 }, () => ({ kind: '', title: '', minutes: '15', expertUserId: '', topic: '' }))];
  const rowValue = (i: number, field: string, fallback: string) => (result?.intent === 'agenda' ? (result.values[`${field}_${i}`] ?? '') : fallback);
  const agendaErrorKeys = Object.keys(errors).filter((k) => /_\d+$/.test(k));
  return (
    <div className="page">
      <title>{`${t('meetings.edit.title')} – ${page.meeting.groupName} – Työpeili`}</title>
      <p>
        <a href={`/meetings/${page.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
      <h1>{t('meetings.edit.title')}</h1>
      {result?.confirmCancel ? (
        <ConfirmStep
          title={t('meetings.cancel.confirmTitle', { when: format.date(page.meeting.startsAt, 'weekday') })}
          lead={t('meetings.cancel.confirmLead')}
          fields={{ intent: 'cancel' }}
          confirmLabel={t('meetings.cancel.confirm')}
          backHref={`/meetings/${page.meeting.id}/edit`}
          backLabel={t('confirm.back')}
        />
      ) : null}
      <ErrorSummary errors={errors} order={['form', ...meetingFieldOrder, ...agendaErrorKeys]} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="save" />
        <MeetingFields values={values} err={err} />
        <p className="hint">{t('meetings.edit.notifyHint')}</p>
        <p>
          <button type="submit" className="button">
            {t('meetings.edit.submit')}
          </button>
        </p>
      </Form>

      {page.can.manageAgenda ? (
        <section aria-labelledby="agenda-title">
          <h2 id="agenda-title">{t('meetings.agenda.title')}</h2>
          <p className="hint">{t('meetings.agenda.editHint')}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="agenda" />
            {(result?.intent === 'agenda' ? Array.from({ length: 30 }, (_, i) => i).filter((i) => `kind_${i}` in result.values) : rows.map((_, i) => i)).map(
              (i) => {
                const row = rows[i] ?? { kind: '', title: '', minutes: '15', expertUserId: '', topic: '' };
                return (
                  <fieldset key={i} className="agenda-row">
                    <legend>{t('meetings.agenda.item', { n: i + 1 })}</legend>
                    <div className="field">
                      <label htmlFor={`kind_${i}`}>{t('meetings.agenda.kind')}</label>
                      <select id={`kind_${i}`} name={`kind_${i}`} defaultValue={rowValue(i, 'kind', row.kind)}>
                        <option value="">{t('meetings.agenda.noItem')}</option>
                        {agendaKinds.map((k) => (
                          <option key={k} value={k}>
                            {t(`live.kind.${k}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`minutes_${i}`}>{t('meetings.agenda.minutesLabel')}</label>
                      {errors[`minutes_${i}`] ? (
                        <p className="error-text" id={`minutes_${i}-error`}>
                          {err(`minutes_${i}`)}
                        </p>
                      ) : null}
                      <input
                        id={`minutes_${i}`}
                        name={`minutes_${i}`}
                        type="number"
                        min={1}
                        max={240}
                        inputMode="numeric"
                        defaultValue={rowValue(i, 'minutes', row.minutes)}
                        aria-invalid={errors[`minutes_${i}`] ? true : undefined}
                        aria-describedby={errors[`minutes_${i}`] ? `minutes_${i}-error` : undefined}
                      />
                    </div>
                    <div className="field">
                      <label htmlFor={`title_${i}`}>{t('meetings.agenda.titleLabel')}</label>
                      <input id={`title_${i}`} name={`title_${i}`} type="text" maxLength={120} defaultValue={rowValue(i, 'title', row.title)} />
                    </div>
                    <div className="field">
                      <label htmlFor={`expert_${i}`}>{t('meetings.agenda.expert')}</label>
                      <select id={`expert_${i}`} name={`expert_${i}`} defaultValue={rowValue(i, 'expert', row.expertUserId)}>
                        <option value="">{t('meetings.agenda.noExpert')}</option>
                        {page.experts.map((e) => (
                          <option key={e.userId} value={e.userId}>
                            {e.name}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`topic_${i}`}>{t('meetings.agenda.topic')}</label>
                      <input id={`topic_${i}`} name={`topic_${i}`} type="text" maxLength={200} defaultValue={rowValue(i, 'topic', row.topic)} />
                    </div>
                    {i < (agendaValues?.length ?? 0) ? <Choice id={`remove_${i}`} name={`remove_${i}`} label={t('meetings.agenda.remove')} /> : null}
                  </fieldset>
                );
              },
            )}
            <p>
              <button type="submit" className="button button--secondary">
                {t('meetings.agenda.save')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      {page.can.cancel ? (
        <section aria-labelledby="cancel-title">
          <h2 id="cancel-title">{t('meetings.cancel.title')}</h2>
          <p>{t('meetings.cancel.lead')}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="cancel" />
            <p>
              <button type="submit" className="button button--danger">
                {t('meetings.cancel.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
