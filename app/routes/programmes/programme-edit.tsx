// /organization/programmes/:programmeId/edit: the lead organisation edits the programme's details.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/programme-edit';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { loadProgrammeFor } from '../../lib/programmes.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, useFieldError, type FieldErrors } from '../../ui/form';
import { ProgrammeFields, programmeFieldOrder } from '../../ui/programme-form';
import { programmePolicy } from '../../../src/platform/policy/index.ts';
import { formatDateInput } from '../../../src/platform/validation/finnish-input.ts';
import { updateProgramme } from '../../../src/features/programmes/update-programme.ts';
import { programmeFormSchema } from '../../../src/features/programmes/programmes.validation.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.edit);
  return {
    id: programme.id,
    name: programme.name,
    values: {
      name: programme.name,
      funder: programme.funder,
      fundingProgramme: programme.fundingProgramme,
      indicatorSet: programme.indicatorSet,
      projectCode: programme.projectCode,
      startsOn: formatDateInput(programme.startsOn),
      endsOn: formatDateInput(programme.endsOn),
      soleTraderRule: programme.soleTraderRule,
      asksSpecialCategories: programme.asksSpecialCategories ? 'on' : '',
    } as Record<string, string>,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.edit);
  const form = await formFields(request);
  const parsed = programmeFormSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await updateProgramme(actor, state.services, { programmeId: programme.id, programme: parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/organization/programmes/${programme.id}?done=updated`);
}

export default function EditProgramme() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = useFieldError(errors);
  return (
    <div className="page">
      <title>{`${t('programmes.edit.title')} – Työpeili`}</title>
      <p>
        <a href={`/organization/programmes/${page.id}`}>{t('programmes.backTo', { name: page.name })}</a>
      </p>
      <h1>{t('programmes.edit.title')}</h1>
      <ErrorSummary errors={errors} order={programmeFieldOrder} />
      <Form method="post" className="stack" noValidate>
        <ProgrammeFields values={result?.values ?? page.values} err={err} />
        <p>
          <button type="submit" className="button">
            {t('programmes.edit.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
