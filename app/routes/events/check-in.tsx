// /organization/events/:eventId/check-in: the check-in list at the door, for a tablet. Search by
// name is a GET form; each person has one button that ticks them present or undoes it (a POST
// that comes back to the same search). Works without JavaScript; every tick is audited.
import { data, Form, redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/check-in';
import { requireActor } from '../../lib/state.server';
import { formFields, uuidParam } from '../../lib/params.server';
import { loadManagedEvent } from '../../lib/events.server';
import { useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { eventPolicy } from '../../../src/platform/policy/index.ts';
import { listCheckIn } from '../../../src/features/events/admin.queries.ts';
import { viewCheckIn } from '../../../src/features/events/export-registrations.ts';
import { markAttended } from '../../../src/features/events/register.ts';
import { checkInSearchSchema } from '../../../src/features/events/events.validation.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const event = await loadManagedEvent(state.services, actor, params.eventId, eventPolicy.checkIn);
  const url = new URL(request.url);
  const search = checkInSearchSchema.parse(url.searchParams.get('q') ?? undefined);
  const ids = { organizationId: event.organizationId, eventId: event.id };
  const rows = await viewCheckIn(actor, state.services, { ...ids, search });
  const everyone = search ? await listCheckIn(state.services.db, { ...ids, search: '' }) : rows;
  const done = url.searchParams.get('done');
  const who = rows.find((r) => r.id === url.searchParams.get('who'));
  return {
    event: { id: event.id, title: event.title, when: formatDateTime(state.locale, event.startsAt, 'weekday') },
    canManage: eventPolicy.manage(actor, event),
    search,
    notice: who && (done === 'in' || done === 'out') ? { done, name: who.name } : null,
    totals: { confirmed: everyone.length, attended: everyone.filter((r) => r.attendedAt !== null).length },
    people: rows.map((r) => ({ id: r.id, name: r.name, organisation: r.organisation ?? '', present: r.attendedAt !== null })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const event = await loadManagedEvent(state.services, actor, params.eventId, eventPolicy.checkIn);
  const form = await formFields(request);
  const registrationId = uuidParam(form.registrationId);
  if (form.attended !== 'yes' && form.attended !== 'no') throw data(null, { status: 400 });
  const search = checkInSearchSchema.parse(form.q);
  try {
    await markAttended(actor, state.services, { organizationId: event.organizationId, eventId: event.id, registrationId, attended: form.attended === 'yes' });
  } catch (error) {
    rethrowAsResponse(error);
  }
  const query = new URLSearchParams({ ...(search ? { q: search } : {}), done: form.attended === 'yes' ? 'in' : 'out', who: registrationId });
  return redirect(`/organization/events/${event.id}/check-in?${query.toString()}#person-${registrationId}`);
}

export default function CheckIn() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const base = `/organization/events/${page.event.id}`;
  return (
    <div className="page">
      <title>{`${t('events.checkIn.title', { title: page.event.title })} – Työpeili`}</title>
      <p>{page.canManage ? <a href={base}>{t('events.checkIn.back')}</a> : null}</p>
      <h1>{t('events.checkIn.title', { title: page.event.title })}</h1>
      <p className="lead">{page.event.when}</p>
      <p>{t('events.checkIn.lead', page.totals)}</p>
      {page.notice ? (
        <p className="notice" role="status">
          {t(page.notice.done === 'in' ? 'events.checkIn.done' : 'events.checkIn.undone', { name: page.notice.name })}
        </p>
      ) : null}
      <Form method="get" className="inline-form" role="search">
        <label htmlFor="q">{t('events.checkIn.search')}</label>
        <input id="q" name="q" type="search" defaultValue={page.search} autoComplete="off" />
        <button type="submit" className="button">
          {t('events.checkIn.searchSubmit')}
        </button>
        {page.search ? <a href={`${base}/check-in`}>{t('events.checkIn.showAll')}</a> : null}
      </Form>
      {page.people.length === 0 ? (
        <p>{t('events.checkIn.none')}</p>
      ) : (
        <ul className="board-list">
          {page.people.map((p) => (
            <li key={p.id} id={`person-${p.id}`} className="card">
              <p className="board-by">{p.name}</p>
              {p.organisation ? <p className="muted">{p.organisation}</p> : null}
              <p>{p.present ? t('events.checkIn.present') : t('events.checkIn.notPresent')}</p>
              <Form method="post">
                <input type="hidden" name="registrationId" value={p.id} />
                <input type="hidden" name="attended" value={p.present ? 'no' : 'yes'} />
                {page.search ? <input type="hidden" name="q" value={page.search} /> : null}
                <button type="submit" className={p.present ? 'button button--secondary' : 'button'}>
                  {p.present ? t('events.checkIn.untickShort') : t('events.checkIn.tickShort')}
                  <span className="visually-hidden">{`: ${p.name}`}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`${base}/check-in.pdf`}>{t('events.checkIn.pdf')}</a>
      </p>
    </div>
  );
}
