// /organization/experts: the directory of the organisation's experts for its staff, searched by
// words and filtered by topic, language and region (a plain GET form). The coordinator also sees
// the hours the experts gave in a period, corrects them and exports them as CSV.
import { data, Form, useLoaderData } from 'react-router';
import type { Route } from './+types/directory';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, expertPolicy } from '../../../src/platform/policy/index.ts';
import { expertResource, listDirectory, listHours } from '../../../src/features/experts/experts.queries.ts';
import { expertLanguages } from '../../../src/features/experts/languages.ts';
import { directoryFilterSchema } from '../../../src/features/experts/experts.validation.ts';
import { hoursPeriod } from '../../../src/features/experts/period.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  const scope = expertResource(organizationId, '', null);
  try {
    authorize(actor, scope, expertPolicy.listDirectory);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const url = new URL(request.url);
  const filter = directoryFilterSchema.parse(Object.fromEntries(url.searchParams));
  const coordinator = expertPolicy.exportHours(actor, scope);
  const experts = await listDirectory(state.services.db, { organizationId, filter: { ...filter, includeUnlisted: coordinator } });
  const period = hoursPeriod(url.searchParams.get('from'), url.searchParams.get('to'));
  const hours = coordinator ? await listHours(state.services.db, { organizationId, from: period.fromInstant, to: period.toInstant }) : null;
  return {
    filter,
    experts,
    done: notice(url, ['hours'] as const),
    hoursInvalid: url.searchParams.get('hours') === 'invalid',
    hours: hours
      ? {
          from: period.from,
          to: period.to,
          rows: hours.map((h) => ({ ...h, workedAt: h.workedAt.toISOString() })),
          totalMinutes: hours.reduce((sum, h) => sum + h.minutes, 0),
          perExpert: [...Map.groupBy(hours, (h) => h.expertUserId).values()].map((list) => ({ userId: list[0]!.expertUserId, name: list[0]!.name, minutes: list.reduce((sum, h) => sum + h.minutes, 0) })),
        }
      : null,
  };
}

export default function ExpertDirectory() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const f = page.filter;
  const hoursText = (minutes: number) => format.number(minutes / 60, { maximumFractionDigits: 2 });
  return (
    <div className="page">
      <title>{`${t('experts.directory.title')} – Työpeili`}</title>
      <h1>{t('experts.directory.title')}</h1>
      <p className="lead">{t('experts.directory.lead')}</p>
      <Form method="get" className="stack" role="search" aria-label={t('experts.directory.search')}>
        <div className="field">
          <label htmlFor="q">{t('experts.directory.q')}</label>
          <input id="q" name="q" type="search" defaultValue={f.q ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="topic">{t('experts.field.topics')}</label>
          <input id="topic" name="topic" type="text" defaultValue={f.topic ?? ''} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="language">{t('experts.field.language')}</label>
          <select id="language" name="language" defaultValue={f.language ?? ''}>
            <option value="">{t('experts.directory.anyLanguage')}</option>
            {expertLanguages.map((code) => (
              <option key={code} value={code}>
                {t(`experts.lang.${code}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="region">{t('experts.field.region')}</label>
          <input id="region" name="region" type="text" defaultValue={f.region ?? ''} maxLength={100} />
        </div>
        <p>
          <button type="submit" className="button">
            {t('experts.directory.submit')}
          </button>
        </p>
      </Form>

      <section aria-labelledby="experts-found" className="stack">
        <h2 id="experts-found">{t('experts.directory.found', { count: page.experts.length })}</h2>
        {page.experts.length === 0 ? <p>{t('experts.directory.none')}</p> : null}
        <ul className="plain-list stack">
          {page.experts.map((e) => (
            <li key={e.userId} className="card">
              <h3>
                <a href={`/organization/experts/${e.userId}`}>{e.name}</a>
              </h3>
              {e.topics.length ? <p>{t('experts.profile.topicsLine', { topics: e.topics.join(', ') })}</p> : null}
              {e.languages.length ? <p>{t('experts.profile.languagesLine', { languages: e.languages.map((c) => t(`experts.lang.${c}` as MessageKey)).join(', ') })}</p> : null}
              {e.region ? <p>{t('experts.profile.regionLine', { region: e.region })}</p> : null}
              {!e.publicInDirectory ? <p>{t('experts.directory.unlisted')}</p> : null}
            </li>
          ))}
        </ul>
      </section>

      {page.hours ? (
        <section aria-labelledby="hours-title" className="stack">
          <h2 id="hours-title">{t('experts.hours.title')}</h2>
          {page.done ? (
            <p role="status" className="notice">
              {t('experts.hours.saved')}
            </p>
          ) : null}
          {page.hoursInvalid ? (
            <p role="alert" className="error">
              {t('experts.hours.invalid')}
            </p>
          ) : null}
          <Form method="get" className="stack" action="/organization/experts#hours-title">
            <div className="field">
              <label htmlFor="from">{t('experts.hours.from')}</label>
              <input id="from" name="from" type="date" defaultValue={page.hours.from} />
            </div>
            <div className="field">
              <label htmlFor="to">{t('experts.hours.to')}</label>
              <input id="to" name="to" type="date" defaultValue={page.hours.to} />
            </div>
            <p>
              <button type="submit" className="button button--secondary">
                {t('experts.hours.show')}
              </button>
            </p>
          </Form>
          <p>{t('experts.hours.total', { hours: hoursText(page.hours.totalMinutes) })}</p>
          {page.hours.perExpert.length ? (
            <ul className="plain-list">
              {page.hours.perExpert.map((e) => (
                <li key={e.userId}>{t('experts.hours.perExpert', { name: e.name, hours: hoursText(e.minutes) })}</li>
              ))}
            </ul>
          ) : null}
          <p>
            <a href={`/organization/experts/hours.csv?from=${page.hours.from}&to=${page.hours.to}`}>{t('experts.hours.csv')}</a>
          </p>
          {page.hours.rows.length === 0 ? (
            <p>{t('experts.hours.none')}</p>
          ) : (
            <ul className="plain-list stack">
              {page.hours.rows.map((h) => (
                <li key={h.id} className="card">
                  <form method="post" action={`/organization/experts/hours/${h.id}`} className="stack">
                    <p>
                      <strong>{h.name}</strong>, {format.date(h.workedAt)}
                    </p>
                    <div className="field">
                      <label htmlFor={`hours-${h.id}`}>{t('experts.hours.hours')}</label>
                      <input id={`hours-${h.id}`} name="hours" type="text" inputMode="decimal" defaultValue={hoursText(h.minutes)} />
                    </div>
                    <div className="field">
                      <label htmlFor={`note-${h.id}`}>{t('experts.hours.note')}</label>
                      <input id={`note-${h.id}`} name="note" type="text" defaultValue={h.note} maxLength={500} />
                    </div>
                    <input type="hidden" name="back" value="directory" />
                    <p>
                      <button type="submit" className="button button--secondary">
                        {t('experts.hours.save')}
                      </button>
                    </p>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
