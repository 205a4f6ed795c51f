// /intake: the coordinator's queue of applications in the active organisation
// (admins: any, with ?organization=). Filters and sort are one GET form.
import { data, Form, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/intake';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import { applicationPolicy, authorize } from '../../../src/platform/policy/index.ts';
import { sectorLabel, sectors } from '../../../src/features/companies/sectors.ts';
import { municipalities, municipalityName } from '../../../src/features/places/municipalities.ts';
import { findOrganization } from '../../../src/features/organizations/organizations.queries.ts';
import { applicationStatuses, meetingFormats } from '../../../src/features/intake/intake.schema.ts';
import { listApplications } from '../../../src/features/intake/intake.queries.ts';
import { queueFilterSchema, queueSorts } from '../../../src/features/intake/intake.validation.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';

/** Coordinators work in their active organisation; admins may name any with ?organization=. */
function intakeOrganizationId(actor: Actor, value: string | null): string {
  if (!value) {
    if (!actor.organizationId) throw data(null, { status: 404 });
    return actor.organizationId;
  }
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const url = new URL(request.url);
  const organizationParam = url.searchParams.get('organization');
  const organizationId = intakeOrganizationId(actor, organizationParam);
  const filter = queueFilterSchema.parse(Object.fromEntries(url.searchParams));
  const { db } = state.services;
  const organization = await findOrganization(db, { organizationId });
  try {
    if (!organization) throw data(null, { status: 404 });
    authorize(actor, { organizationId }, applicationPolicy.list);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const rows = await listApplications(db, { organizationId, filter });
  await recordStaffRead(db, actor, { organizationId, purpose: 'intake.queue', targetType: 'applications', targetId: null });
  const locale = state.locale;
  const collator = new Intl.Collator(locale);
  return {
    organization: { id: organization.id, name: organization.name },
    organizationParam: organizationParam && organizationId !== actor.organizationId ? organizationId : null,
    filter,
    sectors: sectors.map((s) => ({ code: s.code, label: s[locale] })),
    municipalities: municipalities.map((m) => ({ code: m.code, label: municipalityName(m.code, locale) ?? m.fi })).sort((a, b) => collator.compare(a.label, b.label)),
    applications: rows.map((r) => ({
      id: r.id,
      name: r.name,
      companyName: r.companyName,
      sector: r.sector ? (sectorLabel(r.sector, locale) ?? r.sector) : null,
      municipality: r.municipality ? (municipalityName(r.municipality, locale) ?? r.municipality) : null,
      formats: r.formats,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export default function Intake() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const detailQuery = page.organizationParam ? `?organization=${page.organizationParam}` : '';
  return (
    <div className="page">
      <title>{`${t('intake.queue.title')} – ${page.organization.name} – Työpeili`}</title>
      <h1>{t('intake.queue.title')}</h1>
      <p className="lead">{t('intake.queue.lead', { organization: page.organization.name })}</p>

      <Form method="get" className="intake-filters" aria-labelledby="filters-title">
        <h2 id="filters-title">{t('intake.queue.filtersTitle')}</h2>
        {page.organizationParam ? <input type="hidden" name="organization" value={page.organizationParam} /> : null}
        <div className="field">
          <label htmlFor="filter-status">{t('intake.queue.status')}</label>
          <select id="filter-status" name="status" defaultValue={page.filter.status ?? ''}>
            <option value="">{t('intake.queue.all')}</option>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`intake.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sector">{t('intake.field.sector')}</label>
          <select id="filter-sector" name="sector" defaultValue={page.filter.sector ?? ''}>
            <option value="">{t('intake.queue.all')}</option>
            {page.sectors.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-municipality">{t('intake.field.municipality')}</label>
          <select id="filter-municipality" name="municipality" defaultValue={page.filter.municipality ?? ''}>
            <option value="">{t('intake.queue.all')}</option>
            {page.municipalities.map((m) => (
              <option key={m.code} value={m.code}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-format">{t('intake.queue.format')}</label>
          <select id="filter-format" name="format" defaultValue={page.filter.format ?? ''}>
            <option value="">{t('intake.queue.all')}</option>
            {meetingFormats.map((f) => (
              <option key={f} value={f}>
                {t(`intake.format.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{t('intake.queue.sort')}</label>
          <select id="filter-sort" name="sort" defaultValue={page.filter.sort}>
            {queueSorts.map((s) => (
              <option key={s} value={s}>
                {t(`intake.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <p>
          <button type="submit" className="button button--secondary">
            {t('intake.queue.apply')}
          </button>
        </p>
      </Form>

      <section aria-labelledby="applications-title">
        <h2 id="applications-title">
          {t('intake.queue.listTitle')} <span className="muted">({t('intake.queue.count', { count: page.applications.length })})</span>
        </h2>
        {page.applications.length === 0 ? (
          <p>{t('intake.queue.none')}</p>
        ) : (
          <ul className="cards">
            {page.applications.map((a) => (
              <li className="card" key={a.id}>
                <h3>
                  <a href={`/intake/${a.id}${detailQuery}`}>{a.name}</a>
                </h3>
                <p>
                  <strong>{t(`intake.status.${a.status}`)}</strong> · {format.date(a.createdAt)}
                </p>
                {a.companyName ? <p>{a.companyName}</p> : null}
                <p className="muted">{[a.municipality, a.sector].filter(Boolean).join(' · ')}</p>
                <p className="muted">{a.formats.map((f) => t(`intake.format.${f as 'in_person'}`)).join(', ')}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
