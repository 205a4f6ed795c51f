import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/sign-in-code';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, type FieldErrors, rateLimitedAnswer, retryAfterHeaders, retryAfterOf } from '../../ui/form';
import { requestSignInCode, signInWithCode } from '../../../src/features/accounts/sign-in.ts';
import { signedInRedirect } from '../../../src/features/accounts/sign-in-response.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

const email = z.string().trim().min(1, 'auth.emailRequired').max(320).email('auth.emailInvalid');
const requestSchema = z.object({ step: z.literal('request'), email, next: z.string().max(2000).optional() });
const verifySchema = z.object({
  step: z.literal('verify'),
  email,
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, 'auth.codeFormat'),
  remember: z.literal('on').optional(),
  next: z.string().max(2000).optional(),
});

type Step = 'request' | 'verify';

export function loader({ context }: Route.LoaderArgs) {
  if (getState(context).actor) throw redirect('/home');
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const form = Object.fromEntries(await request.formData());
  const rawEmail = typeof form.email === 'string' ? form.email.slice(0, 320) : '';
  const client = { ip: state.clientIp, userAgent: request.headers.get('user-agent') };
  try {
    if (form.step === 'verify') {
      const parsed = verifySchema.safeParse(form);
      if (!parsed.success) return data({ step: 'verify' as Step, email: rawEmail, errors: fieldErrors(parsed.error) }, { status: 400 });
      const result = await signInWithCode(
        state.services,
        { email: parsed.data.email, code: parsed.data.code, rememberMe: parsed.data.remember === 'on' },
        client,
      );
      if (!result.ok) {
        // One message for a wrong, used, expired or unknown code: it must not tell whether the address has an account.
        const key: MessageKey = 'trust.auth.codeRejected';
        return data({ step: 'verify' as Step, email: rawEmail, errors: { code: key } as FieldErrors }, { status: 400 });
      }
      const { location, cookie } = signedInRedirect(state.services.config, result, parsed.data.next);
      return redirect(location, { headers: { 'Set-Cookie': cookie } });
    }
    const parsed = requestSchema.safeParse({ ...form, step: 'request' });
    if (!parsed.success) return data({ step: 'request' as Step, email: rawEmail, errors: fieldErrors(parsed.error) }, { status: 400 });
    await requestSignInCode(state.services, { email: parsed.data.email, locale: state.locale }, client);
    return data({ step: 'verify' as Step, email: parsed.data.email, errors: {} as FieldErrors, sent: true });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return rateLimitedAnswer(error, { step: (form.step === 'verify' ? 'verify' : 'request') as Step, email: rawEmail });
    }
    throw error;
  }
}

export function meta() {
  return [{ title: 'Työpeili' }];
}

/** Passes the action's Retry-After (and other headers) on to the response. */
export const headers = retryAfterHeaders;

export default function SignInWithCode() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const step: Step = result?.step ?? 'request';
  const errors = result?.errors ?? {};
  const next = params.get('next') ?? '';
  return (
    <div className="page">
      <title>{`${t('auth.codeTitle')} – Työpeili`}</title>
      <h1>{t('auth.codeTitle')}</h1>
      <ErrorSummary errors={errors} order={['form', 'email', 'code']} retryAfterSeconds={retryAfterOf(result)} />
      {step === 'request' ? (
        <>
          <p>{t('auth.codeIntro')}</p>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="step" value="request" />
            <input type="hidden" name="next" value={next} />
            <Field id="email" label={t('auth.email')} error={errors.email ? t(errors.email) : undefined}>
              {(p) => <input {...p} type="email" autoComplete="username" inputMode="email" required defaultValue={result?.email ?? ''} />}
            </Field>
            <div>
              <button type="submit" className="button">
                {t('auth.sendCode')}
              </button>
            </div>
          </Form>
        </>
      ) : (
        <>
          {result && 'sent' in result ? (
            <p className="notice" role="status">
              {t('auth.codeSent', { email: result.email })}
            </p>
          ) : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="step" value="verify" />
            <input type="hidden" name="email" value={result?.email ?? ''} />
            <input type="hidden" name="next" value={next} />
            <Field id="code" label={t('auth.code')} hint={t('auth.codeHint')} error={errors.code ? t(errors.code) : undefined}>
              {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required />}
            </Field>
            <Choice id="remember" name="remember" label={t('auth.rememberMe')} />
            <div>
              <button type="submit" className="button">
                {t('auth.codeSubmit')}
              </button>
            </div>
          </Form>
          <p>
            <a href="/sign-in/code">{t('auth.codeAgain')}</a>
          </p>
        </>
      )}
      <p>
        <a href="/sign-in">{t('auth.backToPassword')}</a>
      </p>
    </div>
  );
}
