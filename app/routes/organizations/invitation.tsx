// /invitation/:token: accept an invitation. Signed out with no account → create
// one here and sign in; an account exists → sign in first, then come back;
// signed in as someone else → say so. Unusable links: 404 (unknown) or 410
// (expired, used, revoked), and nothing changes.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/invitation';
import { getState } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import { enforceRateLimits, rateLimitRules } from '../../../src/platform/http/rate-limit.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { invitationPolicy } from '../../../src/platform/policy/index.ts';
import { createSession, setActiveOrganization } from '../../../src/features/accounts/sessions.ts';
import { sessionCookie } from '../../../src/features/accounts/cookies.ts';
import { acceptInvitation, inspectInvitation } from '../../../src/features/organizations/accept-invitation.ts';
import { InvalidNewAccountError, InvitationUnusableError } from '../../../src/features/organizations/organizations.errors.ts';
import type { Role } from '../../../src/features/organizations/organizations.schema.ts';

type View =
  | { kind: 'unusable'; messageKey: MessageKey }
  | { kind: 'wrongAccount'; signedInName: string; signedInEmail: string; organizationName: string; role: Role }
  | { kind: 'signIn'; signInHref: string; organizationName: string; role: Role; email: string; expiresAt: string }
  | { kind: 'accept'; organizationName: string; role: Role; email: string; expiresAt: string }
  | { kind: 'create'; organizationName: string; role: Role; email: string; name: string; expiresAt: string };

async function limit(state: RequestState) {
  try {
    await enforceRateLimits(state.services.db, [[rateLimitRules.invitationPerIp, state.clientIp]]);
  } catch (error) {
    rethrowAsResponse(error);
  }
}

const statusOf = (error: InvitationUnusableError) => error.status;

async function viewFor(state: RequestState, token: string): Promise<{ view: View; status: number }> {
  const found = await inspectInvitation(state.services.db, token);
  if (found.state === 'unusable') {
    const error = new InvitationUnusableError(found.problem);
    return { view: { kind: 'unusable', messageKey: error.messageKey }, status: statusOf(error) };
  }
  const common = { organizationName: found.organizationName, role: found.role };
  const actor = state.actor;
  if (actor && !invitationPolicy.accept(actor, { organizationId: found.organizationId, email: found.email })) {
    return { view: { kind: 'wrongAccount', signedInName: actor.name, signedInEmail: actor.email, ...common }, status: 409 };
  }
  const expiresAt = found.expiresAt.toISOString();
  if (actor) return { view: { kind: 'accept', email: found.email, expiresAt, ...common }, status: 200 };
  if (found.accountExists) {
    return {
      view: { kind: 'signIn', signInHref: `/sign-in?next=${encodeURIComponent(`/invitation/${token}`)}`, email: found.email, expiresAt, ...common },
      status: 200,
    };
  }
  return { view: { kind: 'create', email: found.email, name: found.name ?? '', expiresAt, ...common }, status: 200 };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getState(context);
  await limit(state);
  const { view, status } = await viewFor(state, params.token);
  return data({ view }, { status });
}

type ActionResult = { view?: View; errors: FieldErrors; values?: { name: string } };

export async function action({ params, request, context }: Route.ActionArgs) {
  const state = getState(context);
  await limit(state);
  const { services } = state;
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  try {
    if (state.actor) {
      const accepted = await acceptInvitation(state.actor, services, { token: params.token });
      if (state.sessionId) await setActiveOrganization(services.db, state.sessionId, accepted.organizationId);
      return redirect('/home');
    }
    const name = (form.name ?? '').trim();
    const password = form.password ?? '';
    const accepted = await acceptInvitation(null, services, { token: params.token, newAccount: { name, password, locale: state.locale } });
    const session = await createSession(services.db, { userId: accepted.userId, rememberMe: false, userAgent: request.headers.get('user-agent') });
    await setActiveOrganization(services.db, session.id, accepted.organizationId);
    return redirect('/home', { headers: { 'Set-Cookie': sessionCookie(session.token, { isProduction: services.config.isProduction }) } });
  } catch (error) {
    if (error instanceof InvalidNewAccountError) {
      const { view } = await viewFor(state, params.token);
      return data<ActionResult>({ view, errors: { [error.field]: error.messageKey }, values: { name: form.name ?? '' } }, { status: 400 });
    }
    if (error instanceof DomainError && (error.status === 404 || error.status === 410 || error.status === 409)) {
      // Unusable, wrong account, or an account appeared meanwhile: show the page as it is now.
      const { view, status } = await viewFor(state, params.token);
      return data<ActionResult>(
        { view, errors: view.kind === 'unusable' ? {} : { form: error.messageKey } },
        { status: status === 200 ? error.status : status },
      );
    }
    rethrowAsResponse(error);
  }
}

export default function Invitation() {
  const t = useT();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const view: View = result?.view ?? loaded.view;
  const errors = result?.errors ?? {};
  if (view.kind === 'unusable') {
    return (
      <div className="page">
        <title>{`${t('invitation.unusableTitle')} – Työpeili`}</title>
        <h1>{t('invitation.unusableTitle')}</h1>
        <p className="notice" role="alert">
          {t(view.messageKey)}
        </p>
        <p>
          <a href="/sign-in">{t('invitation.toSignIn')}</a>
        </p>
      </div>
    );
  }
  const lead = t('invitation.lead', { organization: view.organizationName, role: t(`org.role.${view.role}`) });
  return (
    <div className="page">
      <title>{`${t('invitation.title')} – Työpeili`}</title>
      <h1>{t('invitation.title')}</h1>
      <p className="lead">{lead}</p>
      <ErrorSummary errors={errors} order={['form', 'name', 'password']} />
      {view.kind === 'wrongAccount' ? (
        <>
          <p className="notice" role="alert">
            {t('org.invitation.wrongAccount')}
          </p>
          <p>{t('invitation.signedInAs', { name: view.signedInName, email: view.signedInEmail })}</p>
          <Form method="post" action="/sign-out" reloadDocument>
            <button type="submit" className="button button--secondary">
              {t('invitation.signOutButton')}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t('invitation.forEmail', { email: view.email })}</p>
          <p>{t('invitation.validUntil', { date: format.date(view.expiresAt) })}</p>
        </>
      )}
      {view.kind === 'accept' ? (
        <Form method="post">
          <button type="submit" className="button">
            {t('invitation.acceptButton')}
          </button>
        </Form>
      ) : null}
      {view.kind === 'signIn' ? (
        <>
          <p>{t('org.invitation.signInFirst')}</p>
          <p>
            <a className="button" href={view.signInHref}>
              {t('invitation.signInButton')}
            </a>
          </p>
        </>
      ) : null}
      {view.kind === 'create' ? (
        <section aria-labelledby="create-title">
          <h2 id="create-title">{t('invitation.createTitle')}</h2>
          <p>{t('invitation.createLead')}</p>
          <Form method="post" className="stack" noValidate>
            <Field id="name" label={t('invitation.name')} error={errors.name ? t(errors.name) : undefined}>
              {(p) => <input {...p} type="text" autoComplete="name" required defaultValue={result?.values?.name ?? view.name} />}
            </Field>
            <Field id="password" label={t('invitation.password')} hint={t('invitation.passwordHint')} error={errors.password ? t(errors.password) : undefined}>
              {(p) => <input {...p} type="password" autoComplete="new-password" required minLength={12} />}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('invitation.createButton')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
