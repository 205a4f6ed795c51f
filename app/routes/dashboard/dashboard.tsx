// /organization/dashboard: the organisation's activity for a period, for its coordinators and admins
// (dashboardPolicy; ADR 032). A GET form (preset or own dates typed the Finnish way, the instrument),
// then tables with captions whose row names link to where each figure comes from. Works without
// JavaScript; the tables have at most three columns so a 390 px phone needs no sideways scroll.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/dashboard';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { DashboardForm, DashboardTables } from '../../ui/dashboard';
import { findOrganization } from '../../../src/features/organizations/organizations.queries.ts';
import { organizationInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';
import { evaluableInstruments } from '../../../src/features/outcomes/run-evaluation.ts';
import { loadDashboard } from '../../../src/features/dashboard/load-dashboard.ts';
import { parsePeriod, periodPresets, type PeriodError } from '../../../src/features/dashboard/period.ts';
import { adviceBookingPolicy, can, dashboardPolicy, eventPolicy } from '../../../src/platform/policy/index.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

const errorFields: Record<PeriodError, { field: 'from' | 'to'; key: MessageKey }> = {
  from: { field: 'from', key: 'dashboard.error.from' },
  to: { field: 'to', key: 'dashboard.error.to' },
  order: { field: 'to', key: 'dashboard.error.order' },
  length: { field: 'to', key: 'dashboard.error.length' },
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  // Refused before any figure is read.
  if (!can(dashboardPolicy, actor, { organizationId }).view) throw data(null, { status: 403 });
  const { db } = state.services;
  const url = new URL(request.url);
  const period = parsePeriod(url.searchParams);
  const [organization, instruments] = await Promise.all([findOrganization(db, { organizationId }), organizationInstruments(db, { organizationId })]);
  if (!organization) throw data(null, { status: 404 });
  const evaluable = evaluableInstruments(instruments.all);
  const instrument = evaluable.find((i) => i.id === url.searchParams.get('instrument')) ?? evaluable.find((i) => i.id === 'who-5')!;
  let dashboard;
  try {
    dashboard = await loadDashboard(actor, { db, reportDb: state.services.reportDb }, { organizationId, period, instrument });
  } catch (error) {
    rethrowAsResponse(error);
  }
  const errors: FieldErrors = {};
  for (const e of period.errors) errors[errorFields[e].field] ??= errorFields[e].key;
  const locale = state.locale;
  return {
    organizationName: organization.name,
    presets: periodPresets,
    form: { preset: period.preset, from: period.fromInput, to: period.toInput, instrumentId: instrument.id, errors },
    instruments: evaluable.map((i) => ({ id: i.id, name: i.name[locale] })),
    instrumentName: instrument.name[locale],
    links: { events: can(eventPolicy, actor, { organizationId, status: 'draft' }).manage, advice: can(adviceBookingPolicy, actor, { organizationId }).listSessions },
    dashboard: { ...dashboard, events: { ...dashboard.events, list: dashboard.events.list.map((e) => ({ ...e, startsAt: e.startsAt.toISOString() })) } },
  };
}

export default function Dashboard() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page dashboard">
      <title>{`${t('dashboard.title')} – ${page.organizationName} – Työpeili`}</title>
      <h1>{t('dashboard.title')}</h1>
      <p className="lead">{page.organizationName}</p>
      <p>{t('dashboard.lead')}</p>
      <DashboardForm presets={page.presets} form={page.form} instruments={page.instruments} />
      <DashboardTables dashboard={page.dashboard} instrumentName={page.instrumentName} links={page.links} />
    </div>
  );
}
