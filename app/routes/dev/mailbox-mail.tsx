import { useLoaderData } from 'react-router';
import type { Route } from './+types/mailbox-mail';
import { getState } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { devMailboxOpenTo, findDevMail } from '../../../src/platform/mail/dev-mailbox.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  if (!devMailboxOpenTo(state.services.config, { clientIp: state.clientIp, isAdmin: state.actor?.isAdmin ?? false })) throw new Response('Not Found', { status: 404 });
  const mail = await findDevMail(state.services.db, params.id);
  if (!mail) throw new Response('Not Found', { status: 404 });
  return { id: mail.id, to: mail.to, subject: mail.subject, text: mail.text, headers: Object.entries(mail.headers ?? {}), createdAt: mail.createdAt.toISOString() };
}

export default function DevMail() {
  const t = useT();
  const f = useFormat();
  const m = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${m.subject} – Työpeili`}</title>
      <p>
        <a href="/dev/mailbox">{t('devMailbox.back')}</a>
      </p>
      <h1>{m.subject}</h1>
      <dl>
        <dt>{t('devMailbox.to')}</dt>
        <dd>{m.to}</dd>
        <dt>{t('devMailbox.time')}</dt>
        <dd>{f.date(m.createdAt, 'datetime')}</dd>
        {m.headers.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <code>{value}</code>
            </dd>
          </div>
        ))}
      </dl>
      <pre className="mail">{m.text}</pre>
      <p>
        <a href={`/dev/mailbox/${m.id}/html`}>{t('devMailbox.htmlPart')}</a>
      </p>
    </div>
  );
}
