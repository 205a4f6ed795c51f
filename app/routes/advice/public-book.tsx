// /advice/public: booking advice without an account, from the public site. Organisation and
// topic by a GET form, then a free slot and the application's details (name, e-mail, company,
// municipality, consent). The slot is held for 30 minutes until the e-mailed link confirms it.
// Spam as on the application form: a honeypot, a signed time check and a rate limit per IP.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/public-book';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { Choice, ErrorSummary, Field, fieldErrors, rateLimitedAnswer, retryAfterOf, type FieldErrors, PrivacyConsent } from '../../ui/form';
import { SlotPicker } from '../../ui/advice';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { checkFormToken, issueFormToken } from '../../../src/features/intake/form-token.ts';
import { municipalities, municipalityName, regions } from '../../../src/features/places/municipalities.ts';
import { guestSchema } from '../../../src/features/advice/advice.validation.ts';
import { holdPublicSession } from '../../../src/features/advice/book-session.ts';
import { SlotTakenError } from '../../../src/features/advice/advice.errors.ts';
import { findFreeSlots, listAdviceOrganizations, listOfferedTopics } from '../../../src/features/advice/free-slots.ts';
import { parseSlotKey } from '../../../src/features/advice/slots.ts';
import { isAdviceTopic, topicLabel } from '../../../src/features/advice/topics.ts';

const HONEYPOT = 'website';
const guestFields = ['name', 'email', 'companyName', 'businessId', 'municipality', 'locale', 'consent'] as const;

async function pageData(state: RequestState, orgParam: string | null, topicParam: string | null) {
  const { db } = state.services;
  const organizations = await listAdviceOrganizations(db);
  const org = organizations.find((o) => o.id === orgParam || o.slug === orgParam) ?? (organizations.length === 1 ? organizations[0]! : null);
  const topics = org ? await listOfferedTopics(db, { organizationId: org.id }) : [];
  const topic = topicParam && topics.includes(topicParam) ? topicParam : null;
  const slots = org && topic ? await findFreeSlots(db, { organizationId: org.id, topic, now: new Date() }) : [];
  const collator = new Intl.Collator(state.locale);
  return {
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    organizationId: org?.id ?? null,
    topics: topics.map((code) => ({ code, label: topicLabel(code, state.locale) })),
    topic,
    slots: slots.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    locale: state.locale,
    formToken: issueFormToken(state.services.config.sessionSecret),
    regions: regions.map((r) => ({
      code: r.code,
      label: r[state.locale],
      municipalities: municipalities
        .filter((m) => m.region === r.fi)
        .map((m) => ({ code: m.code, label: municipalityName(m.code, state.locale) ?? m.fi }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    })),
  };
}

export function headers({ actionHeaders }: Route.HeadersArgs) {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getState(context);
  const url = new URL(request.url);
  if (url.searchParams.get('done') === 'sent') return { sent: true as const };
  return { sent: false as const, ...(await pageData(state, url.searchParams.get('org'), url.searchParams.get('topic'))) };
}

type PageData = Awaited<ReturnType<typeof pageData>>;
type ActionResult = { errors: FieldErrors; values: Record<string, string> } & PageData;

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const { services } = state;
  const form = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === 'string' && !(k in values)) values[k] = v;
  const honeypot = values[HONEYPOT];
  if (honeypot && honeypot.trim() !== '') return redirect('/advice/public?done=sent');
  const page = await pageData(state, values.organizationId ?? null, values.topic ?? null);
  const fail = (errors: FieldErrors, status = 400) =>
    data<ActionResult>({ ...page, errors, values, formToken: issueFormToken(services.config.sessionSecret) }, { status });
  const time = checkFormToken(services.config.sessionSecret, values.formToken);
  if (time === 'tooFast') return fail({ form: 'intake.spam.tooFast' });
  if (time !== 'ok') return fail({ form: 'intake.spam.expired' });
  if (!page.organizationId || !page.topic || !values.topic || !isAdviceTopic(values.topic)) return fail({ form: 'advice.validation.topicRequired' });
  const slot = parseSlotKey(values.slot ?? '');
  const parsed = guestSchema.safeParse(values);
  if (!slot || !parsed.success) {
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (!slot) errors.slot = 'advice.validation.slotRequired';
    return fail(errors);
  }
  try {
    await enforceRateLimits(services.db, [[rateLimitRules.adviceBookingPerIp, state.clientIp]]);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { ...page, values });
    throw error;
  }
  try {
    await holdPublicSession(services, {
      organizationId: page.organizationId,
      advisorUserId: slot.advisorUserId,
      startsAt: slot.startsAt,
      topic: page.topic,
      ...parsed.data,
    });
  } catch (error) {
    if (error instanceof SlotTakenError) return fail({ slot: 'advice.error.slotTaken' }, 409);
    throw error;
  }
  return redirect('/advice/public?done=sent');
}

/** The page's own <title>, description and Open Graph tags come from PageMeta (not the root's). */
export function meta() {
  return [];
}

