import type { RouterContextProvider } from 'react-router';
import { requestStateContext } from '../context';
import type { RequestState } from '../../src/platform/http/request-state.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { redirect } from 'react-router';

export function getState(context: Readonly<RouterContextProvider>): RequestState {
  return context.get(requestStateContext);
}

/** The signed-in person, or a redirect to sign in that comes back here. */
export function requireActor(context: Readonly<RouterContextProvider>, request: Request): { state: RequestState; actor: Actor } {
  const state = getState(context);
  if (!state.actor) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { state, actor: state.actor };
}
