// /organization/events/:eventId/registrations.xlsx: the coordinator's registrations as Excel
// (the CSV's columns; cells beginning with = + - @ neutralised; a logged staff read).
import { data } from 'react-router';
import type { Route } from './+types/registrations-xlsx';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { DomainError } from '../../../src/platform/errors.ts';
import { createTranslator } from '../../../src/platform/i18n/i18n.ts';
import { exportRegistrationsXlsx, registrationCsvColumns } from '../../../src/features/events/export-registrations.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const eventId = uuidParam(params.eventId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const t = createTranslator(state.locale);
  const body = await exportRegistrationsXlsx(actor, state.services, {
    organizationId: actor.organizationId,
    eventId,
    header: registrationCsvColumns.map((c) => t(`events.csv.${c}`)),
    yes: t('events.csv.yes'),
    no: t('events.csv.no'),
    sheetName: t('events.xlsx.sheet'),
  }).catch((error: unknown) => {
    if (error instanceof DomainError) throw data(null, { status: error.status });
    throw error;
  });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="registrations-${eventId}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
}
