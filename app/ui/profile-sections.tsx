// The profile page's larger parts (app/routes/accounts/profile.tsx): the second
// factor (TOTP) with its set-up steps and recovery codes, and the list of sessions.
import { Form } from 'react-router';
import { useFormat, useT } from '../lib/i18n';
import { Field, type FieldErrors } from './form';
import { TotpQr } from './totp-qr';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';

/** What the profile page's action answers. */
export type ProfileActionResult = {
  intent: string;
  errors?: FieldErrors;
  saved?: MessageKey;
  totp?: { setupToken: string; secret: string; uri: string; qr: string };
  recoveryCodes?: string[];
  /** The erase-account step asks first. */
  confirmErase?: boolean;
};

export function TotpSection({
  data,
  result,
  errors,
}: {
  data: { isDemo: boolean; totpRequiredForRole: boolean; totpEnabled: boolean };
  result: ProfileActionResult | undefined;
  errors: FieldErrors;
}) {
  const t = useT();
  const err = (k: string) => (errors[k] ? t(errors[k]!) : undefined);
  return (
    <section aria-labelledby="totp-title">
      <h2 id="totp-title">{t('profile.totpTitle')}</h2>
      {data.isDemo && data.totpRequiredForRole ? <p className="notice">{t('profile.totpDemoExempt')}</p> : null}
      {result?.recoveryCodes ? (
        <div className="notice notice--success">
          <p>{t('profile.recoveryCodesIntro')}</p>
          <ul className="plain-list">
            {result.recoveryCodes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.totpEnabled ? (
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
      ) : result?.totp || (result?.intent === 'totp-confirm' && errors.code) ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="totp-confirm" />
          <input type="hidden" name="setupToken" value={result?.totp?.setupToken ?? ''} />
          <p>{t('profile.totpSetupIntro')}</p>
          {result?.totp ? (
            <>
              <TotpQr svg={result.totp.qr} uri={result.totp.uri} />
              <p>
                {t('profile.totpSecret')} <code>{result.totp.secret}</code>
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
  );
}

export function SessionsSection({ sessions }: { sessions: { current: boolean; createdAt: string; lastSeenAt: string; userAgent: string | null }[] }) {
  const t = useT();
  const f = useFormat();
  return (
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
            {sessions.map((s, i) => (
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
  );
}
