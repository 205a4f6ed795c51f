import { useLoaderData } from 'react-router';
import type { Route } from './+types/mailbox';
import { getState } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { devMailboxOpenTo, listDevMail } from '../../../src/platform/mail/dev-mailbox.ts';

export async function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  if (!devMailboxOpenTo(state.services.config, { clientIp: state.clientIp, isAdmin: state.actor?.isAdmin ?? false })) throw new Response('Not Found', { status: 404 });
  const mails = await listDevMail(state.services.db);
  return { mails: mails.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })) };
}

export default function DevMailbox() {
  const t = useT();
  const f = useFormat();
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('devMailbox.title')} – Työpeili`}</title>
      <h1>{t('devMailbox.title')}</h1>
      <p className="notice">{t('devMailbox.intro')}</p>
      {mails.length === 0 ? (
        <p>{t('devMailbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('devMailbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('devMailbox.time')}</th>
                <th scope="col">{t('devMailbox.to')}</th>
                <th scope="col">{t('devMailbox.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {mails.map((m) => (
                <tr key={m.id}>
                  <td>{f.date(m.createdAt, 'datetime')}</td>
                  <td className="break-anywhere">{m.to}</td>
                  <td>
                    <a href={`/dev/mailbox/${m.id}`}>{m.subject}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
