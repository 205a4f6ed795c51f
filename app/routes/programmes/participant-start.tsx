// /programmes/:programmeId/start: "Ohjelman aloitustiedot", the participant's own start data,
// asked with its purpose when they join a group of the programme. Only the person themself.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/participant-start';
import { requireActor } from '../../lib/state.server';
import { formFields, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, useFieldError, type FieldErrors } from '../../ui/form';
import { StartFields, startFieldOrder } from '../../ui/participant-forms';
import { authorize, participantDataPolicy } from '../../../src/platform/policy/index.ts';
import { participantContext } from '../../../src/features/programmes/programmes.queries.ts';
import { recordStart } from '../../../src/features/programmes/record-start.ts';
import { ProgrammeChangeError } from '../../../src/features/programmes/programmes.errors.ts';
import { startFormSchema } from '../../../src/features/programmes/programmes.validation.ts';
import { specialItems } from '../../../src/features/programmes/indicators.ts';

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
  const s = context.start;
  return {
    id: context.programme.id,
    name: context.programme.name,
    asksSpecial: context.programme.asksSpecialCategories,
    startedOn: s?.startedOn ?? context.joinedOn,
    saved: s !== null,
    values: s
      ? ({
          gender: s.gender,
          employmentStatus: s.employmentStatus,
          ageBand: s.ageBand,
          education: s.education,
          ...Object.fromEntries(specialItems.map((item) => [item, s[item]])),
        } as Record<string, string | null>)
      : {},
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { state, actor, context } = await load(args);
  const form = await formFields(args.request);
  const parsed = startFormSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await recordStart(actor, state.services, { programmeId: context.programme.id, start: parsed.data });
  } catch (error) {
    if (error instanceof ProgrammeChangeError) return data<ActionResult>({ errors: { birthDate: error.messageKey }, values: form }, { status: 400 });
    rethrowAsResponse(error);
  }
  return redirect('/home?done=programme-start');
}

export default function ParticipantStart() {
  const t = useT();
  const f = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = useFieldError(errors);
  return (
    <div className="page">
      <title>{`${t('programmes.start.title')} – Työpeili`}</title>
      <p>
        <a href="/home">{t('programmes.start.back')}</a>
      </p>
      <h1>{t('programmes.start.title')}</h1>
      <p className="lead">{t('programmes.start.programme', { name: page.name })}</p>
      <section className="card" aria-labelledby="purpose-title">
        <h2 id="purpose-title">{t('programmes.start.purposeTitle')}</h2>
        <p>{t('programmes.start.purpose')}</p>
        <p>{t('programmes.start.who')}</p>
        <p>{t('programmes.start.optional')}</p>
      </section>
      {page.saved ? (
        <p className="notice" role="status">
          {t('programmes.start.saved')}
        </p>
      ) : null}
      {page.startedOn ? <p>{t('programmes.start.startedOnIs', { date: f.date(page.startedOn) })}</p> : null}
      <ErrorSummary errors={errors} order={startFieldOrder} />
      <Form method="post" className="stack" noValidate>
        <StartFields values={result?.values ?? page.values} err={err} asksSpecial={page.asksSpecial} />
        <p>
          <button type="submit" className="button">
            {t('programmes.start.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
