// /profile/certificates/:certificateId: one of my certificates — its verification code and address,
// the PDF and the Open Badges credential to download (while valid), and my choice of what the
// public verification page shows of me (full name or initials, the organisation, my e-mail).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/profile-certificate';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, RadioGroup, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { certificatePolicy } from '../../../src/platform/policy/index.ts';
import { calendarDay, certificateResource, certificateStatus, certificateTexts, findCertificateById } from '../../../src/features/certificates/certificates.queries.ts';
import { disclosureForm } from '../../../src/features/certificates/certificates.validation.ts';
import { setCertificateDisclosure } from '../../../src/features/certificates/set-disclosure.ts';
import { verificationUrl } from '../../../src/features/certificates/certificate-files.ts';
import { formatVerificationCode } from '../../../src/features/certificates/verification-code.ts';
import { statusKey } from '../../ui/certificates';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const certificateId = uuidParam(params.certificateId);
  const c = await findCertificateById(state.services.db, certificateId);
  // Someone else's certificate does not exist for this person.
  if (!c || !certificatePolicy.readOwn(actor, certificateResource(c))) throw data(null, { status: 404 });
  const texts = certificateTexts(c, state.locale);
  const date = (d: Date) => formatDateTime(state.locale, d, 'date');
  return {
    notice: notice(new URL(request.url), ['saved'] as const),
    id: c.id,
    title: texts.title,
    description: texts.description,
    language: texts.language,
    organization: c.organizationName,
    dates: { start: date(calendarDay(c.startedOn)), end: date(calendarDay(c.endedOn)) },
    issued: date(c.issuedAt),
    status: certificateStatus(c),
    revoked: c.revokedAt ? date(c.revokedAt) : null,
    code: formatVerificationCode(c.verificationCode),
    url: verificationUrl(state.services.config.appUrl, c.verificationCode),
    path: `/verify/${formatVerificationCode(c.verificationCode)}`,
    canDownload: certificatePolicy.download(actor, certificateResource(c)),
    showName: c.showName,
    showOrganization: c.showOrganization,
    showEmail: c.showEmail,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const certificateId = uuidParam(params.certificateId);
  const parsed = disclosureForm.safeParse({ ...(await formFields(request)), certificateId });
  if (!parsed.success) return data({ errors: { form: 'error.badRequest' } as FieldErrors }, { status: 400 });
  try {
    await setCertificateDisclosure(actor, state.services, parsed.data);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/profile/certificates/${certificateId}?done=saved`);
}

export function meta() {
  return [];
}

export default function ProfileCertificate() {
  const t = useT();
  const c = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  const yesNo = (name: string, legend: string, on: boolean) => (
    <RadioGroup
      name={name}
      legend={legend}
      options={[
        { value: 'yes', label: t('certificates.disclosure.yes'), defaultChecked: on },
        { value: 'no', label: t('certificates.disclosure.no'), defaultChecked: !on },
      ]}
    />
  );
  return (
    <div className="page">
      <title>{`${c.title} – Työpeili`}</title>
      <p>
        <a href="/profile/certificates">{t('certificates.profile.backToList')}</a>
      </p>
      <h1 lang={c.language}>{c.title}</h1>
      {c.notice ? (
        <p className="notice notice--success" role="status">
          {t('certificates.disclosure.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors ?? {}} order={['form']} />
      <p lang={c.language}>{c.description}</p>
      <p>{t('certificates.profile.issuedBy', { organization: c.organization, date: c.issued })}</p>
      <p>{t('certificates.field.datesValue', c.dates)}</p>
      <p>
        <strong>{c.status === 'revoked' ? t('certificates.profile.revokedOn', { date: c.revoked ?? '' }) : t(statusKey[c.status]!)}</strong>
      </p>
      <h2>{t('certificates.profile.verifyTitle')}</h2>
      <p>{t('certificates.profile.code', { code: c.code })}</p>
      <p>
        <a href={c.path}>{c.url}</a>
      </p>
      {c.canDownload ? (
        <>
          <h2>{t('certificates.profile.downloads')}</h2>
          <ul className="link-list">
            <li>
              <a href={`/profile/certificates/${c.id}/certificate.pdf`} download>
                {t('certificates.profile.pdf')}
              </a>
            </li>
            <li>
              <a href={`/profile/certificates/${c.id}/credential.jwt`} download>
                {t('certificates.profile.jwt')}
              </a>
            </li>
            <li>
              <a href={`/profile/certificates/${c.id}/credential.json`} download>
                {t('certificates.profile.json')}
              </a>
            </li>
          </ul>
          <p className="hint">{t('certificates.profile.credentialHint')}</p>
        </>
      ) : null}
      <h2>{t('certificates.disclosure.title')}</h2>
      <p>{t('certificates.disclosure.lead')}</p>
      <Form method="post" className="stack">
        <RadioGroup
          name="showName"
          legend={t('certificates.disclosure.name')}
          options={[
            { value: 'full', label: t('certificates.disclosure.nameFull'), defaultChecked: c.showName === 'full' },
            { value: 'initials', label: t('certificates.disclosure.nameInitials'), defaultChecked: c.showName === 'initials' },
          ]}
        />
        {yesNo('showOrganization', t('certificates.disclosure.organization'), c.showOrganization)}
        {yesNo('showEmail', t('certificates.disclosure.email'), c.showEmail)}
        <button type="submit" className="button">
          {t('certificates.disclosure.submit')}
        </button>
      </Form>
    </div>
  );
}
