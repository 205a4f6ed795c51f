// /organization/programmes/new: a new programme led by the organisation.
import { data, Form, redirect, useActionData } from 'react-router';
import type { Route } from './+types/programme-new';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { requireProgrammeStaff } from '../../lib/programmes.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, useFieldError, type FieldErrors } from '../../ui/form';
import { ProgrammeFields, programmeFieldOrder } from '../../ui/programme-form';
import { createProgramme } from '../../../src/features/programmes/create-programme.ts';
import { programmeFormSchema } from '../../../src/features/programmes/programmes.validation.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor } = requireActor(context, request);
  requireProgrammeStaff(actor);
  return null;
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireProgrammeStaff(actor);
  const form = await formFields(request);
  const parsed = programmeFormSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    const created = await createProgramme(actor, state.services, { organizationId, programme: parsed.data });
    return redirect(`/organization/programmes/${created.id}?done=created`);
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function NewProgramme() {
  const t = useT();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = useFieldError(errors);
  const values = result?.values ?? { indicatorSet: 'esf2021', soleTraderRule: 'participant' };
  return (
    <div className="page">
      <title>{`${t('programmes.new.title')} – Työpeili`}</title>
      <p>
        <a href="/organization/programmes">{t('programmes.back')}</a>
      </p>
      <h1>{t('programmes.new.title')}</h1>
      <ErrorSummary errors={errors} order={programmeFieldOrder} />
      <Form method="post" className="stack" noValidate>
        <ProgrammeFields values={values} err={err} />
        <p>
          <button type="submit" className="button">
            {t('programmes.new.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
