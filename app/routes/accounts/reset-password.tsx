import { data, Form, useActionData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/reset-password';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, type FieldErrors, rateLimitedAnswer, retryAfterHeaders, retryAfterOf } from '../../ui/form';
import { requestPasswordReset } from '../../../src/features/accounts/password-reset.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';

const schema = z.object({ email: z.string().trim().min(1, 'auth.emailRequired').max(320).email('auth.emailInvalid') });

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  const email = typeof form.email === 'string' ? form.email.slice(0, 320) : '';
  if (!parsed.success) return data({ errors: { email: parsed.error.issues[0]!.message } as FieldErrors, email, sent: false }, { status: 400 });
  try {
    await requestPasswordReset(state.services, { email: parsed.data.email, locale: state.locale }, state.clientIp);
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return rateLimitedAnswer(error, { email, sent: false });
    }
    throw error;
  }
  return data({ errors: {} as FieldErrors, email: parsed.data.email, sent: true });
}

/** Passes the action's Retry-After (and other headers) on to the response. */
export const headers = retryAfterHeaders;

export default function ResetPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('auth.resetTitle')} – Työpeili`}</title>
      <h1>{t('auth.resetTitle')}</h1>
      {result?.sent ? (
        <p className="notice notice--success" role="status">
          {t('auth.resetSent', { email: result.email })}
        </p>
      ) : (
        <>
          <p>{t('auth.resetIntro')}</p>
          <ErrorSummary errors={errors} order={['form', 'email']} retryAfterSeconds={retryAfterOf(result)} />
          <Form method="post" className="stack" noValidate>
            <Field id="email" label={t('auth.email')} error={errors.email ? t(errors.email) : undefined}>
              {(p) => <input {...p} type="email" autoComplete="username" inputMode="email" required defaultValue={result?.email ?? ''} />}
            </Field>
            <div>
              <button type="submit" className="button">
                {t('auth.resetSend')}
              </button>
            </div>
          </Form>
        </>
      )}
      <p>
        <a href="/sign-in">{t('auth.backToSignIn')}</a>
      </p>
    </div>
  );
}
