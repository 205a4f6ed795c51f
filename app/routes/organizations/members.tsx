// /organization/members: the coordinator's (and admin's) page for the people of one
// organisation: members with their roles, pending invitations, and the invite form.
// Loader and action: validate → load (scoped) → authorize → use case → respond with `can`.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/members';
import { requireActor } from '../../lib/state.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, can, invitationPolicy, membershipPolicy, roleAssignmentPolicy } from '../../../src/platform/policy/index.ts';
import { roles } from '../../../src/features/organizations/organizations.schema.ts';
import { locales } from '../../../src/features/accounts/accounts.schema.ts';
import { findOrganization, listMembers, listPendingInvitations } from '../../../src/features/organizations/organizations.queries.ts';
import {
  changeRoleSchema,
  inviteMemberSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from '../../../src/features/organizations/organizations.validation.ts';
import { inviteMember } from '../../../src/features/organizations/invite-member.ts';
import { changeRole } from '../../../src/features/organizations/change-role.ts';
import { removeMember } from '../../../src/features/organizations/remove-member.ts';
import { revokeInvitation } from '../../../src/features/organizations/revoke-invitation.ts';
import { recordStaffRead } from '../../../src/platform/audit/staff-reads.ts';
import { ConfirmStep, isConfirmed } from '../../ui/confirm';

const notices = ['invited', 'roleChanged', 'removed', 'erased', 'revoked'] as const;
type Notice = (typeof notices)[number];
const noticeKeys: Record<Notice, MessageKey> = {
  invited: 'org.invite.sent',
  roleChanged: 'org.members.roleChanged',
  removed: 'org.members.removed',
  erased: 'org.members.erased',
  revoked: 'org.invitations.revoked',
};

/** Coordinators work in their active organisation; admins may name any with ?organization=. */
function organizationIdFrom(actor: Actor, value: string | null): string {
  if (!value) {
    if (!actor.organizationId) throw data(null, { status: 404 });
    return actor.organizationId;
  }
  const parsed = z.uuid().safeParse(value);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

function pageUrl(organizationId: string, actor: Actor, notice?: Notice): string {
  const params = new URLSearchParams();
  if (organizationId !== actor.organizationId) params.set('organization', organizationId);
  if (notice) params.set('done', notice);
  const query = params.toString();
  return '/organization/members' + (query ? `?${query}` : '');
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  // validate
  const url = new URL(request.url);
  const organizationId = organizationIdFrom(actor, url.searchParams.get('organization'));
  const done = url.searchParams.get('done');
  const notice = (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null;
  // load, scoped to the organisation
  const { db } = state.services;
  const organization = await findOrganization(db, { organizationId });
  const scope = { organizationId };
  try {
    if (!organization) throw data(null, { status: 404 });
    // authorize
    authorize(actor, scope, membershipPolicy.list);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const [members, invitations] = await Promise.all([listMembers(db, scope), listPendingInvitations(db, scope)]);
  await recordStaffRead(db, actor, {
    organizationId,
    purpose: 'organization.members',
    targetType: 'organization',
    targetId: organizationId,
    subjectUserIds: members.map((m) => m.userId),
  });
  // The use cases keep the last coordinator: hide what they would refuse.
  const coordinators = members.filter((m) => m.role === 'coordinator').length;
  const isLastCoordinator = (role: string) => role === 'coordinator' && coordinators <= 1;
  // respond with the data and what the actor may do with it
  return {
    organization: { id: organization.id, name: organization.name },
    notice,
    assignableRoles: roles.filter((role) => roleAssignmentPolicy.assign(actor, { organizationId, role })),
    can: { invite: invitationPolicy.create(actor, scope), listInvitations: invitationPolicy.list(actor, scope) },
    members: members.map((m) => ({
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      isSelf: m.userId === actor.userId,
      can: isLastCoordinator(m.role) ? { ...can(membershipPolicy, actor, m), changeRole: false, remove: false } : can(membershipPolicy, actor, m),
    })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      name: i.name,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
      can: can(invitationPolicy, actor, i),
    })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values?: Record<string, string>; confirmErase?: { userId: string; name: string } };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const organizationId = organizationIdFrom(actor, form.organization || null);
  const { services } = state;
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) =>
    data<ActionResult>(
      {
        intent,
        errors,
        values: intent === 'invite' ? { email: form.email ?? '', name: form.name ?? '', role: form.role ?? '', locale: form.locale ?? '' } : undefined,
      },
      { status },
    );
  try {
    if (!(await findOrganization(services.db, { organizationId }))) throw data(null, { status: 404 });
    if (intent === 'invite') {
      const parsed = inviteMemberSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await inviteMember(actor, services, { organizationId, ...parsed.data });
      return redirect(pageUrl(organizationId, actor, 'invited'));
    }
    if (intent === 'changeRole') {
      const parsed = changeRoleSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await changeRole(actor, services, { organizationId, ...parsed.data });
      return redirect(pageUrl(organizationId, actor, 'roleChanged'));
    }
    if (intent === 'remove') {
      const parsed = removeMemberSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      const erase = parsed.data.data === 'erase';
      if (erase && !isConfirmed(form)) {
        // Asks first, saying what goes and what is kept; changes nothing yet.
        const member = (await listMembers(services.db, { organizationId })).find((m) => m.userId === parsed.data.userId);
        if (!member || !membershipPolicy.remove(actor, member)) throw data(null, { status: member ? 403 : 404 });
        return data<ActionResult>({ intent, errors: {}, confirmErase: { userId: member.userId, name: member.name } });
      }
      await removeMember(actor, services, { organizationId, userId: parsed.data.userId, erase });
      // Removing oneself (a coordinator with another coordinator left) ends access here.
      return redirect(parsed.data.userId === actor.userId ? '/home' : pageUrl(organizationId, actor, erase ? 'erased' : 'removed'));
    }
    if (intent === 'revoke') {
      const parsed = revokeInvitationSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await revokeInvitation(actor, services, { organizationId, ...parsed.data });
      return redirect(pageUrl(organizationId, actor, 'revoked'));
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    // Expected refusals that the person can act on are shown on the page; 403/404 go to the error page.
    if (error instanceof DomainError && error.status === 409) return fail({ form: error.messageKey }, 409);
    rethrowAsResponse(error);
  }
}

export default function OrganizationMembers() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const inviteErrors = result?.intent === 'invite' ? result.errors : {};
  const otherErrors = result && result.intent !== 'invite' ? result.errors : {};
  const values = result?.values ?? {};
  const orgField = <input type="hidden" name="organization" value={page.organization.id} />;
  return (
    <div className="page stack-page">
      <title>{`${t('org.members.title')} – ${page.organization.name} – Työpeili`}</title>
      <h1>{t('org.members.title')}</h1>
      <p className="lead">{t('org.members.lead', { organization: page.organization.name })}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKeys[page.notice])}
        </p>
      ) : null}
      <ErrorSummary errors={otherErrors} order={['form', 'userId', 'role', 'invitationId']} />

      <section aria-labelledby="members-title">
        <h2 id="members-title">
          {t('org.members.membersTitle')} <span className="muted">({t('org.members.count', { count: page.members.length })})</span>
        </h2>
        <ul className="cards member-list">
          {page.members.map((m) => (
            <li className="card" key={m.userId}>
              <h3>
                {m.name} {m.isSelf ? <span className="muted">{t('org.members.you')}</span> : null}
              </h3>
              <p className="member-email">{m.email}</p>
              <p>
                {t('org.members.colRole')}: <strong>{t(`org.role.${m.role}`)}</strong>
              </p>
              {m.can.changeRole ? (
                <Form method="post" className="stack member-form">
                  {orgField}
                  <input type="hidden" name="intent" value="changeRole" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <div className="field">
                    <label htmlFor={`role-${m.userId}`}>{t('org.members.roleFor', { name: m.name })}</label>
                    <select id={`role-${m.userId}`} name="role" defaultValue={m.role}>
                      {page.assignableRoles.map((r) => (
                        <option key={r} value={r}>
                          {t(`org.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <button type="submit" className="button button--secondary">
                    {t('org.members.saveRole')}
                    <span className="visually-hidden">: {m.name}</span>
                  </button>
                </Form>
              ) : null}
              {m.can.remove ? (
                <Form method="post" className="member-form">
                  {orgField}
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={m.userId} />
                  <button type="submit" className="button button--danger">
                    {t('org.members.remove')}
                    <span className="visually-hidden">: {m.name}</span>
                  </button>
                  <button type="submit" name="data" value="erase" className="button button--secondary">
                    {t('org.members.removeErase')}
                    <span className="visually-hidden">: {m.name}</span>
                  </button>
                </Form>
              ) : null}
              {result?.confirmErase?.userId === m.userId ? (
                <ConfirmStep
                  title={t('org.members.eraseConfirmTitle', { name: m.name })}
                  lead={t('org.members.eraseConfirmLead')}
                  fields={{ organization: page.organization.id, intent: 'remove', userId: m.userId, data: 'erase' }}
                  confirmLabel={t('org.members.eraseConfirm')}
                  backHref={`/organization/members?organization=${page.organization.id}`}
                  backLabel={t('mydata.back')}
                >
                  <h4>{t('mydata.goesTitle')}</h4>
                  <p>{t('org.members.eraseGoes')}</p>
                  <h4>{t('mydata.keptTitle')}</h4>
                  <p>{t('org.members.eraseKept')}</p>
                </ConfirmStep>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {page.can.listInvitations ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title">{t('org.invitations.title')}</h2>
          {page.invitations.length === 0 ? (
            <p>{t('org.invitations.none')}</p>
          ) : (
            <ul className="cards">
              {page.invitations.map((i) => (
                <li className="card" key={i.id}>
                  <h3 className="member-email">{i.name ? `${i.name} – ${i.email}` : i.email}</h3>
                  <p>
                    {t('org.members.colRole')}: <strong>{t(`org.role.${i.role}`)}</strong>
                  </p>
                  <p>
                    {t('org.invitations.colExpires')}: {format.date(i.expiresAt)}
                  </p>
                  {i.can.revoke ? (
                    <Form method="post">
                      {orgField}
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" className="button button--secondary">
                        {t('org.invitations.revoke')}
                        <span className="visually-hidden">: {i.email}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {page.can.invite ? (
        <section aria-labelledby="invite-title">
          <h2 id="invite-title">{t('org.invite.title')}</h2>
          <p>{t('org.invite.lead')}</p>
          <ErrorSummary errors={inviteErrors} order={['form', 'email', 'name', 'role', 'locale']} />
          <Form method="post" className="stack" noValidate>
            {orgField}
            <input type="hidden" name="intent" value="invite" />
            <Field id="email" label={t('org.invite.email')} error={inviteErrors.email ? t(inviteErrors.email) : undefined}>
              {(p) => <input {...p} type="email" autoComplete="off" required defaultValue={values.email} />}
            </Field>
            <Field id="name" label={t('org.invite.name')} error={inviteErrors.name ? t(inviteErrors.name) : undefined}>
              {(p) => <input {...p} type="text" autoComplete="off" defaultValue={values.name} />}
            </Field>
            <Field id="role" label={t('org.invite.role')} error={inviteErrors.role ? t(inviteErrors.role) : undefined}>
              {(p) => (
                <select {...p} required defaultValue={values.role || 'entrepreneur'}>
                  {page.assignableRoles.map((r) => (
                    <option key={r} value={r}>
                      {t(`org.role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="locale" label={t('org.invite.locale')} error={inviteErrors.locale ? t(inviteErrors.locale) : undefined}>
              {(p) => (
                <select {...p} defaultValue={values.locale || 'fi'}>
                  {locales.map((l) => (
                    <option key={l} value={l}>
                      {t(`org.language.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('org.invite.submit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
