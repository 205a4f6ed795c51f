// /verify (no sign-in): type the code printed on a certificate (forgiving: case, spaces and dashes
// do not matter) and go to its answer; or paste an Open Badges credential (a VC-JWT) to have its
// signature checked here against the issuer's published key and its certificate's state looked up.
// Both are rate-limited per IP like the code page.
import { data, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/verify';
import { getState } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, rateLimitedAnswer, retryAfterHeaders, retryAfterOf, type FieldErrors } from '../../ui/form';
import { CredentialCheckForm, CredentialVerdict, VerifyCodeForm } from '../../ui/certificates';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { normalizeVerificationCode, formatVerificationCode } from '../../../src/features/certificates/verification-code.ts';
import { checkPastedCredential } from '../../../src/features/certificates/check-credential.ts';

export const headers = retryAfterHeaders;

export function loader({ request }: Route.LoaderArgs) {
  const typed = new URL(request.url).searchParams.get('code');
  if (typed === null) return { errors: {} as FieldErrors, code: '' };
  const code = normalizeVerificationCode(typed);
  if (code) throw redirect(`/verify/${formatVerificationCode(code)}`);
  return data({ errors: { code: 'certificates.verify.codeFormat' } as FieldErrors, code: typed.slice(0, 40) }, { status: 400 });
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const { db, config } = state.services;
  const fields = await formFields(request);
  const jwt = (fields.credential ?? '').trim();
  if (jwt === '' || jwt.length > 20_000) return data({ errors: { credential: 'certificates.check.empty' } as FieldErrors, result: null }, { status: 400 });
  try {
    await enforceRateLimits(db, [[rateLimitRules.certificateVerifyPerIp, state.clientIp]]);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { result: null });
    throw error;
  }
  const result = await checkPastedCredential(db, config, jwt);
  const date = (d: Date) => formatDateTime(state.locale, d, 'date');
  return {
    errors: {} as FieldErrors,
    result: result.ok
      ? { ok: true as const, status: result.status, name: result.name, issuer: result.issuer, validFrom: date(result.validFrom) }
      : { ok: false as const },
  };
}

export function meta() {
  return [];
}

export default function VerifyPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const checked = useActionData<typeof action>();
  return (
    <div className="page">
      <title>{`${t('certificates.verify.title')} – Työpeili`}</title>
      <h1>{t('certificates.verify.title')}</h1>
      <p className="lead">{t('certificates.verify.lead')}</p>
      <ErrorSummary errors={{ ...page.errors, ...(checked?.errors ?? {}) }} order={['form', 'code', 'credential']} retryAfterSeconds={retryAfterOf(checked)} />
      <VerifyCodeForm value={page.code} error={page.errors.code ? t(page.errors.code) : undefined} />
      <h2>{t('certificates.check.title')}</h2>
      <p>{t('certificates.check.lead')}</p>
      {checked?.result ? <CredentialVerdict result={checked.result} /> : null}
      <CredentialCheckForm error={checked?.errors.credential ? t(checked.errors.credential) : undefined} />
      <p>
        <a href="/.well-known/jwks.json">{t('certificates.check.keys')}</a>
      </p>
    </div>
  );
}
