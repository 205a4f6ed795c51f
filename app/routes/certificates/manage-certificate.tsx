// /organization/certificates/:certificateId: one certificate for the organisation's coordinators —
// what it says, its state and verification address — and revoking it with a reason (required,
// kept inside the organisation; the public page then says it is revoked).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/manage-certificate';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { statusKey } from '../../ui/certificates';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { certificatePolicy } from '../../../src/platform/policy/index.ts';
import { calendarDay, certificateResource, certificateStatus, certificateTexts, findOrganizationCertificate } from '../../../src/features/certificates/certificates.queries.ts';
import { revokeForm } from '../../../src/features/certificates/certificates.validation.ts';
import { revokeCertificate } from '../../../src/features/certificates/revoke-certificate.ts';
import { CertificateStateError } from '../../../src/features/certificates/certificates.errors.ts';
import { formatVerificationCode } from '../../../src/features/certificates/verification-code.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const certificateId = uuidParam(params.certificateId);
  const organizationId = actor.organizationId;
  if (!organizationId || !certificatePolicy.list(actor, { organizationId })) throw data(null, { status: 404 });
  const { db } = state.services;
  const c = await findOrganizationCertificate(db, { organizationId, certificateId });
  if (!c) throw data(null, { status: 404 });
  await recordStaffRead(db, actor, { organizationId, purpose: 'certificates.manage', targetType: 'certificate', targetId: c.id, subjectUserIds: c.holderUserId ? [c.holderUserId] : [] });
  const texts = certificateTexts(c, state.locale);
  const date = (d: Date) => formatDateTime(state.locale, d, 'date');
  return {
    notice: notice(new URL(request.url), ['revoked'] as const),
    id: c.id,
    holder: c.holderName,
    title: texts.title,
    language: texts.language,
    dates: { start: date(calendarDay(c.startedOn)), end: date(calendarDay(c.endedOn)) },
    issued: date(c.issuedAt),
    code: formatVerificationCode(c.verificationCode),
    status: certificateStatus(c),
    revoked: c.revokedAt ? date(c.revokedAt) : null,
    reason: c.revocationReason,
    canRevoke: certificatePolicy.revoke(actor, certificateResource(c)),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const certificateId = uuidParam(params.certificateId);
  const organizationId = actor.organizationId;
  if (!organizationId || !certificatePolicy.list(actor, { organizationId })) throw data(null, { status: 404 });
  const fields = await formFields(request);
  const parsed = revokeForm.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), reason: (fields.reason ?? '').slice(0, 500) }, { status: 400 });
  try {
    await revokeCertificate(actor, state.services, { organizationId, certificateId, reason: parsed.data.reason });
  } catch (error) {
    if (error instanceof CertificateStateError) return data({ errors: { form: error.messageKey } as FieldErrors, reason: parsed.data.reason }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/organization/certificates/${certificateId}?done=revoked`);
}

export function meta() {
  return [];
}

export default function ManageCertificate() {
  const t = useT();
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors; reason: string } | undefined;
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('certificates.manage.one')} – Työpeili`}</title>
      <p>
        <a href="/organization/certificates">{t('certificates.manage.back')}</a>
      </p>
      <h1>{t('certificates.manage.one')}</h1>
      {c.notice ? (
        <p className="notice notice--success" role="status">
          {t('certificates.revoke.done')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'reason']} />
      <dl>
        <dt>{t('certificates.field.holder')}</dt>
        <dd>{c.holder ?? t('certificates.manage.erasedHolder')}</dd>
        <dt>{t('certificates.field.achievement')}</dt>
        <dd lang={c.language}>{c.title}</dd>
        <dt>{t('certificates.field.dates')}</dt>
        <dd>{t('certificates.field.datesValue', c.dates)}</dd>
        <dt>{t('certificates.field.issued')}</dt>
        <dd>{c.issued}</dd>
        <dt>{t('certificates.field.code')}</dt>
        <dd>{c.code}</dd>
        <dt>{t('certificates.field.status')}</dt>
        <dd>{c.status === 'revoked' ? t('certificates.profile.revokedOn', { date: c.revoked ?? '' }) : t(statusKey[c.status]!)}</dd>
        {c.reason ? (
          <>
            <dt>{t('certificates.field.reason')}</dt>
            <dd>{c.reason}</dd>
          </>
        ) : null}
      </dl>
      {c.canRevoke ? (
        <>
          <h2>{t('certificates.revoke.title')}</h2>
          <p>{t('certificates.revoke.lead')}</p>
          <Form method="post" className="stack">
            <Field id="reason" label={t('certificates.revoke.reason')} hint={t('certificates.revoke.reasonHint')} error={errors.reason ? t(errors.reason) : undefined}>
              {(p) => <textarea {...p} rows={3} maxLength={500} defaultValue={result?.reason ?? ''} required />}
            </Field>
            <button type="submit" className="button button--danger">
              {t('certificates.revoke.submit')}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}
