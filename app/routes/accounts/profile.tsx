import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/profile';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rateLimitedAnswer, retryAfterHeaders, retryAfterOf, type FieldErrors } from '../../ui/form';
import { SessionsSection, TotpSection, type ProfileActionResult } from '../../ui/profile-sections';
import { MyDataSection } from '../../ui/my-data-section';
import { isConfirmed } from '../../ui/confirm';
import { eraseMyAccount } from '../../../src/features/privacy/erase-person.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import {
  beginTotpSetup,
  changePassword,
  confirmTotpSetup,
  keyFromSetupToken,
  requestEmailChange,
  signOutEverywhere,
  turnOffTotp,
  updateProfile,
} from '../../../src/features/accounts/profile.ts';
import { listSessions, mustSetUpTotp } from '../../../src/features/accounts/sessions.ts';
import { clearedSessionCookie } from '../../../src/features/accounts/cookies.ts';
import { base32Secret, totpUri } from '../../../src/features/accounts/totp.ts';
import { profileSchemas } from '../../../src/features/accounts/profile.validation.ts';
import { totpQrSvg } from '../../../src/features/accounts/totp-qr.ts';
import { translate } from '../../../src/platform/i18n/i18n.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const sessions = await listSessions(state.services.db, actor.userId);
  return {
    name: actor.name,
    email: actor.email,
    locale: actor.locale ?? state.locale,
    totpEnabled: actor.totpEnabled,
    isDemo: actor.isDemo,
    totpRequired: mustSetUpTotp(actor, state.services.config.isProduction),
    totpRequiredForRole: actor.isAdmin || actor.memberships.some((m) => m.role === 'coordinator'),
    sessions: sessions.map((s) => ({
      current: s.id === state.sessionId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      userAgent: s.userAgent,
    })),
  };
}

type ActionResult = ProfileActionResult;

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { services } = state;
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const intent = String(form.intent ?? '');
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors }, { status });
  // Re-authentication (the current password) is rate limited per person: too many tries answer 429.
  const rateLimited = (error: unknown): RateLimitedError => {
    if (error instanceof RateLimitedError) return error;
    throw error;
  };
  switch (intent) {
    case 'details': {
      const p = profileSchemas.details.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      await updateProfile(services.db, actor.userId, { name: p.data.name, locale: p.data.locale });
      return data<ActionResult>({ intent, saved: 'profile.saved' });
    }
    case 'email': {
      const p = profileSchemas.email.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      await requestEmailChange(services, actor.userId, p.data.email, state.locale);
      return data<ActionResult>({ intent, saved: 'profile.emailVerificationSent' });
    }
    case 'password': {
      const p = profileSchemas.password.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      if (p.data.newPassword !== p.data.confirm) return fail({ confirm: 'auth.passwordsDiffer' });
      const r = await changePassword(services, actor.userId, { current: p.data.currentPassword, next: p.data.newPassword }, state.sessionId).catch(rateLimited);
      if (r instanceof RateLimitedError) return rateLimitedAnswer(r, { intent });
      if (!r.ok) return fail({ [r.field]: r.error });
      return data<ActionResult>({ intent, saved: 'profile.passwordChanged' });
    }
    case 'totp-begin': {
      const { key, setupToken } = beginTotpSetup(services.config.sessionSecret, actor.userId);
      const uri = totpUri(key, actor.email);
      return data<ActionResult>({
        intent,
        totp: { setupToken, secret: base32Secret(key), uri, qr: await totpQrSvg(uri, translate(state.locale, 'everyday.totp.qrLabel')) },
      });
    }
    case 'totp-confirm': {
      const p = profileSchemas.totpConfirm.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      const codes = await confirmTotpSetup(services, actor.userId, p.data.setupToken, p.data.code);
      if (!codes) {
        const key = keyFromSetupToken(services.config.sessionSecret, actor.userId, p.data.setupToken);
        const uri = key ? totpUri(key, actor.email) : null;
        const totp =
          key && uri
            ? { setupToken: p.data.setupToken, secret: base32Secret(key), uri, qr: await totpQrSvg(uri, translate(state.locale, 'everyday.totp.qrLabel')) }
            : undefined;
        return data<ActionResult>({ intent, errors: { code: 'auth.totpWrong' }, totp }, { status: 400 });
      }
      return data<ActionResult>({ intent, recoveryCodes: codes, saved: 'profile.totpEnabled' });
    }
    case 'totp-off': {
      const p = profileSchemas.totpOff.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      const off = await turnOffTotp(services, actor.userId, p.data.password).catch(rateLimited);
      if (off instanceof RateLimitedError) return rateLimitedAnswer(off, { intent });
      if (!off) return fail({ totpPassword: 'profile.currentPasswordWrong' });
      return data<ActionResult>({ intent, saved: 'profile.totpDisabled' });
    }
    case 'erase-account': {
      // The first POST only asks (what goes, what is kept); the confirmed one erases.
      if (!isConfirmed(form)) return data<ActionResult>({ intent, confirmErase: true });
      try {
        await eraseMyAccount(actor, services);
      } catch (error) {
        // The last coordinator of an organisation (or the last admin) is asked to hand over first.
        if (error instanceof DomainError && error.status === 409) return fail({ form: error.messageKey }, 409);
        throw error;
      }
      return redirect('/privacy?erased=1', { headers: { 'Set-Cookie': clearedSessionCookie(services.config.isProduction) } });
    }
    case 'sign-out-everywhere': {
      await signOutEverywhere(services.db, actor.userId);
      return redirect('/sign-in', { headers: { 'Set-Cookie': clearedSessionCookie(services.config.isProduction) } });
    }
    default:
      return fail({ form: 'error.badRequest' });
  }
}