export default function PublicBook() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  if (loaded.sent && !result) {
    return (
      <div className="page">
        <PageMeta title={t('advice.public.sentTitle')} description={t('advice.public.lead')} />
        <h1>{t('advice.public.sentTitle')}</h1>
        <p className="lead">{t('advice.public.sent')}</p>
        <p>
          <a href="/">{t('advice.public.front')}</a>
        </p>
      </div>
    );
  }
  const page = (result ?? loaded) as PageData;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const text = (field: string, fallback = '') => result?.values[field] ?? fallback;
  return (
    <div className="page">
      <PageMeta title={t('advice.public.title')} description={t('advice.public.lead')} />
      <h1>{t('advice.public.title')}</h1>
      <p className="lead">{t('advice.public.lead')}</p>
      <ErrorSummary errors={errors} order={['form', 'slot', ...guestFields]} retryAfterSeconds={retryAfterOf(result)} />
      {page.organizations.length === 0 ? (
        <p className="notice">{t('advice.book.noTopics')}</p>
      ) : (
        <Form method="get" className="stack">
          {page.organizations.length > 1 ? (
            <Field id="org" label={t('advice.public.organization')}>
              {(p) => (
                <select {...p} defaultValue={page.organizationId ?? ''}>
                  <option value="">{t('intake.choose')}</option>
                  {page.organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <input type="hidden" name="org" value={page.organizationId ?? ''} />
          )}
          {page.topics.length ? (
            <Field id="topic" label={t('advice.book.topic')}>
              {(p) => (
                <select {...p} defaultValue={page.topic ?? ''}>
                  <option value="">{t('intake.choose')}</option>
                  {page.topics.map((o) => (
                    <option key={o.code} value={o.code}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <p>
            <button type="submit" className="button button--secondary">
              {t('advice.book.showSlots')}
            </button>
          </p>
        </Form>
      )}
      {page.topic && page.organizationId ? (
        page.slots.length ? (
          <Form method="post" className="stack apply-form" noValidate>
            <input type="hidden" name="formToken" value={page.formToken} />
            <input type="hidden" name="organizationId" value={page.organizationId} />
            <input type="hidden" name="topic" value={page.topic} />
            <div className="visually-hidden" aria-hidden="true">
              <label htmlFor={HONEYPOT}>{t('intake.apply.honeypot')}</label>
              <input type="text" id={HONEYPOT} name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <SlotPicker slots={page.slots} legend={t('advice.book.slot')} error={err('slot')} />
            <fieldset className="stack">
              <legend className="apply-legend">{t('advice.public.aboutYou')}</legend>
              <Field id="name" label={t('intake.field.name')} error={err('name')}>
                {(p) => <input {...p} type="text" autoComplete="name" required aria-required="true" defaultValue={text('name')} />}
              </Field>
              <Field id="email" label={t('intake.field.email')} hint={t('advice.public.emailHint')} error={err('email')}>
                {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" required aria-required="true" defaultValue={text('email')} />}
              </Field>
              <Field id="companyName" label={t('intake.field.companyNameOptional')} error={err('companyName')}>
                {(p) => <input {...p} type="text" autoComplete="organization" defaultValue={text('companyName')} />}
              </Field>
              <Field id="businessId" label={t('intake.field.businessIdOptional')} hint={t('intake.hint.businessId')} error={err('businessId')}>
                {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} defaultValue={text('businessId')} />}
              </Field>
              <Field id="municipality" label={t('intake.field.municipality')} error={err('municipality')}>
                {(p) => (
                  <select {...p} required aria-required="true" defaultValue={text('municipality')}>
                    <option value="">{t('intake.choose')}</option>
                    {page.regions.map((r) => (
                      <optgroup key={r.code} label={r.label}>
                        {r.municipalities.map((m) => (
                          <option key={m.code} value={m.code}>
                            {m.label}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                )}
              </Field>
              <fieldset className="field" aria-describedby={errors.locale ? 'locale-error' : undefined}>
                <legend>{t('intake.field.locale')}</legend>
                {errors.locale ? (
                  <p className="error-text" id="locale-error">
                    {err('locale')}
                  </p>
                ) : null}
                {(['fi', 'sv', 'en'] as const).map((l, i) => (
                  <Choice
                    type="radio"
                    key={l}
                    name="locale"
                    id={i === 0 ? 'locale' : `locale-${l}`}
                    value={l}
                    defaultChecked={text('locale', page.locale) === l}
                    label={t(`intake.locale.${l}`)}
                  />
                ))}
              </fieldset>
            </fieldset>
            <PrivacyConsent label={t('advice.public.consent')} error={err('consent')} checked={text('consent') === 'on'} />
            <p>
              <button type="submit" className="button">
                {t('advice.public.submit')}
              </button>
            </p>
          </Form>
        ) : (
          <p className="notice">{t('advice.book.noSlots')}</p>
        )
      ) : null}
    </div>
  );
}
