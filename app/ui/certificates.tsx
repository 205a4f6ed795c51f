// The certificates' shared pieces: the code form of /verify, the verdict of a code, the pasted
// credential's form and verdict.
import { Form } from 'react-router';
import { useT } from '../lib/i18n';
import { Field } from './form';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';

export function VerifyCodeForm({ value = '', error }: { value?: string; error?: string }) {
  const t = useT();
  return (
    <Form method="get" action="/verify" className="stack">
      <Field id="code" label={t('certificates.verify.codeLabel')} hint={t('certificates.verify.codeHint')} error={error}>
        {(p) => <input {...p} type="text" defaultValue={value} autoComplete="off" autoCapitalize="characters" spellCheck={false} maxLength={40} required />}
      </Field>
      <button type="submit" className="button">
        {t('certificates.verify.submit')}
      </button>
    </Form>
  );
}

export interface VerdictData {
  code: string;
  status: 'valid' | 'revoked' | 'erased';
  title: string;
  description: string;
  criteria: string;
  language: string;
  dates: { start: string; end: string };
  issued: string;
  revoked: string | null;
  holder: string | null;
  organization: string | null;
  email: string | null;
}

export function CertificateVerdict({ c }: { c: VerdictData }) {
  const t = useT();
  if (c.status === 'erased')
    return (
      <p className="notice notice--danger" role="status">
        <strong>{t('certificates.verify.erased', { code: c.code })}</strong>
      </p>
    );
  return (
    <section aria-labelledby="verdict" className="card">
      {c.status === 'valid' ? (
        <p className="notice notice--success" role="status" id="verdict">
          <strong>{t('certificates.verify.valid', { code: c.code })}</strong>
        </p>
      ) : (
        <p className="notice notice--danger" role="status" id="verdict">
          <strong>{t('certificates.verify.revoked', { code: c.code, date: c.revoked ?? '' })}</strong>
        </p>
      )}
      <dl className="facts">
        <dt>{t('certificates.field.holder')}</dt>
        <dd>{c.holder ?? '–'}</dd>
        <dt>{t('certificates.field.achievement')}</dt>
        <dd lang={c.language}>{c.title}</dd>
        <dt>{t('certificates.field.description')}</dt>
        <dd lang={c.language}>{c.description}</dd>
        <dt>{t('certificates.field.criteria')}</dt>
        <dd lang={c.language}>{c.criteria}</dd>
        <dt>{t('certificates.field.dates')}</dt>
        <dd>{t('certificates.field.datesValue', c.dates)}</dd>
        <dt>{t('certificates.field.issued')}</dt>
        <dd>{c.issued}</dd>
        {c.organization ? (
          <>
            <dt>{t('certificates.field.organization')}</dt>
            <dd>{c.organization}</dd>
          </>
        ) : null}
        {c.email ? (
          <>
            <dt>{t('certificates.field.email')}</dt>
            <dd>{c.email}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function CredentialCheckForm({ error }: { error?: string }) {
  const t = useT();
  return (
    <Form method="post" className="stack">
      <Field id="credential" label={t('certificates.check.label')} hint={t('certificates.check.hint')} error={error}>
        {(p) => <textarea {...p} rows={6} spellCheck={false} required />}
      </Field>
      <button type="submit" className="button button--secondary">
        {t('certificates.check.submit')}
      </button>
    </Form>
  );
}

/** A certificate's state in a list. */
export const statusKey: Record<string, MessageKey> = {
  valid: 'certificates.status.valid',
  revoked: 'certificates.status.revoked',
  erased: 'certificates.status.erased',
};

const checkStatusKey: Record<string, MessageKey> = {
  valid: 'certificates.check.statusValid',
  revoked: 'certificates.check.statusRevoked',
  erased: 'certificates.check.statusErased',
  unknown: 'certificates.check.statusUnknown',
};

export function CredentialVerdict({ result }: { result: { ok: true; status: string; name: string; issuer: string; validFrom: string } | { ok: false } }) {
  const t = useT();
  if (!result.ok)
    return (
      <p className="notice notice--danger" role="status">
        {t('certificates.check.invalid')}
      </p>
    );
  return (
    <p className={`notice ${result.status === 'valid' ? 'notice--success' : 'notice--danger'}`} role="status">
      {t('certificates.check.signed', { name: result.name, issuer: result.issuer, date: result.validFrom })} {t(checkStatusKey[result.status]!)}
    </p>
  );
}
