import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/sign-in';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, type FieldErrors, rateLimitedAnswer, retryAfterHeaders, retryAfterOf } from '../../ui/form';
import { signInWithPassword } from '../../../src/features/accounts/sign-in.ts';
import { signedInRedirect } from '../../../src/features/accounts/sign-in-response.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';

const schema = z.object({
  email: z.string().trim().min(1, 'auth.emailRequired').max(320).email('auth.emailInvalid'),
  password: z.string().min(1, 'auth.passwordRequired').max(1024),
  remember: z.literal('on').optional(),
  next: z.string().max(2000).optional(),
});

export function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  if (state.actor) throw redirect('/home');
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  const email = typeof form.email === 'string' ? form.email.slice(0, 320) : '';
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), email }, { status: 400 });
  }
  try {
    const result = await signInWithPassword(
      state.services,
      { email: parsed.data.email, password: parsed.data.password, rememberMe: parsed.data.remember === 'on' },
      { ip: state.clientIp, userAgent: request.headers.get('user-agent') },
    );
    if (!result.ok) return data({ errors: { form: 'auth.invalidCredentials' } as FieldErrors, email }, { status: 400 });
    const { location, cookie } = signedInRedirect(state.services.config, result, parsed.data.next);
    return redirect(location, { headers: { 'Set-Cookie': cookie } });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return rateLimitedAnswer(error, { email });
    }
    throw error;
  }
}

export function meta() {
  return [{ title: 'Työpeili' }];
}

/** Passes the action's Retry-After (and other headers) on to the response. */
export const headers = retryAfterHeaders;

export default function SignIn() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('auth.signInTitle')} – Työpeili`}</title>
      <h1>{t('auth.signInTitle')}</h1>
      {params.get('reset') === 'done' ? (
        <p className="notice notice--success" role="status">
          {t('auth.resetDone')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'email', 'password']} retryAfterSeconds={retryAfterOf(result)} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={params.get('next') ?? ''} />
        <Field id="email" label={t('auth.email')} error={errors.email ? t(errors.email) : undefined}>
          {(p) => <input {...p} type="email" autoComplete="username" inputMode="email" required defaultValue={result?.email ?? ''} />}
        </Field>
        <Field id="password" label={t('auth.password')} error={errors.password ? t(errors.password) : undefined}>
          {(p) => <input {...p} type="password" autoComplete="current-password" required />}
        </Field>
        <Choice id="remember" name="remember" aria-describedby="remember-hint" label={t('auth.rememberMe')} />
        <p className="hint" id="remember-hint">
          {t('auth.rememberMeHint')}
        </p>
        <div>
          <button type="submit" className="button">
            {t('auth.signInButton')}
          </button>
        </div>
      </Form>
      <section aria-labelledby="other-ways">
        <h2 id="other-ways">{t('auth.otherWays')}</h2>
        <ul className="plain-list">
          <li>
            <a href="/sign-in/code">{t('auth.useCodeLink')}</a>
          </li>
          <li>
            <a href="/reset-password">{t('auth.forgotPassword')}</a>
          </li>
        </ul>
      </section>
    </div>
  );
}
