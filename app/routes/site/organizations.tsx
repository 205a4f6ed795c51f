// /organizations: the public list of the organisations that run groups, with the municipalities
// each serves (issue 14, point 1).
import { useLoaderData } from 'react-router';
import type { Route } from './+types/organizations';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { listPublicOrganizations } from '../../../src/features/organizations/public-organizations.ts';
import { servedByMunicipality } from '../../../src/features/organizations/served-municipalities.ts';
import { municipalityName } from '../../../src/features/places/municipalities.ts';

const shown = 5;

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  const db = state.services.db;
  const organizations = await listPublicOrganizations(db);
  const byCode = await servedByMunicipality(db, { organizationIds: organizations.map((o) => o.id) });
  const collator = new Intl.Collator(state.locale);
  return {
    organizations: organizations.map((o) => {
      const names = Object.entries(byCode)
        .filter(([, ids]) => ids.includes(o.id))
        .map(([code]) => municipalityName(code, state.locale) ?? code)
        .sort(collator.compare);
      return { slug: o.slug, name: o.name, municipalities: names.slice(0, shown), more: Math.max(0, names.length - shown) };
    }),
  };
}

export function meta() {
  return [];
}

export default function Organizations() {
  const t = useT();
  const { organizations } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <PageMeta title={t('site.orgs.title')} description={t('site.orgs.meta')} />
      <h1>{t('site.orgs.title')}</h1>
      <p className="lead">{t('site.orgs.lead')}</p>
      {organizations.length === 0 ? (
        <p className="notice">{t('site.orgs.none')}</p>
      ) : (
        <ul className="stack" aria-label={t('site.orgs.title')}>
          {organizations.map((o) => (
            <li key={o.slug}>
              <h2>
                <a href={`/organizations/${o.slug}`}>{o.name}</a>
              </h2>
              {o.municipalities.length > 0 ? (
                <p>
                  {t('site.orgs.serves', {
                    municipalities: o.more > 0 ? t('site.orgs.servesMore', { municipalities: o.municipalities.join(', '), count: o.more }) : o.municipalities.join(', '),
                  })}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
