// /organization/events/:eventId/check-in.pdf: the check-in list on paper (name, organisation, a
// box to tick), the one PDF maker's tagged A4; a logged staff read.
import { data } from 'react-router';
import type { Route } from './+types/check-in-pdf';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { DomainError } from '../../../src/platform/errors.ts';
import { createTranslator } from '../../../src/platform/i18n/i18n.ts';
import { checkInPdf } from '../../../src/features/events/export-registrations.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const eventId = uuidParam(params.eventId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const t = createTranslator(state.locale);
  const body = await checkInPdf(actor, state.services, {
    organizationId: actor.organizationId,
    eventId,
    locale: state.locale,
    title: (event) => t('events.checkIn.pdfTitle', { title: event.title }),
    lead: (count) => t('events.checkIn.pdfLead', { count }),
  }).catch((error: unknown) => {
    if (error instanceof DomainError) throw data(null, { status: error.status });
    throw error;
  });
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="check-in-${eventId}.pdf"`,
      'Cache-Control': 'no-store',
    },
  });
}
