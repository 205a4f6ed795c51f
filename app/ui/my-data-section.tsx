// The profile's "Omat tietoni" section: download everything (a ZIP), and erase the account
// with a confirmation step that first says what goes and what is kept for the funder.
import { Form } from 'react-router';
import { useT } from '../lib/i18n';
import { ConfirmStep } from './confirm';

export function MyDataSection({ confirming }: { confirming: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="my-data-title">
      <h2 id="my-data-title">{t('mydata.title')}</h2>
      <p>{t('mydata.lead')}</p>
      <p>
        <a className="button button--secondary" href="/profile/my-data.zip" download>
          {t('mydata.download')}
        </a>
      </p>
      <p className="field-hint">{t('mydata.downloadHint')}</p>
      {confirming ? (
        <ConfirmStep
          title={t('mydata.eraseConfirmTitle')}
          lead={t('mydata.eraseConfirmLead')}
          fields={{ intent: 'erase-account' }}
          confirmLabel={t('mydata.eraseConfirm')}
          backHref="/profile#my-data-title"
          backLabel={t('mydata.back')}
        >
          <h3>{t('mydata.goesTitle')}</h3>
          <p>{t('mydata.goes')}</p>
          <h3>{t('mydata.keptTitle')}</h3>
          <p>{t('mydata.kept')}</p>
        </ConfirmStep>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="erase-account" />
          <button type="submit" className="button button--danger">
            {t('mydata.erase')}
          </button>
        </Form>
      )}
    </section>
  );
}
