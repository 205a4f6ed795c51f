// /organization/certificates: the organisation's certificates for its coordinators — holder,
// achievement, dates, state — each opening its page (revocation with a reason). A logged staff read.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/manage-certificates';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { statusKey } from '../../ui/certificates';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { certificatePolicy } from '../../../src/platform/policy/index.ts';
import { certificateStatus, certificateTexts, listOrganizationCertificates } from '../../../src/features/certificates/certificates.queries.ts';
import { formatVerificationCode } from '../../../src/features/certificates/verification-code.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = actor.organizationId;
  if (!organizationId || !certificatePolicy.list(actor, { organizationId })) throw data(null, { status: 404 });
  const { db } = state.services;
  const rows = await listOrganizationCertificates(db, { organizationId });
  if (rows.length > 0)
    await recordStaffRead(db, actor, {
      organizationId,
      purpose: 'certificates.manage',
      targetType: 'organization',
      targetId: organizationId,
      subjectUserIds: rows.flatMap((r) => (r.holderUserId ? [r.holderUserId] : [])),
    });
  return {
    certificates: rows.map((c) => ({
      id: c.id,
      holder: c.holderName,
      title: certificateTexts(c, state.locale).title,
      issued: formatDateTime(state.locale, c.issuedAt, 'short'),
      code: formatVerificationCode(c.verificationCode),
      status: certificateStatus(c),
    })),
  };
}

export function meta() {
  return [];
}

export default function ManageCertificates() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('certificates.manage.title')} – Työpeili`}</title>
      <h1>{t('certificates.manage.title')}</h1>
      <p className="lead">{t('certificates.manage.lead')}</p>
      {page.certificates.length === 0 ? (
        <p>{t('certificates.manage.none')}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="certificates-caption" tabIndex={0}>
          <table>
            <caption id="certificates-caption">{t('certificates.manage.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certificates.field.holder')}</th>
                <th scope="col">{t('certificates.field.achievement')}</th>
                <th scope="col">{t('certificates.field.issued')}</th>
                <th scope="col">{t('certificates.field.code')}</th>
                <th scope="col">{t('certificates.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.certificates.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/organization/certificates/${c.id}`}>{c.holder ?? t('certificates.manage.erasedHolder')}</a>
                  </td>
                  <td>{c.title}</td>
                  <td>{c.issued}</td>
                  <td>{c.code}</td>
                  <td>{t(statusKey[c.status]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
