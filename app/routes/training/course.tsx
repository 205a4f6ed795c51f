// /training/:slug: a published course's public page — its sessions and the cohorts taking
// applications — with the application form (no account), as the application to a group: a
// plain POST that works without JavaScript, a honeypot, a signed time check and a rate limit.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/course';
import { getState } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { ErrorSummary, Field, fieldErrors, PrivacyConsent, RadioGroup, rateLimitedAnswer, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import { checkFormToken, issueFormToken } from '../../../src/features/intake/form-token.ts';
import { localized } from '../../../src/features/training/template.ts';
import { findCourseBySlug, listCourseSessions, openCohorts } from '../../../src/features/training/training.queries.ts';
import { applicationFormSchema } from '../../../src/features/training/training.validation.ts';
import { applyToCohort } from '../../../src/features/training/apply.ts';

const HONEYPOT = 'website';
const fields = ['cohortId', 'name', 'email', 'phone', 'background', 'motivation', 'locale', 'consent'] as const;

async function load(state: ReturnType<typeof getState>, slug: string | undefined) {
  const found = slug ? await findCourseBySlug(state.services.db, { slug }) : null;
  if (!found) throw data(null, { status: 404 });
  return found;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const { course, organizationName } = await load(state, params.slug);
  const db = state.services.db;
  const locale = state.locale;
  const sessions = await listCourseSessions(db, { organizationId: course.organizationId, courseId: course.id });
  const cohorts = await openCohorts(db, { organizationId: course.organizationId, courseId: course.id });
  return {
    applied: new URL(request.url).searchParams.get('done') === 'applied',
    slug: course.slug,
    title: localized(course.title, locale),
    description: localized(course.description, locale),
    organizationName,
    locale,
    sessions: sessions.map((s) => ({ position: s.position, title: localized(s.title, locale), description: localized(s.description, locale) })),
    cohorts: cohorts.map((c) => ({ id: c.cohort.id, name: c.cohort.name, firstStartsAt: c.firstStartsAt ? c.firstStartsAt.toISOString() : null })),
    formToken: issueFormToken(state.services.config.sessionSecret),
  };
}

export function headers({ actionHeaders }: Route.HeadersArgs) {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
}

type Values = Record<string, string>;
type ActionResult = { errors: FieldErrors; values: Values; formToken: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getState(context);
  const { course } = await load(state, params.slug);
  const { services } = state;
  const secret = services.config.sessionSecret;
  const form = await request.formData();
  const values: Values = {};
  for (const f of fields) {
    const v = form.get(f);
    if (typeof v === 'string') values[f] = v;
  }
  const honeypot = form.get(HONEYPOT);
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return redirect(`/training/${course.slug}?done=applied`);
  const postedToken = form.get('formToken');
  const time = checkFormToken(secret, postedToken);
  if (time === 'tooFast') return data<ActionResult>({ errors: { form: 'intake.spam.tooFast' }, values, formToken: issueFormToken(secret) }, { status: 400 });
  if (time !== 'ok') return data<ActionResult>({ errors: { form: 'intake.spam.expired' }, values, formToken: issueFormToken(secret) }, { status: 400 });
  const parsed = applicationFormSchema.safeParse({ ...values, phone: values.phone ?? '', background: values.background ?? '', motivation: values.motivation ?? '' });
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values, formToken: String(postedToken) }, { status: 400 });
  try {
    await enforceRateLimits(services.db, [[rateLimitRules.applicationPerIp, state.clientIp]]);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { values, formToken: String(postedToken) });
    throw error;
  }
  try {
    const { consent: _consent, ...input } = parsed.data;
    await applyToCohort(services, { ...input, organizationId: course.organizationId });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/training/${course.slug}?done=applied`);
}

export function meta() {
  return [];
}

export default function CoursePage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (ActionResult & { retryAfterSeconds?: number }) | undefined;
  const errors = result?.errors ?? {};
  const v = (f: string, fallback = '') => result?.values[f] ?? fallback;
  const err = (f: string) => (errors[f] ? t(errors[f] as MessageKey) : undefined);
  return (
    <div className="page">
      <PageMeta title={page.title} description={page.description} />
      <p>
        <a href="/training">{t('training.public.back')}</a>
      </p>
      <h1>{page.title}</h1>
      <p className="lead">{page.description}</p>
      <p>{t('training.public.organizer', { organization: page.organizationName })}</p>
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('training.public.sessions')}</h2>
        <ol>
          {page.sessions.map((s) => (
            <li key={s.position}>
              <strong>{s.title}</strong>
              <p>{s.description}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="apply-title" className="stack">
        <h2 id="apply-title">{t('training.apply.title')}</h2>
        {page.applied ? (
          <p role="status" className="notice">
            {t('training.apply.thanks')}
          </p>
        ) : null}
        {page.cohorts.length === 0 ? (
          <p>{t('training.apply.noCohorts')}</p>
        ) : (
          <Form method="post" className="stack" noValidate>
            <ErrorSummary errors={errors} order={['form', ...fields]} retryAfterSeconds={result?.retryAfterSeconds} />
            <input type="hidden" name="formToken" value={result?.formToken ?? page.formToken} />
            <div className="visually-hidden" aria-hidden="true">
              <label htmlFor={HONEYPOT}>{t('intake.apply.honeypot')}</label>
              <input id={HONEYPOT} name={HONEYPOT} tabIndex={-1} autoComplete="off" />
            </div>
            <RadioGroup
              name="cohortId"
              legend={t('training.apply.cohort')}
              error={err('cohortId')}
              options={page.cohorts.map((c, i) => ({
                value: c.id,
                label: c.firstStartsAt ? t('training.apply.cohortStarts', { name: c.name, when: format.date(c.firstStartsAt) }) : c.name,
                defaultChecked: v('cohortId') ? v('cohortId') === c.id : i === 0,
              }))}
            />
            <Field id="name" label={t('training.apply.name')} error={err('name')}>
              {(p) => <input {...p} defaultValue={v('name')} autoComplete="name" required />}
            </Field>
            <Field id="email" label={t('training.apply.email')} error={err('email')}>
              {(p) => <input {...p} type="email" defaultValue={v('email')} autoComplete="email" required />}
            </Field>
            <Field id="phone" label={t('training.apply.phone')} error={err('phone')}>
              {(p) => <input {...p} type="tel" defaultValue={v('phone')} autoComplete="tel" />}
            </Field>
            <Field id="background" label={t('training.apply.background')} hint={t('training.apply.backgroundHint')} error={err('background')}>
              {(p) => <textarea {...p} rows={3} defaultValue={v('background')} />}
            </Field>
            <Field id="motivation" label={t('training.apply.motivation')} error={err('motivation')}>
              {(p) => <textarea {...p} rows={5} defaultValue={v('motivation')} />}
            </Field>
            <RadioGroup
              name="locale"
              legend={t('training.apply.locale')}
              error={err('locale')}
              options={(['fi', 'sv', 'en'] as const).map((l) => ({ value: l, label: t(`training.locale.${l}` as MessageKey), defaultChecked: v('locale', page.locale) === l }))}
            />
            <PrivacyConsent label={t('training.apply.consent')} error={err('consent')} checked={v('consent') === 'on'} />
            <p>
              <button type="submit" className="button">
                {t('training.apply.submit')}
              </button>
            </p>
          </Form>
        )}
      </section>
    </div>
  );
}
