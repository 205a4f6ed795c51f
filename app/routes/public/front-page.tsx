import { redirect } from 'react-router';
import type { Route } from './+types/front-page';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';

export function loader({ context }: Route.LoaderArgs) {
  const state = getState(context);
  if (state.actor) throw redirect('/home');
  return null;
}

export function meta() {
  return [{ title: 'Työpeili' }, { name: 'description', content: 'Työpeili – vertaisryhmät yksin- ja mikroyrittäjille' }];
}

export default function FrontPage() {
  const t = useT();
  return (
    <div className="page">
      <section className="hero" aria-labelledby="front-title">
        <h1 id="front-title">{t('front.title')}</h1>
        <p className="lead">{t('front.lead')}</p>
        <p className="button-row">
          <a className="button" href="/apply">
            {t('front.apply')}
          </a>
          <a className="button button--secondary" href="/advice/public">
            {t('front.advice')}
          </a>
          <a className="button button--secondary" href="/events">
            {t('front.events')}
          </a>
          <a className="button button--secondary" href="/sign-in">
            {t('front.signIn')}
          </a>
        </p>
      </section>
      <section aria-labelledby="what-title">
        <h2 id="what-title">{t('front.whatTitle')}</h2>
        <ul className="plain-list">
          <li>{t('front.what1')}</li>
          <li>{t('front.what2')}</li>
          <li>{t('front.what3')}</li>
          <li>{t('front.what4')}</li>
        </ul>
      </section>
      <section aria-labelledby="join-title">
        <h2 id="join-title">{t('front.joinTitle')}</h2>
        <ol>
          <li>{t('front.join1')}</li>
          <li>{t('front.join2')}</li>
          <li>{t('front.join3')}</li>
        </ol>
        <p>{t('front.joinContact')}</p>
      </section>
    </div>
  );
}
