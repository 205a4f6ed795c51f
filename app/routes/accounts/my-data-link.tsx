// /my-data/:token: what is kept under the address the link was mailed to, its download and its
// erasure (people without an account, issue 18). The link is the proof of the address.
import { data, Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/my-data-link';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, type FieldErrors } from '../../ui/form';
import { eraseGuestData, guestData, openDataLink } from '../../../src/features/privacy/data-link.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';

type View = { state: 'invalid' } | { state: 'account' } | { state: 'data'; email: string; token: string; tables: { table: string; rows: number }[] };

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  const email = openDataLink(state.services.config.sessionSecret, params.token);
  if (!email) return data<View>({ state: 'invalid' }, { status: 410 });
  const found = await guestData(state.services.db, email);
  if (found.status === 'account') return data<View>({ state: 'account' });
  return data<View>({ state: 'data', email, token: params.token, tables: [...found.tables].map(([table, rows]) => ({ table, rows: rows.length })) });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getState(context);
  const email = openDataLink(state.services.config.sessionSecret, params.token);
  if (!email) return data({ errors: { form: 'guestdata.linkInvalid' } as FieldErrors, erased: false }, { status: 410 });
  const form = await request.formData();
  if (form.get('confirm') !== 'yes') return data({ errors: { confirm: 'guestdata.confirmRequired' } as FieldErrors, erased: false }, { status: 400 });
  const touched = await eraseGuestData(state.services.db, email);
  if (!touched) return data({ errors: { form: 'guestdata.account' } as FieldErrors, erased: false }, { status: 409 });
  return data({ errors: {} as FieldErrors, erased: true });
}

export default function MyDataLink() {
  const t = useT();
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('guestdata.title')} – Työpeili`}</title>
      <h1>{t('guestdata.title')}</h1>
      {result?.erased ? (
        <p className="notice notice--success" role="status">
          {t('guestdata.erased')}
        </p>
      ) : view.state === 'invalid' ? (
        <>
          <p className="notice">{t('guestdata.linkInvalid')}</p>
          <p>
            <a href="/my-data">{t('guestdata.requestNew')}</a>
          </p>
        </>
      ) : view.state === 'account' ? (
        <>
          <p className="notice">{t('guestdata.account')}</p>
          <p>
            <a className="button" href="/sign-in?next=/profile">
              {t('guestdata.signIn')}
            </a>
          </p>
        </>
      ) : (
        <>
          <h2>{t('guestdata.heldTitle', { email: view.email })}</h2>
          <ErrorSummary errors={errors} order={['form', 'confirm']} />
          {view.tables.length === 0 ? (
            <p>{t('guestdata.none')}</p>
          ) : (
            <>
              <ul>
                {view.tables.map((x) => (
                  <li key={x.table}>
                    {t(`mydata.table.${x.table}` as MessageKey)}: {t('guestdata.rows', { count: x.rows })}
                  </li>
                ))}
              </ul>
              <p>
                <a className="button button--secondary" href={`/my-data/${view.token}/data.zip`} download>
                  {t('guestdata.download')}
                </a>
              </p>
              <h2>{t('guestdata.eraseTitle')}</h2>
              <p>{t('guestdata.eraseLead')}</p>
              <Form method="post" className="stack" noValidate>
                <Choice
                  id="confirm"
                  name="confirm"
                  value="yes"
                  label={t('guestdata.confirmLabel')}
                  aria-describedby={errors.confirm ? 'confirm-error' : undefined}
                />
                {errors.confirm ? (
                  <p className="error-text" id="confirm-error">
                    {t(errors.confirm)}
                  </p>
                ) : null}
                <div>
                  <button type="submit" className="button button--danger">
                    {t('guestdata.eraseConfirm')}
                  </button>
                </div>
              </Form>
            </>
          )}
        </>
      )}
    </div>
  );
}
