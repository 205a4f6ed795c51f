// /events/:eventId: a public event and its registration form (no account needed; a signed-in
// person's account is linked). Spam as on the application form: a honeypot, a signed time check
// and a rate limit per IP. The online link is never on this page: it goes to registrants by mail.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/event';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { ErrorSummary, Field, fieldErrors, rateLimitedAnswer, retryAfterOf, type FieldErrors, PrivacyConsent } from '../../ui/form';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import { formatDateTime, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { uuidParam } from '../../lib/params.server';
import { checkFormToken, issueFormToken } from '../../../src/features/intake/form-token.ts';
import { findPublicEvent, isEventFull } from '../../../src/features/events/events.queries.ts';
import { isOpenForRegistration, registerForEvent } from '../../../src/features/events/register.ts';
import { registrationSchema } from '../../../src/features/events/events.validation.ts';
import { AlreadyRegisteredError, RegistrationClosedError } from '../../../src/features/events/events.errors.ts';

const HONEYPOT = 'website';
const formFields = ['name', 'email', 'organisation', 'dietaryNeeds', 'accessibilityNeeds', 'consent'] as const;

async function pageData(state: RequestState, eventId: string | undefined) {
  const event = await findPublicEvent(state.services.db, { eventId: uuidParam(eventId) });
  if (!event) throw data(null, { status: 404 });
  const now = new Date();
  return {
    event: {
      id: event.id,
      organizationId: event.organizationId,
      title: event.title,
      description: event.description,
      speakers: event.speakers,
      when: formatDateTime(state.locale, event.startsAt, 'weekday'),
      until: formatDateTime(state.locale, event.endsAt, 'time'),
      deadline: formatDateTime(state.locale, event.registrationDeadline, 'datetime'),
      venue: event.venue,
      online: event.onlineUrl !== null,
      cancelled: event.status === 'cancelled',
      open: isOpenForRegistration(event, now),
      full: await isEventFull(state.services.db, event),
    },
    signedIn: state.actor ? { name: state.actor.name, email: state.actor.email } : null,
    formToken: issueFormToken(state.services.config.sessionSecret),
  };
}

export function headers({ actionHeaders }: Route.HeadersArgs) {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const done = new URL(request.url).searchParams.get('done');
  return { done: done === 'confirmed' || done === 'waitlisted' ? done : null, ...(await pageData(state, params.eventId)) };
}

type PageData = Awaited<ReturnType<typeof pageData>>;
type ActionResult = { errors: FieldErrors; values: Record<string, string> } & PageData;

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getState(context);
  const { services } = state;
  const page = await pageData(state, params.eventId);
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && !(k in values)) values[k] = v;
  const honeypot = values[HONEYPOT];
  if (honeypot && honeypot.trim() !== '') return redirect(`/events/${page.event.id}?done=confirmed`);
  const fail = (errors: FieldErrors, status = 400) =>
    data<ActionResult>({ ...page, errors, values, formToken: issueFormToken(services.config.sessionSecret) }, { status });
  const time = checkFormToken(services.config.sessionSecret, values.formToken);
  if (time === 'tooFast') return fail({ form: 'intake.spam.tooFast' });
  if (time !== 'ok') return fail({ form: 'intake.spam.expired' });
  if (!page.event.open) return fail({ form: 'events.error.closed' }, 409);
  const parsed = registrationSchema.safeParse(values);
  if (!parsed.success) return fail(fieldErrors(parsed.error));
  try {
    await enforceRateLimits(services.db, [[rateLimitRules.eventRegistrationPerIp, state.clientIp]]);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { ...page, values });
    throw error;
  }
  try {
    const { registration } = await registerForEvent(state.actor, services, {
      organizationId: page.event.organizationId,
      eventId: page.event.id,
      ...parsed.data,
      locale: state.locale,
    });
    return redirect(`/events/${page.event.id}?done=${registration.status}`);
  } catch (error) {
    if (error instanceof AlreadyRegisteredError) return fail({ email: 'events.error.alreadyRegistered' }, 409);
    if (error instanceof RegistrationClosedError) return fail({ form: 'events.error.closed' }, 409);
    throw error;
  }
}

