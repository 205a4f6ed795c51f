import { redirect } from 'react-router';
import type { Route } from './+types/sign-out';
import { getState } from '../../lib/state.server';
import { deleteSession } from '../../../src/features/accounts/sessions.ts';
import { clearedSessionCookie } from '../../../src/features/accounts/cookies.ts';

export async function action({ context }: Route.ActionArgs) {
  const state = getState(context);
  if (state.sessionId) await deleteSession(state.services.db, state.sessionId);
  return redirect('/', { headers: { 'Set-Cookie': clearedSessionCookie(state.services.config.isProduction) } });
}

export function loader() {
  return redirect('/');
}
