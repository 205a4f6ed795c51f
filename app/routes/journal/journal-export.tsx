// /journal/export: the person's own journal as a download: Markdown (UTF-8) by default,
// ?format=html a standalone readable page, ?format=pdf a tagged PDF. An unknown format is 404.
import { data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/journal-export';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { exportFormats, exportJournalAs } from '../../../src/features/journal/export-entries.ts';

const formatParam = z.enum(exportFormats).default('md');

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const format = formatParam.safeParse(new URL(request.url).searchParams.get('format') ?? undefined);
  if (!format.success) throw data(null, { status: 404 });
  try {
    const { fileName, contentType, body } = await exportJournalAs(actor, state.services, { locale: state.locale, format: format.data });
    return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
      headers: {
        'Content-Type': contentType,
        'Content-Disposition': contentDisposition(fileName),
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    rethrowAsResponse(error);
  }
}
