// /programmes/:programmeId/end: the participant's end date and situation on leaving.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/participant-end';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, useFieldError, type FieldErrors } from '../../ui/form';
import { EndFields } from '../../ui/participant-forms';
import { authorize, participantDataPolicy } from '../../../src/platform/policy/index.ts';
import { formatDateInput } from '../../../src/platform/validation/finnish-input.ts';
import { utcToZoned } from '../../../src/features/meetings/zoned-time.ts';
import { participantContext } from '../../../src/features/programmes/programmes.queries.ts';
import { recordEnd } from '../../../src/features/programmes/record-end.ts';
import { ProgrammeChangeError } from '../../../src/features/programmes/programmes.errors.ts';
import { endFormSchema } from '../../../src/features/programmes/programmes.validation.ts';

async function load(args: { request: Request; params: { programmeId?: string }; context: Route.LoaderArgs['context'] }) {
  const { state, actor } = requireActor(args.context, args.request);
  const programmeId = uuidParam(args.params.programmeId);
  const context = await participantContext(state.services.db, { userId: actor.userId, programmeId });
  if (!context) throw data(null, { status: 404 });
  try {
    authorize(actor, context.resource, participantDataPolicy.enterOwn);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return { state, actor, context };
}

export async function loader(args: Route.LoaderArgs) {
  const { context } = await load(args);
  const today = utcToZoned(new Date()).date;
  const endedOn = context.end?.endedOn ?? context.lastLeftOn ?? (context.programme.endsOn < today ? context.programme.endsOn : today);
  return {
    id: context.programme.id,
    name: context.programme.name,
    hasStart: context.start !== null,
    saved: context.end !== null,
    values: { endedOn: formatDateInput(endedOn), situations: context.end?.situations ?? [] },
  };
}

type ActionResult = { errors: FieldErrors; values: { endedOn: string; situations: string[] } };

export async function action(args: Route.ActionArgs) {
  const { state, actor, context } = await load(args);
  const form = await args.request.formData();
  const raw = { endedOn: String(form.get('endedOn') ?? ''), situations: form.getAll('situations').map(String) };
  const parsed = endFormSchema.safeParse(raw);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: raw }, { status: 400 });
  try {
    await recordEnd(actor, state.services, { programmeId: context.programme.id, end: parsed.data });
  } catch (error) {
    if (error instanceof ProgrammeChangeError) return data<ActionResult>({ errors: { endedOn: error.messageKey }, values: raw }, { status: 400 });
    rethrowAsResponse(error);
  }
  return redirect('/home?done=programme-end');
}

export default function ParticipantEnd() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = useFieldError(errors);
  return (
    <div className="page">
      <title>{`${t('programmes.end.title')} – Työpeili`}</title>
      <p>
        <a href="/home">{t('programmes.start.back')}</a>
      </p>
      <h1>{t('programmes.end.title')}</h1>
      <p className="lead">{t('programmes.start.programme', { name: page.name })}</p>
      <section className="card" aria-labelledby="purpose-title">
        <h2 id="purpose-title">{t('programmes.start.purposeTitle')}</h2>
        <p>{t('programmes.end.purpose')}</p>
        <p>{t('programmes.start.who')}</p>
      </section>
      {!page.hasStart ? (
        <p>
          <a href={`/programmes/${page.id}/start`}>{t('programmes.end.startFirst')}</a>
        </p>
      ) : (
        <>
          {page.saved ? (
            <p className="notice" role="status">
              {t('programmes.end.saved')}
            </p>
          ) : null}
          <ErrorSummary errors={errors} order={['endedOn', 'situations']} />
          <Form method="post" className="stack" noValidate>
            <EndFields values={result?.values ?? page.values} err={err} />
            <p>
              <button type="submit" className="button">
                {t('programmes.end.submit')}
              </button>
            </p>
          </Form>
        </>
      )}
    </div>
  );
}
