// Form pieces shared by every page:
// an error summary that takes focus, labelled fields with linked errors, and the
// mapping of domain errors to HTTP answers.
import { useEffect, useRef } from 'react';
import { data } from 'react-router';
import type { z } from 'zod';
import { DomainError, RateLimitedError } from '../../src/platform/errors.ts';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import { catalogs } from '../../src/platform/i18n/i18n.ts';
import { useT } from '../lib/i18n';
import { useRateLimitMessage } from './rate-limit';

export { retryAfterOf } from './rate-limit';

export type FieldErrors = Record<string, MessageKey>;

/** A zod error as message keys per field (the first message of each field). */
export function fieldErrors(error: z.ZodError, fallback: MessageKey = 'error.badRequest'): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (out[field]) continue;
    out[field] = issue.message in catalogs.fi ? (issue.message as MessageKey) : fallback;
  }
  return out;
}

/**
 * Domain errors thrown by a policy or a use case, as React Router answers:
 * 404/403 (and other statuses) go to the error page with the right status.
 */
export function rethrowAsResponse(error: unknown): never {
  if (error instanceof RateLimitedError) {
    const retryAfterSeconds = error.retryAfterSeconds;
    throw data({ messageKey: error.messageKey, retryAfterSeconds }, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
  }
  if (error instanceof DomainError) throw data({ messageKey: error.messageKey }, { status: error.status });
  throw error;
}

/**
 * The one answer of every rate-limited form (issue 11): status 429, the Retry-After header, and
 * `retryAfterSeconds` beside the form's own data so the error summary says how long to wait.
 */
export function rateLimitedAnswer<T extends object>(error: RateLimitedError, rest: T) {
  const retryAfterSeconds = error.retryAfterSeconds;
  return data(
    { ...rest, errors: { form: 'error.rateLimited' } as FieldErrors, retryAfterSeconds },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

/** A route's `headers`: a thrown or returned Retry-After (and the headers beside it) when there is one, else the loader's. */
export function retryAfterHeaders({
  actionHeaders,
  loaderHeaders,
  errorHeaders,
}: {
  actionHeaders: Headers;
  loaderHeaders: Headers;
  errorHeaders?: Headers;
}): Headers {
  if (errorHeaders?.has('Retry-After')) return errorHeaders;
  return actionHeaders.has('Retry-After') ? actionHeaders : loaderHeaders;
}

/** A field's error as text, for `Field` and `RadioGroup` (undefined when the field is fine). */
export function useFieldError(errors: FieldErrors) {
  const t = useT();
  return (field: string): string | undefined => (errors[field] ? t(errors[field]) : undefined);
}

export function ErrorSummary({ errors, order, retryAfterSeconds }: { errors: FieldErrors; order: string[]; retryAfterSeconds?: number }) {
  const t = useT();
  const rateLimitMessage = useRateLimitMessage();
  const ref = useRef<HTMLDivElement>(null);
  const keys = order.filter((k) => errors[k]);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (keys.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('org.form.errorSummary')}</h2>
      <ul>
        {keys.map((k) => (
          <li key={k}>
            {k === 'form' ? errors[k] === 'error.rateLimited' ? rateLimitMessage(retryAfterSeconds) : t(errors[k]!) : <a href={`#${k}`}>{t(errors[k]!)}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children({ id, name: id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
    </div>
  );
}

/**
 * The one checkbox or radio of the product (issue 11): the large styled control (24 px, the
 * primary colour) with its label beside it, the whole row a target. Every form uses it.
 */
export function Choice({
  type = 'checkbox',
  id,
  label,
  labelLang,
  ...input
}: { type?: 'checkbox' | 'radio'; id: string; label: React.ReactNode; labelLang?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'>) {
  return (
    <div className="checkbox">
      <input type={type} id={id} {...input} />
      <label htmlFor={id} lang={labelLang}>
        {label}
      </label>
    </div>
  );
}

/**
 * One choice among radios: a fieldset whose legend is the question and whose error is linked.
 * The first radio's id is the field's name, so the error summary's `#name` link lands on it.
 */
export function RadioGroup({
  name,
  legend,
  error,
  options,
}: {
  name: string;
  legend: string;
  error?: string;
  options: readonly { value: string; label: string; defaultChecked?: boolean }[];
}) {
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p className="error-text" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
      {options.map((o, i) => (
        <Choice
          type="radio"
          key={o.value}
          id={i === 0 ? name : `${name}-${o.value}`}
          name={name}
          value={o.value}
          defaultChecked={o.defaultChecked}
          label={o.label}
        />
      ))}
    </fieldset>
  );
}

/**
 * The privacy-notice consent of a public form (application, booking, event registration,
 * newsletter subscription): one required checkbox, its error linked, and the notice's link.
 */
export function PrivacyConsent({ label, error, checked }: { label: string; error?: string; checked: boolean }) {
  const t = useT();
  return (
    <div className="field">
      {error ? (
        <p className="error-text" id="consent-error">
          {error}
        </p>
      ) : null}
      <Choice
        id="consent"
        name="consent"
        value="on"
        required
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'consent-error' : undefined}
        defaultChecked={checked}
        label={label}
      />
      <p className="hint">
        <a href="/privacy">{t('intake.apply.privacyLink')}</a>
      </p>
    </div>
  );
}