/** Passes the action's Retry-After on to the response. */
export const headers = retryAfterHeaders;

export default function Profile() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const r = useActionData<typeof action>() as ActionResult | undefined;
  const errors = r?.errors ?? {};
  const err = (k: string) => (errors[k] ? t(errors[k]!) : undefined);
  return (
    <div className="page">
      <title>{`${t('profile.title')} – Työpeili`}</title>
      <h1>{t('profile.title')}</h1>
      {r?.saved ? (
        <p className="notice notice--success" role="status">
          {t(r.saved)}
        </p>
      ) : null}
      {d.totpRequired ? <p className="notice">{t('profile.totpRequiredNotice')}</p> : null}
      <ErrorSummary
        errors={errors}
        order={['form', 'name', 'email', 'currentPassword', 'newPassword', 'confirm', 'code', 'totpPassword']}
        retryAfterSeconds={retryAfterOf(r)}
      />
      <ul className="plain-list">
        <li>
          <a href="/profile/calendar">{t('calendar.profileLink')}</a>
        </li>
        <li>
          <a href="/profile/attendance">{t('attendance.profileLink')}</a>
        </li>
        <li>
          <a href="/profile/data-access">{t('trust.access.profileLink')}</a>
        </li>
        <li>
          <a href="/profile/stories">{t('stories.profile.link')}</a>
        </li>
        <li>
          <a href="/profile/certificates">{t('certificates.profile.link')}</a>
        </li>
      </ul>

      <p>
        <a href="/profile/notifications">{t('notifications.link')}</a>
      </p>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('profile.detailsTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="details" />
          <Field id="name" label={t('profile.name')} error={err('name')}>
            {(p) => <input {...p} type="text" autoComplete="name" required defaultValue={d.name} />}
          </Field>
          <fieldset className="field">
            <legend>{t('profile.language')}</legend>
            {(['fi', 'sv', 'en'] as const).map((code) => (
              <Choice
                type="radio"
                key={code}
                id={`locale-${code}`}
                name="locale"
                value={code}
                defaultChecked={d.locale === code}
                labelLang={code}
                label={code === 'fi' ? 'Suomi' : code === 'sv' ? 'Svenska' : 'English'}
              />
            ))}
          </fieldset>
          <div>
            <button type="submit" className="button">
              {t('profile.saveDetails')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="email-title">
        <h2 id="email-title">{t('profile.emailTitle')}</h2>
        <p>{t('profile.currentEmail', { email: d.email })}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="email" />
          <Field id="email" label={t('profile.newEmail')} hint={t('profile.newEmailHint')} error={err('email')}>
            {(p) => <input {...p} type="email" autoComplete="email" inputMode="email" required />}
          </Field>
          <div>
            <button type="submit" className="button button--secondary">
              {t('profile.changeEmail')}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('profile.passwordTitle')}</h2>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Field id="currentPassword" label={t('profile.currentPassword')} error={err('currentPassword')}>
            {(p) => <input {...p} type="password" autoComplete="current-password" />}
          </Field>
          <Field id="newPassword" label={t('auth.newPassword')} hint={t('auth.passwordRules')} error={err('newPassword')}>
            {(p) => <input {...p} type="password" autoComplete="new-password" required />}
          </Field>
          <Field id="confirm" label={t('auth.confirmPassword')} error={err('confirm')}>
            {(p) => <input {...p} type="password" autoComplete="new-password" required />}
          </Field>
          <div>
            <button type="submit" className="button button--secondary">
              {t('profile.changePassword')}
            </button>
          </div>
        </Form>
      </section>

      <TotpSection data={d} result={r} errors={errors} />

      <section aria-labelledby="measurement-title">
        <h2 id="measurement-title">{t('outcomes.consent.title')}</h2>
        <p>
          <a href="/profile/measurement">{t('outcomes.consent.profileLink')}</a>
        </p>
      </section>

      <MyDataSection confirming={r?.intent === 'erase-account' && r.confirmErase === true} />

      <SessionsSection sessions={d.sessions} />
    </div>
  );
}
