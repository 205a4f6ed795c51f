// /profile/certificates: my certificates from every organisation, newest first, each with its
// state and a link to its own page (downloads and what the verification page shows of me).
import { useLoaderData } from 'react-router';
import type { Route } from './+types/profile-certificates';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { formatDateTime } from '../../../src/platform/i18n/i18n.ts';
import { statusKey } from '../../ui/certificates';
import { certificateStatus, certificateTexts, listHolderCertificates } from '../../../src/features/certificates/certificates.queries.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const mine = await listHolderCertificates(state.services.db, actor.userId);
  return {
    certificates: mine.map((c) => {
      const texts = certificateTexts(c, state.locale);
      return { id: c.id, title: texts.title, language: texts.language, organization: c.organizationName, issued: formatDateTime(state.locale, c.issuedAt, 'date'), status: certificateStatus(c) };
    }),
  };
}

export function meta() {
  return [];
}

export default function ProfileCertificates() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('certificates.profile.title')} – Työpeili`}</title>
      <p>
        <a href="/profile">{t('certificates.profile.back')}</a>
      </p>
      <h1>{t('certificates.profile.title')}</h1>
      <p className="lead">{t('certificates.profile.lead')}</p>
      {page.certificates.length === 0 ? <p>{t('certificates.profile.none')}</p> : null}
      <ul className="cards">
        {page.certificates.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <a href={`/profile/certificates/${c.id}`} lang={c.language}>
                {c.title}
              </a>
            </h2>
            <p>{t('certificates.profile.issuedBy', { organization: c.organization, date: c.issued })}</p>
            <p>
              <strong>{t(statusKey[c.status]!)}</strong>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
