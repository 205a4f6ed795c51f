import { useT } from '../../lib/i18n';

export function meta() {
  return [{ title: 'Työpeili' }];
}

/** Accessibility statement (saavutettavuusseloste), as Finnish law asks of public services. */
export default function Accessibility() {
  const t = useT();
  return (
    <div className="page">
      <title>{`${t('accessibility.title')} – Työpeili`}</title>
      <h1>{t('accessibility.title')}</h1>
      <p className="lead">{t('accessibility.lead')}</p>
      <h2>{t('accessibility.howTitle')}</h2>
      <ul>
        <li>{t('accessibility.how1')}</li>
        <li>{t('accessibility.how2')}</li>
        <li>{t('accessibility.how3')}</li>
        <li>{t('accessibility.how4')}</li>
      </ul>
      <h2>{t('accessibility.feedbackTitle')}</h2>
      <p>{t('accessibility.feedbackBody')}</p>
    </div>
  );
}
