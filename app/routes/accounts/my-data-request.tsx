// /my-data: people without an account ask for an e-mailed link to their data (issue 18).
import { data, Form, useActionData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/my-data-request';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, type FieldErrors, rateLimitedAnswer, retryAfterHeaders, retryAfterOf } from '../../ui/form';
import { requestDataLink } from '../../../src/features/privacy/data-link.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';

const schema = z.object({ email: z.string().trim().min(1, 'auth.emailRequired').max(320).email('auth.emailInvalid') });

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  const email = typeof form.email === 'string' ? form.email.slice(0, 320) : '';
  if (!parsed.success) return data({ errors: { email: parsed.error.issues[0]!.message } as FieldErrors, email, sent: false }, { status: 400 });
  try {
    await requestDataLink(state.services, { email: parsed.data.email, locale: state.locale }, state.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { email, sent: false });
    throw error;
  }
  return data({ errors: {} as FieldErrors, email: parsed.data.email, sent: true });
}

export const headers = retryAfterHeaders;

export default function MyDataRequest() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('guestdata.title')} – Työpeili`}</title>
      <h1>{t('guestdata.title')}</h1>
      {result?.sent ? (
        <p className="notice notice--success" role="status">
          {t('guestdata.sent', { email: result.email })}
        </p>
      ) : (
        <>
          <p>{t('guestdata.intro')}</p>
          <ErrorSummary errors={errors} order={['form', 'email']} retryAfterSeconds={retryAfterOf(result)} />
          <Form method="post" className="stack" noValidate>
            <Field id="email" label={t('auth.email')} error={errors.email ? t(errors.email) : undefined}>
              {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" required defaultValue={result?.email ?? ''} />}
            </Field>
            <div>
              <button type="submit" className="button">
                {t('guestdata.send')}
              </button>
            </div>
          </Form>
        </>
      )}
      <p>
        <a href="/privacy">{t('privacy.title')}</a>
      </p>
    </div>
  );
}
