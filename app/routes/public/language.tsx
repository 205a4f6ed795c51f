import { redirect } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/language';
import { getState } from '../../lib/state.server';
import { safeNext } from '../../../src/platform/http/safe-next.ts';
import { setUserLocale } from '../../../src/features/accounts/profile.ts';

const schema = z.object({ locale: z.enum(['fi', 'sv', 'en']), next: z.string().optional() });

export async function action({ request, context }: Route.ActionArgs) {
  const state = getState(context);
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response('Bad Request', { status: 400 });
  const { locale, next } = parsed.data;
  if (state.actor) await setUserLocale(state.services.db, state.actor.userId, locale);
  const secure = state.services.config.isProduction ? '; Secure' : '';
  return redirect(safeNext(next, '/'), {
    headers: { 'Set-Cookie': `tyopeili_lang=${locale}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly${secure}` },
  });
}

export function loader() {
  return redirect('/');
}
