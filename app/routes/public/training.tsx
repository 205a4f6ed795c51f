// /training: the facilitator training page of the public site. Static catalog text for now; the
// facilitator-training feature fills it with its courses.
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

const sections: { title: MessageKey; body: MessageKey }[] = [
  { title: 'training.contentTitle', body: 'training.contentBody' },
  { title: 'training.howTitle', body: 'training.howBody' },
];

/** The page's own <title>, description and Open Graph tags come from PageMeta (not the root's). */
export function meta() {
  return [];
}

export default function Training() {
  const t = useT();
  return (
    <div className="page">
      <PageMeta title={t('training.title')} description={t('training.meta')} />
      <h1>{t('training.title')}</h1>
      <p className="lead">{t('training.lead')}</p>
      {sections.map((s) => (
        <section key={s.title}>
          <h2>{t(s.title)}</h2>
          <p>{t(s.body)}</p>
        </section>
      ))}
    </div>
  );
}
