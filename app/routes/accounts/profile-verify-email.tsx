import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/profile-verify-email';
import { getState } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { confirmEmailChange } from '../../../src/features/accounts/profile.ts';

// Opening the link is the confirmation: the token is single use and bound to the new address.
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const state = getState(context);
  const sealed = new URL(request.url).searchParams.get('e') ?? '';
  const ok = sealed.length > 0 && sealed.length < 1000 && (await confirmEmailChange(state.services, params.token, sealed));
  return data({ ok }, { status: ok ? 200 : 410 });
}

export default function VerifyEmail() {
  const t = useT();
  const { ok } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <title>{`${t('profile.emailTitle')} – Työpeili`}</title>
      <h1>{t('profile.emailTitle')}</h1>
      <p className={ok ? 'notice notice--success' : 'notice'}>{ok ? t('profile.emailChanged') : t('auth.resetLinkInvalid')}</p>
      <p>
        <a href="/profile">{t('nav.profile')}</a>
      </p>
    </div>
  );
}
