// /training: the facilitator training page of the public site. Static catalog text for now; the
// facilitator-training feature fills it with its courses.
import { useT } from '../../lib/i18n';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

const sections: { title: MessageKey; body: MessageKey }[] = [
  { title: 'training.contentTitle', body: 'training.contentBody' },
  { title: 'training.howTitle', body: 'training.howBody' },
];

export default function Training() {
  const t = useT();
  return (
    <div className="page">
      <title>{`${t('training.title')} – Työpeili`}</title>
      <meta name="description" content={t('training.meta')} />
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
