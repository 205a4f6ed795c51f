// /journal/export: the person's own journal as a Markdown download (UTF-8, attachment).
import type { Route } from './+types/journal-export';
import { requireActor } from '../../lib/state.server';
import { rethrowAsResponse } from '../../ui/form';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { exportJournal } from '../../../src/features/journal/export-entries.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  try {
    const { fileName, markdown } = await exportJournal(actor, state.services, { locale: state.locale });
    return new Response(markdown, {
      headers: {
        'Content-Type': 'text/markdown; charset=utf-8',
        'Content-Disposition': contentDisposition(fileName),
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    rethrowAsResponse(error);
  }
}
