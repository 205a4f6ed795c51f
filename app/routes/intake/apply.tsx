// /apply: the public application form (no account). Works without JavaScript:
// a plain POST; bad input re-renders the form with an error summary and a message
// per field, and nothing is saved. Spam: a honeypot, a signed time check and a
// rate limit per IP — no third-party captcha.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/apply';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import { Choice, ErrorSummary, Field, fieldErrors, rateLimitedAnswer, retryAfterOf, type FieldErrors, PrivacyConsent } from '../../ui/form';
import { RateLimitedError } from '../../../src/platform/errors.ts';
import type { Locale, MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { companySizeLabel, companySizes, sectors } from '../../../src/features/companies/sectors.ts';
import { municipalities, municipalityName, regions } from '../../../src/features/places/municipalities.ts';
import { meetingFormats } from '../../../src/features/intake/intake.schema.ts';
import { checkFormToken, issueFormToken } from '../../../src/features/intake/form-token.ts';
import { listApplyOrganizations } from '../../../src/features/intake/intake.queries.ts';
import {
  applicationFields,
  applicationInputFromForm,
  applicationLocales,
  applicationSchema,
  birthYearRange,
} from '../../../src/features/intake/intake.validation.ts';
import { submitApplication } from '../../../src/features/intake/submit-application.ts';
import { chooseOrganizer } from '../../../src/features/intake/choose-organizer.ts';
import { servedByMunicipality } from '../../../src/features/organizations/served-municipalities.ts';

/** The honeypot's name: a field people never see; bots fill it. */
const HONEYPOT = 'website';

function options(locale: Locale) {
  const collator = new Intl.Collator(locale);
  return {
    sectors: sectors.map((s) => ({ code: s.code, label: s[locale] })),
    sizes: companySizes.map((code) => ({ code, label: companySizeLabel(code, locale) ?? code })),
    regions: regions.map((r) => ({
      code: r.code,
      label: r[locale],
      municipalities: municipalities
        .filter((m) => m.region === r.fi)
        .map((m) => ({ code: m.code, label: municipalityName(m.code, locale) ?? m.fi }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    })),
    birthYears: birthYearRange(),
  };
}

async function pageData(state: RequestState, preselect: string | null) {
  const organizations = await listApplyOrganizations(state.services.db);
  // With several organisers the form leaves the choice to the municipality unless a link named one (?org=).
  const chosen = organizations.find((o) => o.slug === preselect || o.id === preselect) ?? (organizations.length === 1 ? organizations[0]! : null);
  return {
    organizations: organizations.map((o) => ({ id: o.id, name: o.name })),
    served: await servedByMunicipality(state.services.db, { organizationIds: organizations.map((o) => o.id) }),
    defaultOrganizationId: chosen?.id ?? '',
    locale: state.locale,
    formToken: issueFormToken(state.services.config.sessionSecret),
    ...options(state.locale),
  };
}

/** The rate limit's Retry-After travels with the action's answer. */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  const retryAfter = actionHeaders.get('Retry-After');
  return retryAfter ? { 'Retry-After': retryAfter } : new Headers();
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getState(context);
  return pageData(state, new URL(request.url).searchParams.get('org'));
}

type Values = Record<string, string | string[]>;
type ActionResult = { errors: FieldErrors; values: Values; formToken: string; askAmong?: string[] };

function valuesOf(form: FormData): Values {
  const values: Values = {};
  for (const field of applicationFields) values[field] = field === 'formats' ? form.getAll(field).map(String) : String(form.get(field) ?? '');
  return values;
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const { services } = state;
  const form = await request.formData();
  const secret = services.config.sessionSecret;
  const values = valuesOf(form);
  const fail = (errors: FieldErrors, status: number, formToken: string) => data<ActionResult>({ errors, values, formToken }, { status });

  // Honeypot filled: a bot. Answer as if all went well; save nothing.
  const honeypot = form.get(HONEYPOT);
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return redirect('/apply/thanks');

  const postedToken = form.get('formToken');
  const time = checkFormToken(secret, postedToken);
  if (time === 'tooFast') return fail({ form: 'intake.spam.tooFast' }, 400, issueFormToken(secret));
  if (time !== 'ok') return fail({ form: 'intake.spam.expired' }, 400, issueFormToken(secret));

  // The organiser: the one chosen, else the one serving the municipality; asked when that is not one.
  const organizations = await listApplyOrganizations(services.db);
  const input = applicationInputFromForm(form);
  const organizer = await chooseOrganizer(services.db, {
    organizationIds: organizations.map((o) => o.id),
    posted: String(input.organizationId ?? ''),
    municipality: String(input.municipality ?? ''),
  });
  input.organizationId = organizer.kind === 'chosen' ? organizer.organizationId : '';
  const askAmong = organizer.kind === 'ask' ? organizer.among : undefined;
  const parsed = applicationSchema().safeParse(input);
  if (!parsed.success || askAmong) {
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    if (askAmong) errors.organizationId = input.municipality ? 'intake.validation.organizationAsk' : 'intake.validation.organizationRequired';
    return data<ActionResult>({ errors, values, formToken: String(postedToken), askAmong }, { status: 400 });
  }

  try {
    await enforceRateLimits(services.db, [[rateLimitRules.applicationPerIp, state.clientIp]]);
  } catch (error) {
    if (error instanceof RateLimitedError) return rateLimitedAnswer(error, { values, formToken: String(postedToken) });
    throw error;
  }
  await submitApplication(services, parsed.data);
  return redirect('/apply/thanks');
}

const summaryOrder = ['form', ...applicationFields];

/** The page's own <title>, description and Open Graph tags come from PageMeta (not the root's). */
export function meta() {
  return [];
}

export default function Apply() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values;
  const text = (field: string, fallback = '') => {
    const v = values?.[field];
    return typeof v === 'string' ? v : fallback;
  };
  const err = (field: string): string | undefined => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const chosenFormats = values ? (values.formats as string[]) : [];
  const chosenLocale = text('locale', page.locale);
  const fieldsetProps = (field: string) => ({ 'aria-describedby': errors[field] ? `${field}-error` : undefined });

  if (page.organizations.length === 0) {
    return (
      <div className="page">
        <PageMeta title={t('intake.apply.title')} description={t('intake.apply.lead')} />
        <h1>{t('intake.apply.title')}</h1>
        <p className="notice">{t('intake.apply.closed')}</p>
      </div>
    );
  }

  return (
    <div className="page">
      <PageMeta title={t('intake.apply.title')} description={t('intake.apply.lead')} />
      <h1>{t('intake.apply.title')}</h1>
      <p className="lead">{t('intake.apply.lead')}</p>
      <p>{t('intake.apply.required')}</p>
      <ErrorSummary errors={errors} order={summaryOrder} retryAfterSeconds={retryAfterOf(result)} />
      <Form method="post" className="stack apply-form" noValidate>
        <input type="hidden" name="formToken" value={result?.formToken ?? page.formToken} />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor={HONEYPOT}>{t('intake.apply.honeypot')}</label>
          <input type="text" id={HONEYPOT} name={HONEYPOT} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <fieldset className="stack">
          <legend className="apply-legend">{t('intake.apply.aboutYou')}</legend>
          <Field id="name" label={t('intake.field.name')} error={err('name')}>
            {(p) => <input {...p} type="text" autoComplete="name" required aria-required="true" defaultValue={text('name')} />}
          </Field>
          <Field id="email" label={t('intake.field.email')} hint={t('intake.hint.email')} error={err('email')}>
            {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" required aria-required="true" defaultValue={text('email')} />}
          </Field>
          <Field id="phone" label={t('intake.field.phoneOptional')} error={err('phone')}>
            {(p) => <input {...p} type="tel" autoComplete="tel" defaultValue={text('phone')} />}
          </Field>
          <Field id="birthYear" label={t('intake.field.birthYear')} hint={t('intake.hint.birthYear')} error={err('birthYear')}>
            {(p) => (
              <input
                {...p}
                type="number"
                inputMode="numeric"
                min={page.birthYears.min}
                max={page.birthYears.max}
                step={1}
                autoComplete="bday-year"
                required
                aria-required="true"
                defaultValue={text('birthYear')}
              />
            )}
          </Field>
          <fieldset className="field" {...fieldsetProps('locale')}>
            <legend>{t('intake.field.locale')}</legend>
            {errors.locale ? (
              <p className="error-text" id="locale-error">
                {err('locale')}
              </p>
            ) : null}
            {applicationLocales.map((l, i) => (
              <Choice
                type="radio"
                key={l}
                name="locale"
                id={i === 0 ? 'locale' : `locale-${l}`}
                value={l}
                defaultChecked={chosenLocale === l}
                label={t(`intake.locale.${l}`)}
              />
            ))}
          </fieldset>
        </fieldset>

        <fieldset className="stack">
          <legend className="apply-legend">{t('intake.apply.aboutCompany')}</legend>
          <Field id="companyName" label={t('intake.field.companyNameOptional')} error={err('companyName')}>
            {(p) => <input {...p} type="text" autoComplete="organization" defaultValue={text('companyName')} />}
          </Field>
          <Field id="businessId" label={t('intake.field.businessIdOptional')} hint={t('intake.hint.businessId')} error={err('businessId')}>
            {(p) => <input {...p} type="text" autoComplete="off" spellCheck={false} defaultValue={text('businessId')} />}
          </Field>
          <Field id="sector" label={t('intake.field.sector')} error={err('sector')}>
            {(p) => (
              <select {...p} required aria-required="true" defaultValue={text('sector')}>
                <option value="">{t('intake.choose')}</option>
                {page.sectors.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="size" label={t('intake.field.size')} error={err('size')}>
            {(p) => (
              <select {...p} required aria-required="true" defaultValue={text('size')}>
                <option value="">{t('intake.choose')}</option>
                {page.sizes.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="municipality" label={t('intake.field.municipality')} hint={t('intake.hint.municipality')} error={err('municipality')}>
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
        </fieldset>

        <fieldset className="stack">
          <legend className="apply-legend">{t('intake.apply.aboutGroup')}</legend>
          {page.organizations.length > 1 ? (
            <Field id="organizationId" label={t('intake.field.organization')} hint={t('intake.hint.organization')} error={err('organizationId')}>
              {(p) => (
                <select
                  {...p}
                  defaultValue={result?.askAmong ? '' : text('organizationId', page.defaultOrganizationId)}
                  data-served={result?.askAmong ? undefined : JSON.stringify(page.served)}
                  data-municipality="municipality"
                >
                  <option value="">{result?.askAmong ? t('intake.choose') : t('intake.organization.byMunicipality')}</option>
                  {page.organizations
                    .filter((o) => !result?.askAmong || result.askAmong.includes(o.id))
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                </select>
              )}
            </Field>
          ) : (
            <input type="hidden" name="organizationId" value={page.defaultOrganizationId} />
          )}
          <fieldset className="field" {...fieldsetProps('formats')}>
            <legend>{t('intake.field.formats')}</legend>
            <p className="hint">{t('intake.hint.formats')}</p>
            {errors.formats ? (
              <p className="error-text" id="formats-error">
                {err('formats')}
              </p>
            ) : null}
            {meetingFormats.map((f, i) => (
              <Choice
                key={f}
                name="formats"
                id={i === 0 ? 'formats' : `formats-${f}`}
                value={f}
                defaultChecked={chosenFormats.includes(f)}
                label={t(`intake.format.${f}`)}
              />
            ))}
          </fieldset>
          <Field id="availability" label={t('intake.field.availabilityOptional')} hint={t('intake.hint.availability')} error={err('availability')}>
            {(p) => <textarea {...p} rows={3} defaultValue={text('availability')} />}
          </Field>
          <Field id="hopes" label={t('intake.field.hopesOptional')} hint={t('intake.hint.hopes')} error={err('hopes')}>
            {(p) => <textarea {...p} rows={4} defaultValue={text('hopes')} />}
          </Field>
        </fieldset>

        <PrivacyConsent label={t('intake.field.consent')} error={err('consent')} checked={text('consent') === 'on'} />

        <p>
          <button type="submit" className="button">
            {t('intake.apply.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
