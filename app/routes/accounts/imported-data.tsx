// /imported-data: a person an organisation added from its spreadsheet sees, on their first sign-in,
// what was recorded about them and why, and confirms it — or corrects it in the profile, or asks
// for erasure there (issue 19, point 4). Their home opens this page until they confirm.
import { data, Form, redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/imported-data';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { confirmImportedData, importedDataOf } from '../../../src/features/imports/imported-data.ts';
import { companySizeLabel, sectorLabel } from '../../../src/features/companies/sectors.ts';
import { municipalityName } from '../../../src/features/places/municipalities.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  let imported;
  try {
    imported = await importedDataOf(actor, state.services.db, { organizationId: actor.organizationId });
  } catch (error) {
    rethrowAsResponse(error);
  }
  if (!imported) throw data(null, { status: 404 });
  const locale = state.locale;
  const c = imported.company;
  return {
    organizationName: imported.organizationName,
    importedAt: imported.importedAt.toISOString(),
    confirmed: imported.confirmedAt !== null,
    rows: [
      ['imported.name', imported.name],
      ['imported.email', imported.email],
      ['imported.phone', imported.phone],
      ['imported.birthYear', imported.birthYear === null ? null : String(imported.birthYear)],
      ['imported.gender', imported.gender],
      ['imported.company', c ? c.name : null],
      ['imported.businessId', c?.businessId ?? null],
      ['imported.municipality', c?.municipality ? (municipalityName(c.municipality, locale) ?? null) : null],
      ['imported.sector', c?.sector ? (sectorLabel(c.sector, locale) ?? null) : null],
      ['imported.size', c?.size ? (companySizeLabel(c.size, locale) ?? null) : null],
    ] as const,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  try {
    await confirmImportedData(actor, state.services, { organizationId: actor.organizationId });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect('/home');
}

export default function ImportedData() {
  const t = useT();
  const f = useFormat();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('imported.title')} – Työpeili`}</title>
      <h1>{t('imported.title')}</h1>
      <p className="lead">{t('imported.lead', { organization: page.organizationName, date: f.date(page.importedAt) })}</p>
      <section className="card" aria-labelledby="imported-data-title">
        <h2 id="imported-data-title">{t('imported.dataTitle')}</h2>
        <dl>
          {page.rows.map(([key, value]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{value === null ? t('imported.none') : key === 'imported.gender' ? t(`imported.gender.${value as 'female' | 'male' | 'other'}`) : value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card" aria-labelledby="imported-why-title">
        <h2 id="imported-why-title">{t('imported.whyTitle')}</h2>
        <p>{t('imported.why', { organization: page.organizationName })}</p>
        <p>
          <a href="/privacy">{t('imported.privacyLink')}</a>
        </p>
      </section>
      {page.confirmed ? (
        <p className="notice" role="status">
          {t('imported.confirmed')}
        </p>
      ) : (
        <Form method="post" className="stack">
          <p>
            <button type="submit" className="button">
              {t('imported.confirm')}
            </button>
          </p>
        </Form>
      )}
      <ul className="stack">
        <li>
          <a href="/profile">{t('imported.correct')}</a>
        </li>
        <li>
          <a href="/profile#my-data-title">{t('imported.erase')}</a>
        </li>
      </ul>
    </div>
  );
}
