import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/reset-password-token';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, type FieldErrors } from '../../ui/form';
import { isResetTokenValid, resetPassword } from '../../../src/features/accounts/password-reset.ts';
import { clearedSessionCookie } from '../../../src/features/accounts/cookies.ts';

const schema = z.object({ password: z.string().min(1, 'auth.passwordRequired').max(1024), confirm: z.string().max(1024) });

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const valid = await isResetTokenValid(state.services.db, params.token);
  return data({ valid }, { status: valid ? 200 : 410 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getState(context);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: { password: parsed.error.issues[0]!.message } as FieldErrors }, { status: 400 });
  if (parsed.data.password !== parsed.data.confirm) return data({ errors: { confirm: 'auth.passwordsDiffer' } as FieldErrors }, { status: 400 });
  const result = await resetPassword(state.services, { token: params.token, password: parsed.data.password });
  if (!result.ok) return data({ errors: { [result.field === 'token' ? 'form' : 'password']: result.error } as FieldErrors }, { status: result.field === 'token' ? 410 : 400 });
  return redirect('/sign-in?reset=done', { headers: { 'Set-Cookie': clearedSessionCookie(state.services.config.isProduction) } });
}

export default function SetNewPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('auth.newPasswordTitle')} – Työpeili`}</title>
      <h1>{t('auth.newPasswordTitle')}</h1>
      {!valid ? (
        <>
          <p className="notice">{t('auth.resetLinkInvalid')}</p>
          <p>
            <a href="/reset-password">{t('auth.resetAgain')}</a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary errors={errors} order={['form', 'password', 'confirm']} />
          <Form method="post" className="stack" noValidate>
            <Field id="password" label={t('auth.newPassword')} hint={t('auth.passwordRules')} error={errors.password ? t(errors.password) : undefined}>
              {(p) => <input {...p} type="password" autoComplete="new-password" required minLength={12} />}
            </Field>
            <Field id="confirm" label={t('auth.confirmPassword')} error={errors.confirm ? t(errors.confirm) : undefined}>
              {(p) => <input {...p} type="password" autoComplete="new-password" required />}
            </Field>
            <div>
              <button type="submit" className="button">
                {t('auth.savePassword')}
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
