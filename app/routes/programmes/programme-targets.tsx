// /organization/programmes/:programmeId/targets: planned values per indicator of the programme's
// set (realised values are computed from the data later, never typed here).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/programme-targets';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { loadProgrammeFor } from '../../lib/programmes.server';
import { useT } from '../../lib/i18n';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { ErrorSummary, fieldErrors, rethrowAsResponse, useFieldError, type FieldErrors } from '../../ui/form';
import { Field } from '../../ui/form';
import { programmePolicy } from '../../../src/platform/policy/index.ts';
import { indicatorsOf } from '../../../src/features/programmes/indicators.ts';
import { targetsOf } from '../../../src/features/programmes/programmes.queries.ts';
import { saveTargets } from '../../../src/features/programmes/save-targets.ts';
import { targetsFormSchema } from '../../../src/features/programmes/programmes.validation.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.editTargets);
  const targets = await targetsOf(state.services.db, { organizationId: programme.organizationId, programmeId: programme.id });
  const list = indicatorsOf(programme.indicatorSet).map((i) => ({ code: i.code, kind: i.kind }));
  return {
    id: programme.id,
    name: programme.name,
    indicatorSet: programme.indicatorSet,
    indicators: list,
    values: Object.fromEntries(list.map((i) => [`target-${i.code}`, targets.has(i.code) ? String(targets.get(i.code)) : ''])) as Record<string, string>,
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const { programme } = await loadProgrammeFor(state.services, actor, params.programmeId, programmePolicy.editTargets);
  const form = await formFields(request);
  const parsed = targetsFormSchema(programme.indicatorSet).safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error, 'programmes.validation.target'), values: form }, { status: 400 });
  try {
    await saveTargets(actor, state.services, { programmeId: programme.id, targets: parsed.data });
  } catch (error) {
    rethrowAsResponse(error);
  }
  return redirect(`/organization/programmes/${programme.id}?done=targets#targets-title`);
}

const kinds = ['participants', 'entities', 'results'] as const;

export default function ProgrammeTargets() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = useFieldError(errors);
  const values = result?.values ?? page.values;
  return (
    <div className="page">
      <title>{`${t('programmes.targets.editTitle')} – Työpeili`}</title>
      <p>
        <a href={`/organization/programmes/${page.id}`}>{t('programmes.backTo', { name: page.name })}</a>
      </p>
      <h1>{t('programmes.targets.editTitle')}</h1>
      <p className="lead">{t('programmes.targets.editLead', { set: t(`programmes.set.${page.indicatorSet}`) })}</p>
      <ErrorSummary errors={errors} order={page.indicators.map((i) => `target-${i.code}`)} />
      <Form method="post" className="stack" noValidate>
        {kinds.map((kind) => {
          const list = page.indicators.filter((i) => i.kind === kind);
          if (list.length === 0) return null;
          return (
            <fieldset key={kind}>
              <legend>{t(`programmes.targets.kind.${kind}`)}</legend>
              {list.map((i) => (
                <Field key={i.code} id={`target-${i.code}`} label={`${i.code} ${t(`programmes.indicator.${i.code}` as MessageKey)}`} error={err(`target-${i.code}`)}>
                  {(p) => <input {...p} type="text" inputMode="numeric" size={8} defaultValue={values[`target-${i.code}`] ?? ''} autoComplete="off" />}
                </Field>
              ))}
            </fieldset>
          );
        })}
        <p>
          <button type="submit" className="button">
            {t('programmes.targets.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
