// /newsletters/unsubscribe/:token: the newsletter's unsubscribe link, no sign-in. GET shows a page
// with a button (link scanners follow links: GET never unsubscribes). POST unsubscribes and answers
// 200 with a page, no redirect — also the RFC 8058 one-click POST a mail provider sends
// (List-Unsubscribe=One-Click) with no Origin: server/app.ts lets this one path through the CSRF
// rule, and the signed token is what authorises it (ADR 028).
import { data, Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/unsubscribe';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { findUnsubscribeTarget, unsubscribeByToken } from '../../../src/features/newsletters/subscriptions.ts';
import { NewsletterLinkError } from '../../../src/features/newsletters/newsletters.errors.ts';

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const found = await findUnsubscribeTarget(state.services, params.token ?? '');
  if (!found) throw data({ invalid: true }, { status: 404 });
  return { organizationName: found.organizationName };
}

export async function action({ params, context }: Route.ActionArgs) {
  const state = getState(context);
  try {
    const { organizationName } = await unsubscribeByToken(state.services, params.token ?? '');
    return { done: true as const, organizationName };
  } catch (error) {
    if (error instanceof NewsletterLinkError) throw data({ invalid: true }, { status: 404 });
    throw error;
  }
}

export default function Unsubscribe() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const name = result?.organizationName ?? page.organizationName;
  return (
    <div className="page">
      <title>{`${t('newsletters.unsubscribe.title')} – Työpeili`}</title>
      <h1>{t('newsletters.unsubscribe.title')}</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {t('newsletters.unsubscribe.done', { organization: name })}
        </p>
      ) : (
        <Form method="post" className="stack">
          <p>{t('newsletters.unsubscribe.ask', { organization: name })}</p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <p>
            <button type="submit" className="button">
              {t('newsletters.unsubscribe.submit')}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
