// /organization/events/:eventId/registrations.csv: the coordinator's export of an event's registrations.
import { data } from 'react-router';
import type { Route } from './+types/registrations-csv';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { DomainError } from '../../../src/platform/errors.ts';
import { createTranslator } from '../../../src/platform/i18n/i18n.ts';
import { exportRegistrationsCsv, registrationCsvColumns } from '../../../src/features/events/export-registrations.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const eventId = uuidParam(params.eventId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const t = createTranslator(state.locale);
  const exported = await exportRegistrationsCsv(actor, state.services, {
    organizationId: actor.organizationId,
    eventId,
    header: registrationCsvColumns.map((c) => t(`events.csv.${c}`)),
    yes: t('events.csv.yes'),
    no: t('events.csv.no'),
  }).catch((error: unknown) => {
    // 403 for the organisation's other staff, 404 elsewhere: the status the policy layer chose.
    if (error instanceof DomainError) throw data(null, { status: error.status });
    throw error;
  });
  const { csv } = exported;
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="registrations-${eventId}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
