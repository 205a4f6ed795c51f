// /newsletters/confirm/:token: the double opt-in link. GET asks (link scanners follow links), POST confirms.
import { data, Form, useActionData } from 'react-router';
import type { Route } from './+types/confirm';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { confirmSubscription } from '../../../src/features/newsletters/subscriptions.ts';
import { isConfirmTokenShape } from '../../../src/features/newsletters/newsletter-tokens.ts';
import { NewsletterLinkError } from '../../../src/features/newsletters/newsletters.errors.ts';

export async function loader({ params }: Route.LoaderArgs) {
  if (!isConfirmTokenShape(params.token ?? '')) throw data(null, { status: 404 });
  return {};
}

export async function action({ params, context }: Route.ActionArgs) {
  const state = getState(context);
  const token = params.token ?? '';
  if (!isConfirmTokenShape(token)) throw data(null, { status: 404 });
  try {
    return { done: true as const, ...(await confirmSubscription(state.services, token)) };
  } catch (error) {
    if (error instanceof NewsletterLinkError) return data({ done: false as const, organizationName: '' }, { status: 410 });
    throw error;
  }
}

export default function ConfirmSubscription() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <div className="page">
      <title>{`${t('newsletters.confirm.title')} – Työpeili`}</title>
      <h1>{t('newsletters.confirm.title')}</h1>
      {result?.done ? (
        <p className="notice" role="status">
          {t('newsletters.confirm.done', { organization: result.organizationName })}
        </p>
      ) : result ? (
        <p className="notice">{t('newsletters.error.link')}</p>
      ) : (
        <Form method="post" className="stack">
          <p>{t('newsletters.confirm.ask')}</p>
          <p>
            <button type="submit" className="button">
              {t('newsletters.confirm.submit')}
            </button>
          </p>
        </Form>
      )}
    </div>
  );
}
