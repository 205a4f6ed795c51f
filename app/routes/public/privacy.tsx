import { useSearchParams } from 'react-router';
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

/** The page's own <title>, description and Open Graph tags come from PageMeta. */
export function meta() {
  return [];
}

const sections: { title: MessageKey; body: MessageKey }[] = [
  { title: 'privacy.controllerTitle', body: 'privacy.controllerBody' },
  { title: 'privacy.dataTitle', body: 'privacy.dataBody' },
  { title: 'privacy.purposeTitle', body: 'privacy.purposeBody' },
  { title: 'privacy.confidentialTitle', body: 'privacy.confidentialBody' },
  { title: 'privacy.retentionTitle', body: 'privacy.retentionBody' },
  { title: 'privacy.rightsTitle', body: 'privacy.rightsBody' },
];

/** The privacy notice: what is kept, why, who sees it, and the person's rights. */
export default function Privacy() {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <div className="page">
      <PageMeta title={t('privacy.title')} description={t('privacy.lead')} />
      {params.get('erased') === '1' ? (
        <p className="notice notice--success" role="status">
          {t('mydata.erased')}
        </p>
      ) : null}
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.lead')}</p>
      {sections.map((s) => (
        <section key={s.title}>
          <h2>{t(s.title)}</h2>
          <p>{t(s.body)}</p>
        </section>
      ))}
      <p>
        <a href="/my-data">{t('guestdata.privacyLink')}</a>
      </p>
    </div>
  );
}
