// /training/my/:enrolmentId/assignments/:assignmentId: one assignment for its trainee — the
// instructions, the due time in Helsinki time, the form for a first version or a revision (a
// self-assessment asks a level per rubric criterion), and every version with its feedback.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/assignment';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, RadioGroup, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { SubmissionHistory } from '../../ui/training';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { findEnrolment } from '../../../src/features/training/training.queries.ts';
import { submissionFormSchema } from '../../../src/features/training/training.validation.ts';
import { submitAssignment } from '../../../src/features/training/submit-assignment.ts';
import { assignmentView } from '../../../src/features/training/views.ts';

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
  const assignmentId = uuidParam(params.assignmentId);
  try {
    const view = await assignmentView(state.services.db, actor, enrolment, assignmentId, state.locale, new Date());
    return { ...view, done: new URL(request.url).searchParams.get('done') === 'submitted' };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors; body: string };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const enrolment = await own(state.services, actor, params.enrolmentId);
  const assignmentId = uuidParam(params.assignmentId);
  const form = await request.formData();
  const body = String(form.get('body') ?? '');
  const parsed = submissionFormSchema.safeParse({ body });
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), body }, { status: 400 });
  const levels: Record<string, number> = {};
  for (const [key, value] of form) {
    if (key.startsWith('level-') && typeof value === 'string' && /^[0-9]{1,2}$/.test(value)) levels[key.slice(6)] = Number(value);
  }
  try {
    await submitAssignment(actor, state.services, { organizationId: enrolment.organizationId, enrolmentId: enrolment.id, assignmentId, body: parsed.data.body, levels });
  } catch (error) {
    if (error instanceof TrainingError) return data<ActionResult>({ errors: { body: error.messageKey }, body }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/training/my/${enrolment.id}/assignments/${assignmentId}?done=submitted`);
}

export default function AssignmentPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const a = page.assignment;
  const latest = page.history[0];
  return (
    <div className="page">
      <title>{`${a.title} – Työpeili`}</title>
      <p>
        <a href="/training/my">{t('training.my.back')}</a>
      </p>
      <h1>{a.title}</h1>
      {page.done ? (
        <p role="status" className="notice">
          {t('training.submit.done')}
        </p>
      ) : null}
      <p className="prewrap">{a.instructions}</p>
      {a.dueAt ? <p>{t('training.assignment.dueLong', { when: format.date(a.dueAt, 'datetime') })}</p> : null}
      <p>{t(`training.status.${page.status ?? 'none'}` as MessageKey)}</p>
      {page.canSubmit ? (
        <section aria-labelledby="submit-title" className="stack">
          <h2 id="submit-title">{page.status === 'revision_requested' ? t('training.submit.revise') : t('training.submit.title')}</h2>
          <ErrorSummary errors={errors} order={['body']} />
          <Form method="post" className="stack">
            {a.kind === 'self_assessment'
              ? page.rubric.map((c) => (
                  <RadioGroup
                    key={c.id}
                    name={`level-${c.id}`}
                    legend={c.title}
                    options={c.levels.map((label, i) => ({ value: String(i), label, defaultChecked: latest ? latest.levels[c.id] === i : false }))}
                  />
                ))
              : null}
            <Field id="body" label={t(`training.submit.body.${a.kind}` as MessageKey)} error={errors.body ? t(errors.body) : undefined}>
              {(p) => <textarea {...p} rows={12} defaultValue={result?.body ?? latest?.body ?? ''} required />}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('training.submit.send')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="history-title" className="stack">
        <h2 id="history-title">{t('training.submission.history')}</h2>
        <SubmissionHistory history={page.history} rubric={page.rubric} />
      </section>
    </div>
  );
}
