// /my-data/:token/data.zip: the ZIP of what is kept under the link's address (no account).
import type { Route } from './+types/my-data-link-download';
import { getState } from '../../lib/state.server';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { guestDataZip, openDataLink } from '../../../src/features/privacy/data-link.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const email = openDataLink(state.services.config.sessionSecret, params.token);
  const zip = email ? await guestDataZip(state.services.db, email, state.locale) : null;
  if (!zip) throw new Response('', { status: 410 });
  return new Response(new Uint8Array(zip.zip), {
    headers: { 'Content-Type': 'application/zip', 'Content-Disposition': contentDisposition(zip.fileName), 'Cache-Control': 'no-store' },
  });
}
