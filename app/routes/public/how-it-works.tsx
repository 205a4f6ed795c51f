// /how-it-works: how a Työpeili group works (issue 14, point 1) — the meeting rhythm,
// confidentiality, experts, small steps and follow-up, measuring change. Static catalog text from
// the model's description (PRODUCT.md and the project texts).
import { useT } from '../../lib/i18n';
import { PageMeta } from '../../ui/page-meta';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

const sections: { id: string; title: MessageKey; body: MessageKey }[] = [
  { id: 'rhythm', title: 'site.how.rhythmTitle', body: 'site.how.rhythmBody' },
  { id: 'confidentiality', title: 'site.how.confidentialTitle', body: 'site.how.confidentialBody' },
  { id: 'experts', title: 'site.how.expertsTitle', body: 'site.how.expertsBody' },
  { id: 'steps', title: 'site.how.stepsTitle', body: 'site.how.stepsBody' },
  { id: 'measuring', title: 'site.how.measureTitle', body: 'site.how.measureBody' },
  { id: 'pilot', title: 'site.how.pilotTitle', body: 'site.how.pilotBody' },
];

export function meta() {
  return [];
}

export default function HowItWorks() {
  const t = useT();
  return (
    <div className="page">
      <PageMeta title={t('site.how.title')} description={t('site.how.meta')} type="article" />
      <h1>{t('site.how.title')}</h1>
      <p className="lead">{t('site.how.lead')}</p>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`how-${s.id}`}>
          <h2 id={`how-${s.id}`}>{t(s.title)}</h2>
          <p>{t(s.body)}</p>
        </section>
      ))}
      <p>{t('site.how.next')}</p>
      <p className="button-row">
        <a className="button" href="/apply">
          {t('front.apply')}
        </a>
        <a className="button button--secondary" href="/events">
          {t('site.front.linkEvents')}
        </a>
      </p>
    </div>
  );
}
