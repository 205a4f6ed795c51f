// /training/my/:enrolmentId/evaluation: the trainee's course evaluation — after each session that
// has begun and at the end of the course, two ratings (1–5) and a comment, anonymous (the answer
// is stored without the trainee). One answer per session and for the course; `?target=` picks
// which one the form is for (the first one not yet given by default).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/evaluation';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, RadioGroup, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { authorize, coursePolicy } from '../../../src/platform/policy/index.ts';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { cohortResource, findCohort, findEnrolment } from '../../../src/features/training/training.queries.ts';
import { evaluationFormSchema } from '../../../src/features/training/training.validation.ts';
import { evaluationTargets, giveCourseEvaluation } from '../../../src/features/training/evaluation.ts';

async function own(services: Pick<Services, 'db'>, actor: Actor, enrolmentParam: string | undefined) {
  const enrolmentId = uuidParam(enrolmentParam);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const enrolment = await findEnrolment(services.db, { organizationId: actor.organizationId, enrolmentId });
  if (!enrolment || enrolment.userId !== actor.userId) throw data(null, { status: 404 });
  return enrolment;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const enrolment = await own(state.services, actor, params.enrolmentId);
  const db = state.services.db;
  try {
    const cohort = await findCohort(db, { organizationId: enrolment.organizationId, cohortId: enrolment.cohortId });
    if (!cohort) throw data(null, { status: 404 });
    authorize(actor, await cohortResource(db, cohort, actor), coursePolicy.evaluate);
    const targets = await evaluationTargets(db, enrolment, state.locale, new Date());
    const all = [...targets.sessions, ...(targets.course ? [{ ...targets.course, title: '' }] : [])];
    const url = new URL(request.url);
    const asked = url.searchParams.get('target');
    const current = all.find((x) => x.target === asked && !x.given) ?? all.find((x) => !x.given) ?? null;
    return { enrolmentId: enrolment.id, cohortName: cohort.name, targets: all, current: current?.target ?? null, done: url.searchParams.get('done') === 'given' };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const enrolment = await own(state.services, actor, params.enrolmentId);
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const parsed = evaluationFormSchema.safeParse({ target: field('target'), useful: field('useful'), ready: field('ready'), comment: field('comment') });
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });
  try {
    await giveCourseEvaluation(actor, state.services, { organizationId: enrolment.organizationId, enrolmentId: enrolment.id, form: parsed.data });
  } catch (error) {
    if (error instanceof TrainingError) return data<ActionResult>({ errors: { form: error.messageKey } }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/training/my/${enrolment.id}/evaluation?done=given`);
}

export default function EvaluationPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (f: string) => (errors[f] ? t(errors[f]) : undefined);
  const titleOf = (x: { target: string; title: string }) => (x.target === 'course' ? t('training.evaluation.course') : t('training.evaluation.session', { title: x.title }));
  const current = page.targets.find((x) => x.target === page.current);
  const scale = (name: string, legend: string) => (
    <RadioGroup name={name} legend={legend} error={err(name)} options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`training.evaluation.scale${n}` as 'training.evaluation.scale1') }))} />
  );
  return (
    <div className="page">
      <title>{`${t('training.evaluation.title')} – Työpeili`}</title>
      <p>
        <a href="/training/my">{t('training.evaluation.back')}</a>
      </p>
      <h1>{t('training.evaluation.title')}</h1>
      {page.done ? (
        <p role="status" className="notice">
          {t('training.evaluation.thanks')}
        </p>
      ) : null}
      <p>{t('training.evaluation.anonymous')}</p>
      <ErrorSummary errors={errors} order={['form', 'useful', 'ready', 'comment']} />
      {page.targets.length === 0 ? <p>{t('training.evaluation.nothingYet')}</p> : null}
      <ul className="plain-list">
        {page.targets.map((x) => (
          <li key={x.target}>
            {x.given ? (
              <>
                {titleOf(x)} · {t('training.evaluation.given')}
              </>
            ) : (
              <a href={`/training/my/${page.enrolmentId}/evaluation?target=${x.target}`} aria-current={x.target === page.current ? 'page' : undefined}>
                {titleOf(x)}
              </a>
            )}
          </li>
        ))}
      </ul>
      {current ? (
        <Form method="post" className="stack">
          <h2>{titleOf(current)}</h2>
          <input type="hidden" name="target" value={current.target} />
          {scale('useful', t('training.evaluation.useful'))}
          {scale('ready', t('training.evaluation.ready'))}
          <Field id="comment" label={t('training.evaluation.comment')} error={err('comment')}>
            {(p) => <textarea {...p} name="comment" rows={3} maxLength={2000} />}
          </Field>
          <p>
            <button type="submit" className="button">
              {t('training.evaluation.send')}
            </button>
          </p>
        </Form>
      ) : null}
    </div>
  );
}
