import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/profile';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, type FieldErrors } from '../../ui/form';
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
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { RateLimitedError } from '../../../src/platform/errors.ts';

const locale = z.enum(['fi', 'sv', 'en']);
const schemas = {
  details: z.object({ intent: z.literal('details'), name: z.string().trim().min(1, 'profile.nameRequired').max(200, 'profile.nameTooLong'), locale }),
  email: z.object({ intent: z.literal('email'), email: z.string().trim().min(1, 'auth.emailRequired').max(320).email('auth.emailInvalid') }),
  password: z.object({ intent: z.literal('password'), currentPassword: z.string().max(1024), newPassword: z.string().min(1, 'auth.passwordRequired').max(1024), confirm: z.string().max(1024) }),
  totpBegin: z.object({ intent: z.literal('totp-begin') }),
  totpConfirm: z.object({ intent: z.literal('totp-confirm'), setupToken: z.string().min(10).max(500), code: z.string().trim().min(1, 'auth.totpRequired').max(10) }),
  totpOff: z.object({ intent: z.literal('totp-off'), password: z.string().min(1, 'auth.passwordRequired').max(1024) }),
  signOutEverywhere: z.object({ intent: z.literal('sign-out-everywhere') }),
};

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
    sessions: sessions.map((s) => ({ current: s.id === state.sessionId, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), userAgent: s.userAgent })),
  };
}

type ActionResult = {
  intent: string;
  errors?: FieldErrors;
  saved?: MessageKey;
  totp?: { setupToken: string; secret: string; uri: string };
  recoveryCodes?: string[];
};

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { services } = state;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors }, { status });
  // Re-authentication (the current password) is rate limited per person: too many tries answer 429.
  const rateLimited = (error: unknown): null => {
    if (error instanceof RateLimitedError) return null;
    throw error;
  };
  switch (intent) {
    case 'details': {
      const p = schemas.details.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      await updateProfile(services.db, actor.userId, { name: p.data.name, locale: p.data.locale });
      return data<ActionResult>({ intent, saved: 'profile.saved' });
    }
    case 'email': {
      const p = schemas.email.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      await requestEmailChange(services, actor.userId, p.data.email, state.locale);
      return data<ActionResult>({ intent, saved: 'profile.emailVerificationSent' });
    }
    case 'password': {
      const p = schemas.password.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      if (p.data.newPassword !== p.data.confirm) return fail({ confirm: 'auth.passwordsDiffer' });
      const r = await changePassword(services, actor.userId, { current: p.data.currentPassword, next: p.data.newPassword }, state.sessionId).catch(rateLimited);
      if (r === null) return fail({ form: 'error.rateLimited' }, 429);
      if (!r.ok) return fail({ [r.field]: r.error });
      return data<ActionResult>({ intent, saved: 'profile.passwordChanged' });
    }
    case 'totp-begin': {
      const { key, setupToken } = beginTotpSetup(services.config.sessionSecret, actor.userId);
      return data<ActionResult>({ intent, totp: { setupToken, secret: base32Secret(key), uri: totpUri(key, actor.email) } });
    }
    case 'totp-confirm': {
      const p = schemas.totpConfirm.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      const codes = await confirmTotpSetup(services, actor.userId, p.data.setupToken, p.data.code);
      if (!codes) {
        const key = keyFromSetupToken(services.config.sessionSecret, actor.userId, p.data.setupToken);
        const totp = key ? { setupToken: p.data.setupToken, secret: base32Secret(key), uri: totpUri(key, actor.email) } : undefined;
        return data<ActionResult>({ intent, errors: { code: 'auth.totpWrong' }, totp }, { status: 400 });
      }
      return data<ActionResult>({ intent, recoveryCodes: codes, saved: 'profile.totpEnabled' });
    }
    case 'totp-off': {
      const p = schemas.totpOff.safeParse(form);
      if (!p.success) return fail(fieldErrors(p.error));
      const off = await turnOffTotp(services, actor.userId, p.data.password).catch(rateLimited);
      if (off === null) return fail({ form: 'error.rateLimited' }, 429);
      if (!off) return fail({ totpPassword: 'profile.currentPasswordWrong' });
      return data<ActionResult>({ intent, saved: 'profile.totpDisabled' });
    }
    case 'sign-out-everywhere': {
      await signOutEverywhere(services.db, actor.userId);
      return redirect('/sign-in', { headers: { 'Set-Cookie': clearedSessionCookie(services.config.isProduction) } });
    }
    default:
      return fail({ form: 'error.badRequest' });
  }
}

