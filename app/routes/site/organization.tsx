// /organizations/:slug: one organisation's public page (issue 14, point 1): the municipalities it
// serves, its public contact and its upcoming public events. An unknown slug is a 404.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/organization';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { PublicEventList } from '../../ui/public-events';
import { findPublicOrganization, organizationSlugSchema } from '../../../src/features/organizations/public-organizations.ts';
import { municipalityName } from '../../../src/features/places/municipalities.ts';
import { upcomingPublishedEvents } from '../../../src/features/site/public-events.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const slug = organizationSlugSchema.safeParse(params.slug);
  if (!slug.success) throw data(null, { status: 404 });
  const organization = await findPublicOrganization(state.services.db, { slug: slug.data });
  if (!organization) throw data(null, { status: 404 });
  const collator = new Intl.Collator(state.locale);
  return {
    organization: {
      slug: organization.slug,
      name: organization.name,
      email: organization.publicEmail,
      phone: organization.publicPhone,
      address: organization.publicAddress,
      municipalities: organization.municipalities.map((code) => municipalityName(code, state.locale) ?? code).sort(collator.compare),
    },
    events: await upcomingPublishedEvents(state.services.db, { now: new Date(), locale: state.locale, limit: 10, organizationId: organization.id }),
  };
}

export function meta() {
  return [];
}

/** A phone number as a tel: link (digits and a leading +). */
const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, '')}`;

export default function OrganizationPage() {
  const t = useT();
  const { organization: o, events } = useLoaderData<typeof loader>();
  const hasContact = o.email !== null || o.phone !== null || o.address !== null;
  return (
    <div className="page">
      <PageMeta title={o.name} description={t('site.org.meta', { name: o.name })} />
      <h1>{o.name}</h1>
      <p className="lead">{t('site.org.lead', { name: o.name })}</p>
      <section aria-labelledby="org-municipalities">
        <h2 id="org-municipalities">{t('site.org.municipalitiesTitle')}</h2>
        {o.municipalities.length === 0 ? (
          <p>{t('site.org.municipalitiesNone')}</p>
        ) : (
          <ul>
            {o.municipalities.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="org-contact">
        <h2 id="org-contact">{t('site.org.contactTitle')}</h2>
        {hasContact ? (
          <dl>
            {o.email ? (
              <>
                <dt>{t('site.org.email')}</dt>
                <dd>
                  <a href={`mailto:${o.email}`}>{o.email}</a>
                </dd>
              </>
            ) : null}
            {o.phone ? (
              <>
                <dt>{t('site.org.phone')}</dt>
                <dd>
                  <a href={telHref(o.phone)}>{o.phone}</a>
                </dd>
              </>
            ) : null}
            {o.address ? (
              <>
                <dt>{t('site.org.address')}</dt>
                <dd>{o.address}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{t('site.org.contactNone')}</p>
        )}
      </section>
      <section aria-labelledby="org-events">
        <h2 id="org-events">{t('site.org.eventsTitle')}</h2>
        {events.length === 0 ? <p>{t('site.org.eventsNone')}</p> : <PublicEventList events={events} label={t('site.org.eventsTitle')} />}
      </section>
      <p className="button-row">
        <a className="button" href={`/apply?org=${encodeURIComponent(o.slug)}`}>
          {t('site.org.apply')}
        </a>
        <a className="button button--secondary" href="/organizations">
          {t('site.org.all')}
        </a>
      </p>
    </div>
  );
}
