// /organization/events/:eventId: the coordinator's page of one event — its details, publish and
// cancel (the cancellation asks first and tells every registrant), the registrations (seats,
// the waiting list with its places, cancelled), the exports and check-in list, and the feedback
// through the disclosure layer (withheld under five answers). The read is a logged staff read.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-event';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { loadManagedEvent } from '../../lib/events.server';
import { useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { ConfirmStep, isConfirmed } from '../../ui/confirm';
import { formatDateTime, formatNumber } from '../../../src/platform/i18n/i18n.ts';
import { authorize, can, eventPolicy } from '../../../src/platform/policy/index.ts';
import { findTour } from '../../../src/features/events/admin.queries.ts';
import { viewRegistrations } from '../../../src/features/events/export-registrations.ts';
import { releasedEventFeedback } from '../../../src/features/events/feedback.ts';
import { cancelEvent, publishEvent } from '../../../src/features/events/manage-events.ts';

const notices = ['created', 'published', 'changed'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const event = await loadManagedEvent(state.services, actor, params.eventId, eventPolicy.manage);
  const ids = { organizationId: event.organizationId, eventId: event.id };
  const [rows, feedback, tour] = await Promise.all([
    viewRegistrations(actor, state.services, ids),
    releasedEventFeedback(actor, state.services.db, ids),
    event.tourId ? findTour(state.services.db, { organizationId: event.organizationId, tourId: event.tourId }) : Promise.resolve(null),
  ]);
  const locale = state.locale;
  let place = 0;
  const registrations = rows.map((r) => ({
    id: r.id,
    status: r.status,
    place: r.status === 'waitlisted' ? ++place : null,
    name: r.name,
    email: r.email,
    organisation: r.organisation ?? '',
    code: r.code,
    needs: [r.dietaryNeeds, r.accessibilityNeeds].filter(Boolean).join('; '),
    attended: r.attendedAt !== null,
  }));
  return {
    done: notice(new URL(request.url), notices),
    can: can(eventPolicy, actor, event),
    event: {
      id: event.id,
      title: event.title,
      status: event.status,
      when: formatDateTime(locale, event.startsAt, 'weekday'),
      until: formatDateTime(locale, event.endsAt, 'time'),
      deadline: formatDateTime(locale, event.registrationDeadline, 'datetime'),
      venue: event.venue,
      onlineUrl: event.onlineUrl,
      capacity: event.capacity,
      speakers: event.speakers,
      tour: tour?.name ?? null,
    },
    registrations,
    feedback: {
      withheld: feedback.withheld,
      n: feedback.n,
      overall: feedback.overall === null ? null : formatNumber(locale, feedback.overall, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      usefulness: feedback.usefulness === null ? null : formatNumber(locale, feedback.usefulness, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      comments: feedback.comments,
    },
  };
}

type ActionResult = { confirmCancel: true };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const event = await loadManagedEvent(state.services, actor, params.eventId, eventPolicy.manage);
  const form = await formFields(request);
  const ids = { organizationId: event.organizationId, eventId: event.id };
  try {
    if (form.intent === 'publish') {
      authorize(actor, event, eventPolicy.publish);
      await publishEvent(actor, state.services, ids);
      return redirect(`/organization/events/${event.id}?done=published`);
    }
    if (form.intent === 'cancel') {
      authorize(actor, event, eventPolicy.cancel);
      // The first step changes nothing: it asks.
      if (!isConfirmed(form)) return data<ActionResult>({ confirmCancel: true });
      await cancelEvent(actor, state.services, ids);
      return redirect('/organization/events?done=cancelled');
    }
  } catch (error) {
    rethrowAsResponse(error);
  }
  throw data(null, { status: 400 });
}

export default function AdminEvent() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { event } = page;
  const base = `/organization/events/${event.id}`;
  const groups = [
    { key: 'confirmed', title: t('events.manage.confirmedTitle') },
    { key: 'waitlisted', title: t('events.manage.waitlistTitle') },
    { key: 'cancelled', title: t('events.manage.cancelledTitle') },
  ] as const;
  return (
    <div className="page">
      <title>{`${event.title} – ${t('events.admin.title')} – Työpeili`}</title>
      <p>
        <a href="/organization/events">{t('events.manage.back')}</a>
      </p>
      <h1>{event.title}</h1>
      {page.done && !result ? (
        <p className="notice" role="status">
          {t(`events.admin.done.${page.done}`)}
        </p>
      ) : null}
      {result?.confirmCancel ? (
        <ConfirmStep
          title={t('events.manage.cancel')}
          lead={t('events.manage.cancelHint')}
          fields={{ intent: 'cancel' }}
          confirmLabel={t('events.manage.cancelConfirm')}
          backHref={base}
          backLabel={t('confirm.back')}
        />
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('events.manage.details')}</h2>
        <ul>
          <li>{t('events.manage.status', { status: t(`events.admin.status.${event.status}`) })}</li>
          <li>{`${event.when}–${event.until}`}</li>
          {event.venue ? <li>{event.venue}</li> : null}
          {event.onlineUrl ? <li>{t('events.manage.online', { url: event.onlineUrl })}</li> : null}
          <li>{t('events.manage.capacity', { capacity: event.capacity })}</li>
          <li>{t('events.manage.deadline', { deadline: event.deadline })}</li>
          {event.tour ? <li>{`${t('events.form.tour')}: ${event.tour}`}</li> : null}
          {event.speakers ? <li>{`${t('events.form.speakers')}: ${event.speakers}`}</li> : null}
        </ul>
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t('events.manage.actions')}</h2>
        <ul className="plain-list">
          {page.can.change ? (
            <li>
              <a href={`${base}/edit`}>{t('events.manage.edit')}</a>
            </li>
          ) : null}
          {event.status !== 'draft' ? (
            <li>
              <a href={`/events/${event.id}`}>{t('events.manage.publicPage')}</a>
            </li>
          ) : null}
          <li>
            <a href={`${base}/check-in`}>{t('events.manage.checkIn')}</a>
          </li>
        </ul>
        <div className="button-row">
        {page.can.publish ? (
          <Form method="post">
            <input type="hidden" name="intent" value="publish" />
            <button type="submit" className="button">
              {t('events.manage.publish')}
            </button>
          </Form>
        ) : null}
        {page.can.cancel && !result?.confirmCancel ? (
          <Form method="post">
            <input type="hidden" name="intent" value="cancel" />
            <button type="submit" className="button button--secondary">
              {t('events.manage.cancel')}
            </button>
          </Form>
        ) : null}
        </div>
      </section>

      <section aria-labelledby="registrations-title">
        <h2 id="registrations-title">{t('events.manage.counts')}</h2>
        <p>{t('events.manage.exports')}:</p>
        <ul className="plain-list">
          <li>
            <a href={`${base}/registrations.csv`}>{t('events.manage.csv')}</a>
          </li>
          <li>
            <a href={`${base}/registrations.xlsx`}>{t('events.manage.xlsx')}</a>
          </li>
          <li>
            <a href={`${base}/check-in.pdf`}>{t('events.manage.pdf')}</a>
          </li>
        </ul>
        {groups.map((g) => {
          const rows = page.registrations.filter((r) => r.status === g.key);
          const id = `registrations-${g.key}`;
          return (
            <section key={g.key} aria-labelledby={id}>
              <h3 id={id}>{`${g.title} (${rows.length})`}</h3>
              {rows.length === 0 ? (
                <p>{t('events.manage.noneYet')}</p>
              ) : (
                <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
                  <table>
                    <caption className="visually-hidden">{g.title}</caption>
                    <thead>
                      <tr>
                        {g.key === 'waitlisted' ? <th scope="col">{t('events.manage.col.place')}</th> : null}
                        <th scope="col">{t('events.manage.col.name')}</th>
                        <th scope="col">{t('events.manage.col.email')}</th>
                        <th scope="col">{t('events.manage.col.organisation')}</th>
                        <th scope="col">{t('events.manage.col.code')}</th>
                        {g.key === 'confirmed' ? <th scope="col">{t('events.manage.col.needs')}</th> : null}
                        {g.key === 'confirmed' ? <th scope="col">{t('events.manage.col.attended')}</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) => (
                        <tr key={r.id}>
                          {g.key === 'waitlisted' ? <td>{r.place}</td> : null}
                          <th scope="row">{r.name}</th>
                          <td>{r.email}</td>
                          <td>{r.organisation}</td>
                          <td>{r.code}</td>
                          {g.key === 'confirmed' ? <td>{r.needs}</td> : null}
                          {g.key === 'confirmed' ? <td>{r.attended ? t('events.manage.yes') : t('events.manage.no')}</td> : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="feedback-title">
        <h2 id="feedback-title">{t('events.manage.feedbackTitle')}</h2>
        <p className="hint">{t('events.manage.feedbackHint')}</p>
        {page.feedback.withheld ? (
          <p>{t('events.manage.feedbackWithheld')}</p>
        ) : (
          <>
            <dl>
              <dt>{t('events.manage.feedbackN')}</dt>
              <dd>{page.feedback.n}</dd>
              <dt>{t('events.manage.feedbackOverall')}</dt>
              <dd>{page.feedback.overall}</dd>
              <dt>{t('events.manage.feedbackUsefulness')}</dt>
              <dd>{page.feedback.usefulness}</dd>
            </dl>
            {page.feedback.comments.length > 0 ? (
              <>
                <h3>{t('events.manage.feedbackComments')}</h3>
                <ul>
                  {page.feedback.comments.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </section>
    </div>
  );
}
