// /groups/:groupId/edit: the coordinator edits the group and its members (4–8 is
// advised: outside it the page warns but does not stop). Removing a member asks for
// confirmation (a second POST with confirm=on) and can be undone from the notice.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/group-edit';
import { requireActor } from '../../lib/state.server';
import { loadGroup } from '../../lib/group.server';
import { formFields, notice } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { GroupFields } from '../../ui/group-form';
import { ConfirmStep, isConfirmed } from '../../ui/confirm';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { groupPolicy } from '../../../src/platform/policy/index.ts';
import { findLeftMember, listFacilitatorCandidates, listGroupPeople, listMemberCandidates } from '../../../src/features/groups/groups.queries.ts';
import { groupSizeAdvice } from '../../../src/features/groups/group-rules.ts';
import { addMemberSchema, groupFormSchema, removeMemberSchema } from '../../../src/features/groups/groups.validation.ts';
import { updateGroup } from '../../../src/features/groups/update-group.ts';
import { addGroupMember, removeGroupMember, restoreGroupMember } from '../../../src/features/groups/group-membership.ts';

const notices = ['memberAdded', 'memberRemoved', 'memberRestored'] as const;

const load = (services: Services, actor: Actor, groupIdParam: string | undefined) => loadGroup(services, actor, groupIdParam, groupPolicy.edit);

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await load(state.services, actor, params.groupId);
  const { db } = state.services;
  const scope = { organizationId: group.organizationId, groupId: group.id };
  const url = new URL(request.url);
  const done = notice(url, notices);
  const removedId = done === 'memberRemoved' ? z.uuid().safeParse(url.searchParams.get('member')).data : undefined;
  const [people, candidates, addable, removed] = await Promise.all([
    listGroupPeople(db, scope),
    listFacilitatorCandidates(db, scope),
    listMemberCandidates(db, scope),
    removedId ? findLeftMember(db, { ...scope, userId: removedId }) : Promise.resolve(null),
  ]);
  return {
    notice: done,
    // The undo of a removal, offered on the notice right after it.
    removed: removed ? { userId: removed.userId, name: removed.name } : null,
    group: { id: group.id, name: group.name },
    values: {
      name: group.name,
      status: group.status,
      format: group.format,
      description: group.description ?? '',
      facilitator1: group.facilitatorUserIds[0] ?? '',
      facilitator2: group.facilitatorUserIds[1] ?? '',
    },
    candidates,
    members: people.members.map((m) => ({ userId: m.userId, name: m.name, company: m.companyName })),
    addable,
    sizeAdvice: groupSizeAdvice(people.members.length),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string>; confirm?: { userId: string; name: string } };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await load(state.services, actor, params.groupId);
  const form = await formFields(request);
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  const scope = { organizationId: group.organizationId, groupId: group.id };
  try {
    if (intent === 'save') {
      const parsed = groupFormSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await updateGroup(actor, state.services, { ...scope, form: parsed.data });
      return redirect(`/groups/${group.id}?done=updated`);
    }
    if (intent === 'add') {
      const parsed = addMemberSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addGroupMember(actor, state.services, { ...scope, userId: parsed.data.userId });
      return redirect(`/groups/${group.id}/edit?done=memberAdded`);
    }
    if (intent === 'remove') {
      const parsed = removeMemberSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      if (!isConfirmed(form)) {
        // The first step changes nothing: it asks, naming the person.
        const member = (await listGroupPeople(state.services.db, scope)).members.find((m) => m.userId === parsed.data.userId);
        if (!member) throw data(null, { status: 404 });
        return data<ActionResult>({ intent, errors: {}, values: form, confirm: { userId: member.userId, name: member.name } });
      }
      await removeGroupMember(actor, state.services, { ...scope, userId: parsed.data.userId });
      return redirect(`/groups/${group.id}/edit?done=memberRemoved&member=${parsed.data.userId}`);
    }
    if (intent === 'restore') {
      const parsed = removeMemberSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await restoreGroupMember(actor, state.services, { ...scope, userId: parsed.data.userId });
      return redirect(`/groups/${group.id}/edit?done=memberRestored`);
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    if (error instanceof DomainError && (error.status === 400 || error.status === 409)) return fail({ [intent === 'save' ? 'facilitator1' : 'userId']: error.messageKey }, error.status);
    rethrowAsResponse(error);
  }
}

export default function EditGroup() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const values = result?.intent === 'save' ? result.values : page.values;
  return (
    <div className="page">
      <title>{`${t('groups.edit.title')}: ${page.group.name} – Työpeili`}</title>
      <p>
        <a href={`/groups/${page.group.id}`}>{t('groups.backToGroup')}</a>
      </p>
      <h1>{t('groups.edit.title')}</h1>
      {page.notice === 'memberRemoved' && page.removed ? (
        <div className="notice notice--success" role="status">
          <p>{t('groups.notice.memberRemovedNamed', { name: page.removed.name })}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="restore" />
            <input type="hidden" name="userId" value={page.removed.userId} />
            <button type="submit" className="button button--secondary">
              {t('groups.edit.undoRemove', { name: page.removed.name })}
            </button>
          </Form>
        </div>
      ) : page.notice ? (
        <p className="notice notice--success" role="status">
          {t(`groups.notice.${page.notice}`)}
        </p>
      ) : null}
      {result?.confirm ? (
        <ConfirmStep
          title={t('groups.edit.confirmRemoveTitle', { name: result.confirm.name })}
          lead={t('groups.edit.confirmRemoveLead', { name: result.confirm.name })}
          fields={{ intent: 'remove', userId: result.confirm.userId }}
          confirmLabel={t('groups.edit.confirmRemove')}
          backHref={`/groups/${page.group.id}/edit`}
          backLabel={t('confirm.back')}
        />
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'name', 'status', 'format', 'facilitator1', 'facilitator2', 'description', 'userId']} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="save" />
        <GroupFields values={values} err={err} candidates={page.candidates} />
        <p>
          <button type="submit" className="button">
            {t('groups.edit.submit')}
          </button>
        </p>
      </Form>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('groups.members', { count: page.members.length })}</h2>
        {page.sizeAdvice ? (
          <p className="notice" role="note">
            {t(`groups.sizeWarning.${page.sizeAdvice}`, { count: page.members.length })}
          </p>
        ) : null}
        <ul className="plain-list">
          {page.members.map((m) => (
            <li key={m.userId}>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="userId" value={m.userId} />
                {m.name}
                {m.company ? `, ${m.company}` : ''}{' '}
                <button type="submit" className="link-button" aria-label={t('groups.edit.removeNamed', { name: m.name })}>
                  {t('groups.edit.remove')}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {page.addable.length ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="add" />
            <Field id="userId" label={t('groups.edit.addLabel')} hint={t('groups.edit.addHint')} error={err('userId')}>
              {(p) => (
                <select {...p} defaultValue="">
                  <option value="">{t('groups.field.choose')}</option>
                  {page.addable.map((c) => (
                    <option key={c.userId} value={c.userId}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <p>
              <button type="submit" className="button button--secondary">
                {t('groups.edit.add')}
              </button>
            </p>
          </Form>
        ) : (
          <p>{t('groups.edit.noneToAdd')}</p>
        )}
      </section>
    </div>
  );
}
