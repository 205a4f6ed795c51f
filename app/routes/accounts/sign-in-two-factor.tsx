import { data, Form, redirect, useActionData, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/sign-in-two-factor';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, type FieldErrors, rateLimitedAnswer, retryAfterHeaders, retryAfterOf } from '../../ui/form';
import { completeSecondFactor } from '../../../src/features/accounts/second-factor.ts';
import { safeNext } from '../../../src/platform/http/safe-next.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';

const schema = z.object({ code: z.string().trim().min(6, 'auth.totpRequired').max(20), next: z.string().max(2000).optional() });

export function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  if (state.actor) throw redirect('/home');
  if (!state.sessionId) throw redirect('/sign-in');
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  if (!state.sessionId) throw redirect('/sign-in');
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ errors: { code: 'auth.totpRequired' } as FieldErrors }, { status: 400 });
  try {
    const ok = await completeSecondFactor(state.services, { sessionId: state.sessionId, code: parsed.data.code }, state.clientIp);
    if (!ok) return data({ errors: { code: 'auth.totpWrong' } as FieldErrors }, { status: 400 });
  } catch (error) {
    if (error instanceof RateLimitedError) {
      return rateLimitedAnswer(error, {});
    }
    throw error;
  }
  return redirect(safeNext(parsed.data.next, '/home'));
}

/** Passes the action's Retry-After (and other headers) on to the response. */
export const headers = retryAfterHeaders;

export default function TwoFactor() {
  const t = useT();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('auth.totpTitle')} – Työpeili`}</title>
      <h1>{t('auth.totpTitle')}</h1>
      <p>{t('auth.totpIntro')}</p>
      <ErrorSummary errors={errors} order={['form', 'code']} retryAfterSeconds={retryAfterOf(result)} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={params.get('next') ?? ''} />
        <Field id="code" label={t('auth.totpCode')} hint={t('auth.totpHint')} error={errors.code ? t(errors.code) : undefined}>
          {(p) => <input {...p} type="text" autoComplete="one-time-code" required maxLength={20} />}
        </Field>
        <div>
          <button type="submit" className="button">
            {t('auth.codeSubmit')}
          </button>
        </div>
      </Form>
    </div>
  );
}
