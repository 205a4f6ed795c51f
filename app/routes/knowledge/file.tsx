// /knowledge/files/:fileId: an article's picture (shown inline in the article) or attachment
// (a download). Served in its detected type only, never sniffed or run: nosniff and a
// sandboxing CSP; public articles' files may be cached briefly, others not by shared caches.
import type { Route } from './+types/file';
import { getState } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { rethrowAsResponse } from '../../ui/form';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { downloadName } from '../../../src/features/materials/detect-type.ts';
import { isPicture, openArticleFile } from '../../../src/features/knowledge/article-files.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const fileId = uuidParam(params.fileId);
  try {
    const { file, bytes, type } = await openArticleFile(state.actor, state.services, fileId);
    const name = downloadName(file.fileName, type);
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': file.mediaType,
        'Content-Length': String(bytes.length),
        'Content-Disposition': contentDisposition(name, isPicture(file.mediaType) ? 'inline' : 'attachment'),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    rethrowAsResponse(error);
  }
}
