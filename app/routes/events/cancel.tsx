// /events/cancel/:token: cancelling a registration by the mailed link, no sign-in. GET shows what
// would be cancelled (mail scanners follow links, so only the POST cancels); the seat goes to the
// first on the waiting list at once.
import { Form, redirect, useLoaderData } from 'react-router';
import type { Route } from './+types/cancel';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { cancelRegistrationByToken, findRegistrationByToken } from '../../../src/features/events/register.ts';
import { isCancelTokenShape } from '../../../src/features/events/registration-tokens.ts';
import { CancelLinkError } from '../../../src/features/events/events.errors.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getState(context);
  if (new URL(request.url).searchParams.get('done') === '1') return { state: 'done' as const };
  const token = params.token ?? '';
  const found = isCancelTokenShape(token) ? await findRegistrationByToken(state.services.db, token) : null;
  if (!found || found.registration.status === 'cancelled') return { state: 'invalid' as const };
  return {
    state: 'ask' as const,
    title: found.event.title,
    when: formatDateTime(state.locale, found.event.startsAt, 'weekday'),
    waitlisted: found.registration.status === 'waitlisted',
  };
}

export async function action({ params, context }: Route.ActionArgs) {
  const state = getState(context);
  const token = params.token ?? '';
  if (!isCancelTokenShape(token)) return { state: 'invalid' as const };
  try {
    await cancelRegistrationByToken(state.services, token);
  } catch (error) {
    if (error instanceof CancelLinkError) return { state: 'invalid' as const };
    throw error;
  }
  return redirect(`/events/cancel/${token}?done=1`);
}

export default function CancelRegistration() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('events.cancel.title')} – Työpeili`}</title>
      <h1>{t('events.cancel.title')}</h1>
      {page.state === 'done' ? (
        <p className="notice" role="status">
          {t('events.cancel.done')}
        </p>
      ) : page.state === 'invalid' ? (
        <p className="notice">{t('events.error.cancelLink')}</p>
      ) : (
        <Form method="post" className="stack">
          <p>{t(page.waitlisted ? 'events.cancel.askWaitlisted' : 'events.cancel.ask', { title: page.title, when: page.when })}</p>
          <p>
            <button type="submit" className="button">
              {t('events.cancel.submit')}
            </button>
          </p>
        </Form>
      )}
      <p>
        <a href="/events">{t('events.public.back')}</a>
      </p>
    </div>
  );
}
