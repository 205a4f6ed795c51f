import type { Route } from './+types/mailbox-html';
import { getState } from '../../lib/state.server';
import { devMailboxOpenTo, findDevMail } from '../../../src/platform/mail/dev-mailbox.ts';

/** The HTML part as sent, under a CSP that allows no scripts at all. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  if (!devMailboxOpenTo(state.services.config, { clientIp: state.clientIp, isAdmin: state.actor?.isAdmin ?? false })) throw new Response('Not Found', { status: 404 });
  const mail = await findDevMail(state.services.db, params.id);
  if (!mail) throw new Response('Not Found', { status: 404 });
  return new Response(mail.html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
  });
}