/** The page's own <title>, description and Open Graph tags come from PageMeta (not the root's). */
export function meta() {
  return [];
}

export default function EventPage() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const page = (result ?? loaded) as PageData;
  const { event } = page;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const text = (field: string, fallback = '') => result?.values[field] ?? fallback;
  return (
    <div className="page">
      <PageMeta title={event.title} description={event.description.slice(0, 160)} type="article" />
      <p>
        <a href="/events">{t('events.public.back')}</a>
      </p>
      <h1>{event.title}</h1>
      {event.cancelled ? <p className="notice">{t('events.public.cancelled')}</p> : null}
      {loaded.done && !result ? (
        <p className="notice" role="status">
          {loaded.done === 'confirmed' ? t('events.public.doneConfirmed') : t('events.public.doneWaitlisted')}
        </p>
      ) : null}
      <dl>
        <dt>{t('events.public.when')}</dt>
        <dd>
          {event.when}–{event.until}
        </dd>
        {event.venue ? (
          <>
            <dt>{t('events.public.venue')}</dt>
            <dd>{event.venue}</dd>
          </>
        ) : null}
        {event.online ? (
          <>
            <dt>{t('events.public.onlineTitle')}</dt>
            <dd>{t('events.public.onlineHint')}</dd>
          </>
        ) : null}
        {event.speakers ? (
          <>
            <dt>{t('events.public.speakers')}</dt>
            <dd>{event.speakers}</dd>
          </>
        ) : null}
      </dl>
      {event.description.split(/\n{2,}/).map((para, i) => (
        <p key={i}>{para}</p>
      ))}
      {event.open ? (
        <section aria-labelledby="register-heading">
          <h2 id="register-heading">{t('events.public.register')}</h2>
          <p>{event.full ? t('events.public.fullHint') : t('events.public.deadline', { deadline: event.deadline })}</p>
          <ErrorSummary errors={errors} order={['form', ...formFields]} retryAfterSeconds={retryAfterOf(result)} />
          <Form method="post" className="stack apply-form" noValidate>
            <input type="hidden" name="formToken" value={page.formToken} />
            <div className="visually-hidden" aria-hidden="true">
              <label htmlFor={HONEYPOT}>{t('intake.apply.honeypot')}</label>
              <input type="text" id={HONEYPOT} name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <Field id="name" label={t('events.field.name')} error={err('name')}>
              {(p) => <input {...p} type="text" autoComplete="name" required aria-required="true" defaultValue={text('name', page.signedIn?.name)} />}
            </Field>
            <Field id="email" label={t('events.field.email')} error={err('email')}>
              {(p) => (
                <input
                  {...p}
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  required
                  aria-required="true"
                  defaultValue={text('email', page.signedIn?.email)}
                />
              )}
            </Field>
            <Field id="organisation" label={t('events.field.organisation')} error={err('organisation')}>
              {(p) => <input {...p} type="text" autoComplete="organization" defaultValue={text('organisation')} />}
            </Field>
            <Field id="dietaryNeeds" label={t('events.field.dietaryNeeds')} hint={t('events.field.needsHint')} error={err('dietaryNeeds')}>
              {(p) => <input {...p} type="text" defaultValue={text('dietaryNeeds')} />}
            </Field>
            <Field id="accessibilityNeeds" label={t('events.field.accessibilityNeeds')} hint={t('events.field.needsHint')} error={err('accessibilityNeeds')}>
              {(p) => <input {...p} type="text" defaultValue={text('accessibilityNeeds')} />}
            </Field>
            <PrivacyConsent label={t('events.field.consent')} error={err('consent')} checked={text('consent') === 'on'} />
            <p>
              <button type="submit" className="button">
                {event.full ? t('events.public.submitWaitlist') : t('events.public.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : !event.cancelled ? (
        <p className="notice">{t('events.error.closed')}</p>
      ) : null}
    </div>
  );
}
