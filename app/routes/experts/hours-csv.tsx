// /organization/experts/hours.csv?from=&to=: the coordinator's export of the experts' hours in a period.
import { data } from 'react-router';
import type { Route } from './+types/hours-csv';
import { requireActor } from '../../lib/state.server';
import { DomainError } from '../../../src/platform/errors.ts';
import { createTranslator, formatDateTime, formatNumber } from '../../../src/platform/i18n/i18n.ts';
import { exportExpertHoursCsv, hoursCsvColumns } from '../../../src/features/experts/expert-hours.ts';
import { hoursPeriod } from '../../../src/features/experts/period.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const period = hoursPeriod(url.searchParams.get('from'), url.searchParams.get('to'));
  const t = createTranslator(state.locale);
  const csv = await exportExpertHoursCsv(actor, state.services, {
    organizationId: actor.organizationId,
    from: period.fromInstant,
    to: period.toInstant,
    header: hoursCsvColumns.map((c) => t(`experts.csv.${c}`)),
    date: (d) => formatDateTime(state.locale, d, 'date'),
    hours: (m) => formatNumber(state.locale, m / 60, { maximumFractionDigits: 2 }),
  }).catch((error: unknown) => {
    if (error instanceof DomainError) throw data(null, { status: error.status });
    throw error;
  });
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="expert-hours-${period.from}-${period.to}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
