// Shared by /evaluation and its exports: the organisation (the active one; admins may name any
// with ?organization=), the GET form's values (instrument, period of the release lattice,
// comparison), the authorised report as the disclosure layer released it, and its tables.
import { data } from 'react-router';
import { z } from 'zod';
import type { RouterContextProvider } from 'react-router';
import { requireActor } from './state.server';
import { rethrowAsResponse } from '../ui/form';
import { createTranslator } from '../../src/platform/i18n/i18n.ts';
import { findOrganization } from '../../src/features/organizations/organizations.queries.ts';
import { organizationInstruments } from '../../src/features/outcomes/outcomes.queries.ts';
import { evaluationTables } from '../../src/features/outcomes/evaluation-tables.ts';
import { evaluableInstruments, evaluationPeriods, parseEvaluationParams, periodKey, runEvaluation } from '../../src/features/outcomes/run-evaluation.ts';

export async function loadEvaluation(context: Readonly<RouterContextProvider>, request: Request, exportFormat?: 'csv' | 'xlsx') {
  const { state, actor } = requireActor(context, request);
  const url = new URL(request.url);
  const organizationParam = url.searchParams.get('organization');
  let organizationId = actor.organizationId;
  if (organizationParam) {
    const parsed = z.uuid().safeParse(organizationParam);
    if (!parsed.success) throw data(null, { status: 404 });
    organizationId = parsed.data;
  }
  if (!organizationId) throw data(null, { status: 404 });
  const { db } = state.services;
  const organization = await findOrganization(db, { organizationId });
  if (!organization) throw data(null, { status: 404 });
  const evaluable = evaluableInstruments((await organizationInstruments(db, { organizationId })).all);
  const params = parseEvaluationParams(url.searchParams, evaluable);
  // parseEvaluationParams falls back to WHO-5, which is always evaluable.
  const instrument = evaluable.find((i) => i.id === params.instrumentId)!;
  const locale = state.locale;
  let report;
  try {
    report = await runEvaluation(actor, { db, reportDb: state.services.reportDb }, { organizationId, from: params.from, to: params.to, comparison: params.comparison, instrument }, { export: exportFormat });
  } catch (error) {
    rethrowAsResponse(error);
  }
  const t = createTranslator(locale);
  const tables = evaluationTables(report, { t, locale, instrumentName: instrument.name[locale], from: params.from, to: params.to, comparison: params.comparison });
  // The same query string for the export links (organization only when not the active one).
  const query = new URLSearchParams({ instrument: params.instrumentId, period: params.periodKey, comparison: params.comparison });
  if (organizationParam && organizationId !== actor.organizationId) query.set('organization', organizationId);
  return {
    locale,
    organization: { id: organization.id, name: organization.name },
    organizationParam: organizationParam && organizationId !== actor.organizationId ? organizationId : null,
    params: { instrumentId: params.instrumentId, period: params.periodKey, comparison: params.comparison, errors: params.errors },
    periods: evaluationPeriods().map(periodKey),
    instruments: evaluable.map((i) => ({ id: i.id, name: i.name[locale] })),
    tables,
    query: query.toString(),
    fileName: `arviointi-${organization.slug}-${params.instrumentId}-${params.periodKey}`,
  };
}