export default function Profile() {
  const t = useT();
  const f = useFormat();
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
      <ErrorSummary errors={errors} order={['form', 'name', 'email', 'currentPassword', 'newPassword', 'confirm', 'code', 'totpPassword']} />
      <ul className="plain-list"><li><a href="/profile/calendar">{t('calendar.profileLink')}</a></li><li><a href="/profile/attendance">{t('attendance.profileLink')}</a></li><li><a href="/profile/data-access">{t('trust.access.profileLink')}</a></li></ul>

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
              <div className="checkbox" key={code}>
                <input type="radio" id={`locale-${code}`} name="locale" value={code} defaultChecked={d.locale === code} />
                <label htmlFor={`locale-${code}`} lang={code}>
                  {code === 'fi' ? 'Suomi' : code === 'sv' ? 'Svenska' : 'English'}
                </label>
              </div>
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

      <section aria-labelledby="totp-title">
        <h2 id="totp-title">{t('profile.totpTitle')}</h2>
        {d.isDemo && d.totpRequiredForRole ? <p className="notice">{t('profile.totpDemoExempt')}</p> : null}
        {r?.recoveryCodes ? (
          <div className="notice notice--success">
            <p>{t('profile.recoveryCodesIntro')}</p>
            <ul className="plain-list">
              {r.recoveryCodes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {d.totpEnabled ? (
          <>
            <p>{t('profile.totpOn')}</p>
            <Form method="post" className="stack" noValidate>
              <input type="hidden" name="intent" value="totp-off" />
              <Field id="totpPassword" label={t('profile.currentPassword')} error={err('totpPassword')}>
                {(p) => <input {...p} name="password" type="password" autoComplete="current-password" required />}
              </Field>
              <div>
                <button type="submit" className="button button--danger">
                  {t('profile.totpTurnOff')}
                </button>
              </div>
            </Form>
          </>
        ) : r?.totp || (r?.intent === 'totp-confirm' && errors.code) ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="totp-confirm" />
            <input type="hidden" name="setupToken" value={r?.totp?.setupToken ?? ''} />
            <p>{t('profile.totpSetupIntro')}</p>
            {r?.totp ? (
              <>
                <p>
                  {t('profile.totpSecret')} <code>{r.totp.secret}</code>
                </p>
                <p className="muted">
                  <code>{r.totp.uri}</code>
                </p>
              </>
            ) : null}
            <Field id="code" label={t('auth.totpCode')} error={err('code')}>
              {(p) => <input {...p} type="text" inputMode="numeric" autoComplete="one-time-code" required maxLength={7} />}
            </Field>
            <div>
              <button type="submit" className="button">
                {t('profile.totpConfirm')}
              </button>
            </div>
          </Form>
        ) : (
          <>
            <p>{t('profile.totpOff')}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="totp-begin" />
              <button type="submit" className="button button--secondary">
                {t('profile.totpTurnOn')}
              </button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="measurement-title">
        <h2 id="measurement-title">{t('outcomes.consent.title')}</h2>
        <p>
          <a href="/profile/measurement">{t('outcomes.consent.profileLink')}</a>
        </p>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('profile.sessionsTitle')}</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('profile.sessionsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('profile.sessionDevice')}</th>
                <th scope="col">{t('profile.sessionStarted')}</th>
                <th scope="col">{t('profile.sessionLastSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {d.sessions.map((s, i) => (
                <tr key={i}>
                  <td className="break-anywhere">
                    {s.userAgent ?? t('profile.sessionUnknownDevice')}
                    {s.current ? ` (${t('profile.sessionThis')})` : ''}
                  </td>
                  <td>{f.date(s.createdAt, 'datetime')}</td>
                  <td>{f.date(s.lastSeenAt, 'datetime')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <button type="submit" className="button button--danger">
            {t('profile.signOutEverywhere')}
          </button>
        </Form>
      </section>
    </div>
  );
}
