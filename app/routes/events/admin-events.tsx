// /organization/events: the coordinator's events and tours with their counts (seats, waiting
// list, cancelled, present), a new tour, and the way to a new event. Works without JavaScript.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-events';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { requireOrganization } from '../../lib/events.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { formatDateTime, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { eventPolicy } from '../../../src/platform/policy/index.ts';
import { listOrganizationEvents, type RegistrationCounts } from '../../../src/features/events/admin.queries.ts';
import { createTour } from '../../../src/features/events/manage-events.ts';
import { tourSchema } from '../../../src/features/events/events.validation.ts';

const notices = ['tourCreated', 'cancelled'] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireOrganization(actor, eventPolicy.manage);
  const { events, tours } = await listOrganizationEvents(state.services.db, { organizationId });
  const tourName = new Map(tours.map((t) => [t.tour.id, t.tour.name]));
  return {
    done: notice(new URL(request.url), notices),
    tours: tours.map((t) => ({ id: t.tour.id, name: t.tour.name, events: t.events, counts: t.counts })),
    events: events.map(({ event, counts }) => ({
      id: event.id,
      title: event.title,
      when: formatDateTime(state.locale, event.startsAt, 'datetime'),
      status: event.status,
      tour: event.tourId ? (tourName.get(event.tourId) ?? '') : '',
      capacity: event.capacity,
      counts,
    })),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireOrganization(actor, eventPolicy.manage);
  const form = await formFields(request);
  if (form.intent !== 'tour') return data<ActionResult>({ errors: { form: 'error.badRequest' }, values: form }, { status: 400 });
  const parsed = tourSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await createTour(actor, state.services, { organizationId, ...parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/organization/events?done=tourCreated');
}

const countKeys = ['confirmed', 'waitlisted', 'cancelled', 'attended'] as const satisfies readonly (keyof RegistrationCounts)[];

export default function AdminEvents() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('events.admin.title')} – Työpeili`}</title>
      <h1>{t('events.admin.title')}</h1>
      <p className="lead">{t('events.admin.lead')}</p>
      {page.done && !result ? (
        <p className="notice" role="status">
          {t(`events.admin.done.${page.done}`)}
        </p>
      ) : null}
      <p>
        <a className="button" href="/organization/events/new">
          {t('events.admin.newEvent')}
        </a>
      </p>

      <section aria-labelledby="events-title">
        <h2 id="events-title">{t('events.admin.eventsTitle')}</h2>
        {page.events.length === 0 ? (
          <p>{t('events.admin.none')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="events-title" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('events.admin.eventsTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.admin.col.title')}</th>
                  <th scope="col">{t('events.admin.col.when')}</th>
                  <th scope="col">{t('events.admin.col.status')}</th>
                  <th scope="col">{t('events.admin.col.tour')}</th>
                  <th scope="col">{t('events.admin.col.capacity')}</th>
                  {countKeys.map((k) => (
                    <th scope="col" key={k}>
                      {t(`events.admin.col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.events.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <a href={`/organization/events/${e.id}`}>{e.title}</a>
                    </th>
                    <td>{e.when}</td>
                    <td>{t(`events.admin.status.${e.status}`)}</td>
                    <td>{e.tour || t('events.admin.noTour')}</td>
                    <td>{e.capacity}</td>
                    {countKeys.map((k) => (
                      <td key={k}>{e.counts[k]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="tours-title">
        <h2 id="tours-title">{t('events.admin.toursTitle')}</h2>
        {page.tours.length === 0 ? (
          <p>{t('events.admin.noTours')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="tours-title" tabIndex={0}>
            <table>
              <caption className="visually-hidden">{t('events.admin.toursTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.admin.col.tour')}</th>
                  <th scope="col">{t('events.admin.col.events')}</th>
                  {countKeys.map((k) => (
                    <th scope="col" key={k}>
                      {t(`events.admin.col.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.tours.map((tour) => (
                  <tr key={tour.id}>
                    <th scope="row">{tour.name}</th>
                    <td>{tour.events}</td>
                    {countKeys.map((k) => (
                      <td key={k}>{tour.counts[k]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 id="new-tour-title">{t('events.admin.newTour')}</h3>
        <ErrorSummary errors={errors} order={['form', 'name', 'description']} />
        <Form method="post" className="stack" noValidate aria-labelledby="new-tour-title">
          <input type="hidden" name="intent" value="tour" />
          <Field id="name" label={t('events.admin.tourName')} hint={t('events.admin.tourNameHint')} error={err('name')}>
            {(p) => <input {...p} type="text" defaultValue={result?.values.name ?? ''} autoComplete="off" />}
          </Field>
          <Field id="description" label={t('events.admin.tourDescription')} error={err('description')}>
            {(p) => <textarea {...p} rows={3} defaultValue={result?.values.description ?? ''} />}
          </Field>
          <p>
            <button type="submit" className="button">
              {t('events.admin.tourSubmit')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}
