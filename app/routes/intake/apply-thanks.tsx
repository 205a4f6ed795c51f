// /apply/thanks: after sending the application (also the neutral answer to a bot).
import { useT } from '../../lib/i18n';

export default function ApplyThanks() {
  const t = useT();
  return (
    <div className="page">
      <title>{`${t('intake.thanks.title')} – Työpeili`}</title>
      <h1>{t('intake.thanks.title')}</h1>
      <p className="notice notice--success" role="status">
        {t('intake.thanks.received')}
      </p>
      <h2>{t('intake.thanks.nextTitle')}</h2>
      <ol>
        <li>{t('intake.thanks.next1')}</li>
        <li>{t('intake.thanks.next2')}</li>
        <li>{t('intake.thanks.next3')}</li>
      </ol>
      <p>{t('intake.thanks.noMail')}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </div>
  );
}
