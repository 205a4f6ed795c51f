// /newsletters/subscribe: the public subscribe form (e-mail, language, consent with the privacy
// notice) → a confirmation mail with a link (double opt-in). Spam as on the event registration:
// a honeypot, a signed time check and a rate limit per IP. The answer is the same whether or not
// the address was already subscribed.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/subscribe';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rateLimitedAnswer, retryAfterOf, type FieldErrors, PrivacyConsent } from '../../ui/form';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { checkFormToken, issueFormToken } from '../../../src/features/intake/form-token.ts';
import { subscribableOrganizations } from '../../../src/features/newsletters/newsletters.queries.ts';
import { subscribeSchema } from '../../../src/features/newsletters/newsletters.validation.ts';
import { subscribe } from '../../../src/features/newsletters/subscriptions.ts';
import { NewsletterLinkError } from '../../../src/features/newsletters/newsletters.errors.ts';

const HONEYPOT = 'website';
const formFields = ['organization', 'email', 'language', 'consent'] as const;

async function pageData(state: RequestState) {
  return {
    organizations: await subscribableOrganizations(state.services.db),
    formToken: issueFormToken(state.services.config.sessionSecret),
    locale: state.locale,
    email: state.actor?.email ?? '',
  };
}

export function headers({ actionHeaders }: Route.HeadersArgs) {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getState(context);
  return { done: new URL(request.url).searchParams.get('done') === '1', ...(await pageData(state)) };
}

type PageData = Awaited<ReturnType<typeof pageData>>;
type ActionResult = { errors: FieldErrors; values: Record<string, string> } & PageData;

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const { services } = state;
  const page = await pageData(state);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && !(k in values)) values[k] = v;
  if (values[HONEYPOT] && values[HONEYPOT]!.trim() !== '') return redirect('/newsletters/subscribe?done=1');
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ ...page, errors, values }, { status });
  const time = checkFormToken(services.config.sessionSecret, values.formToken);
  if (time === 'tooFast') return fail({ form: 'intake.spam.tooFast' });
  if (time !== 'ok') return fail({ form: 'intake.spam.expired' });
  const parsed = subscribeSchema.safeParse(values);
  if (!parsed.success) return fail(fieldErrors(parsed.error));
  try {
    await enforceRateLimits(services.db, [[rateLimitRules.newsletterSubscribePerIp, state.clientIp]]);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { ...page, values });
    throw error;
  }
  try {
    await subscribe(services, { organizationId: parsed.data.organization, email: parsed.data.email, locale: parsed.data.language });
  } catch (error) {
    if (error instanceof NewsletterLinkError) return fail({ organization: 'newsletters.validation.organization' });
    throw error;
  }
  return redirect('/newsletters/subscribe?done=1');
}

export default function Subscribe() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const page = (result ?? loaded) as PageData;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const value = (field: string, fallback = '') => result?.values[field] ?? fallback;
  return (
    <div className="page">
      <title>{`${t('newsletters.subscribe.title')} – Työpeili`}</title>
      <p>
        <a href="/newsletters">{t('newsletters.archive.back')}</a>
      </p>
      <h1>{t('newsletters.subscribe.title')}</h1>
      <p className="lead">{t('newsletters.subscribe.lead')}</p>
      {loaded.done && !result ? (
        <p className="notice" role="status">
          {t('newsletters.subscribe.done')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', ...formFields]} retryAfterSeconds={retryAfterOf(result)} />
      <Form method="post" className="stack apply-form" noValidate>
        <input type="hidden" name="formToken" value={page.formToken} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={HONEYPOT}>{t('intake.apply.honeypot')}</label>
          <input type="text" id={HONEYPOT} name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <Field id="organization" label={t('newsletters.subscribe.organization')} error={err('organization')}>
          {(p) => (
            <select {...p} required aria-required="true" defaultValue={value('organization', page.organizations.length === 1 ? page.organizations[0]!.id : '')}>
              <option value="">{t('newsletters.form.choose')}</option>
              {page.organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="email" label={t('newsletters.subscribe.email')} error={err('email')}>
          {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" required aria-required="true" defaultValue={value('email', page.email)} />}
        </Field>
        <Field id="language" label={t('newsletters.subscribe.language')} error={err('language')}>
          {(p) => (
            <select {...p} defaultValue={value('language', page.locale)}>
              <option value="fi" lang="fi">
                Suomi
              </option>
              <option value="sv" lang="sv">
                Svenska
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          )}
        </Field>
        <PrivacyConsent label={t('newsletters.subscribe.consent')} error={err('consent')} checked={value('consent') === 'on'} />
        <p>
          <button type="submit" className="button">
            {t('newsletters.subscribe.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
