// /groups/new: a coordinator creates a group with its 1–2 facilitators.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/groups-new';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { GroupFields } from '../../ui/group-form';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, groupPolicy } from '../../../src/platform/policy/index.ts';
import { listFacilitatorCandidates } from '../../../src/features/groups/groups.queries.ts';
import { groupFormSchema } from '../../../src/features/groups/groups.validation.ts';
import { createGroup } from '../../../src/features/groups/create-group.ts';

function scope(organizationId: string | null) {
  if (!organizationId) throw data(null, { status: 404 });
  return { organizationId, facilitatorUserIds: [], memberUserIds: [] };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const group = scope(actor.organizationId);
  try {
    authorize(actor, group, groupPolicy.create);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return { candidates: await listFacilitatorCandidates(state.services.db, { organizationId: group.organizationId }) };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const group = scope(actor.organizationId);
  const form = await formFields(request);
  const parsed = groupFormSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    const { id } = await createGroup(actor, state.services, { organizationId: group.organizationId, form: parsed.data });
    return redirect(`/groups/${id}?done=created`);
  } catch (error) {
    if (error instanceof DomainError && error.status < 403) return data<ActionResult>({ errors: { facilitator1: error.messageKey }, values: form }, { status: error.status });
    rethrowAsResponse(error);
  }
}

export default function NewGroup() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('groups.new.title')} – Työpeili`}</title>
      <p>
        <a href="/groups">{t('groups.back')}</a>
      </p>
      <h1>{t('groups.new.title')}</h1>
      <p className="lead">{t('groups.new.lead')}</p>
      <ErrorSummary errors={errors} order={['name', 'status', 'format', 'facilitator1', 'facilitator2', 'description']} />
      <Form method="post" className="stack" noValidate>
        <GroupFields values={result?.values ?? {}} err={err} candidates={page.candidates} />
        <p>
          <button type="submit" className="button">
            {t('groups.new.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
