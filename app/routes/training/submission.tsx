// /training/submissions/:submissionId: one trainee's submission for the trainee, their mentor
// or a coordinator — every version with its feedback — and, for the mentor while it waits,
// written feedback per rubric criterion with a revision request or acceptance.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/submission';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, RadioGroup, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { SubmissionHistory } from '../../ui/training';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { feedbackFormSchema } from '../../../src/features/training/training.validation.ts';
import { giveFeedback } from '../../../src/features/training/give-feedback.ts';
import { submissionView } from '../../../src/features/training/views.ts';

function scope(actor: { organizationId: string | null }, param: string | undefined) {
  const submissionId = uuidParam(param);
  if (!actor.organizationId) throw data(null, { status: 404 });
  return { organizationId: actor.organizationId, submissionId };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  try {
    const view = await submissionView(state.services.db, actor, scope(actor, params.submissionId), state.locale);
    return { ...view, done: new URL(request.url).searchParams.get('done') === 'feedback' };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

type ActionResult = { errors: FieldErrors };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const where = scope(actor, params.submissionId);
  const form = await request.formData();
  const parsed = feedbackFormSchema.safeParse({ decision: form.get('decision') ?? undefined, comment: String(form.get('comment') ?? '') });
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error) }, { status: 400 });
  const criteria: Record<string, string> = {};
  for (const [key, value] of form) if (key.startsWith('criterion-') && typeof value === 'string') criteria[key.slice(10)] = value;
  try {
    await giveFeedback(actor, state.services, { ...where, decision: parsed.data.decision, comment: parsed.data.comment, criteria });
  } catch (error) {
    if (error instanceof TrainingError) return data<ActionResult>({ errors: { decision: error.messageKey } }, { status: 409 });
    rethrowAsResponse(error);
  }
  return redirect(`/training/submissions/${where.submissionId}?done=feedback`);
}

export default function SubmissionPage() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${page.assignment.title} – ${page.trainee.name} – Työpeili`}</title>
      <p>
        <a href={page.trainee.isSelf ? '/training/my' : `/training/cohorts/${page.trainee.cohortId}`}>{t('training.submission.back')}</a>
      </p>
      <h1>
        {page.assignment.title} · {page.trainee.name}
      </h1>
      {page.done ? (
        <p role="status" className="notice">
          {t('training.feedback.done')}
        </p>
      ) : null}
      <p>{t(`training.status.${page.submission.status}` as MessageKey)}</p>
      <details>
        <summary>{t('training.assignment.instructions')}</summary>
        <p className="prewrap">{page.assignment.instructions}</p>
      </details>
      {page.can.giveFeedback ? (
        <section aria-labelledby="feedback-title" className="stack">
          <h2 id="feedback-title">{t('training.feedback.give', { version: page.submission.latestVersion })}</h2>
          <ErrorSummary errors={errors} order={['decision', 'comment']} />
          <Form method="post" className="stack">
            {page.rubric.map((c) => (
              <Field key={c.id} id={`criterion-${c.id}`} label={t('training.feedback.criterion', { criterion: c.title })}>
                {(p) => <textarea {...p} rows={3} maxLength={3000} />}
              </Field>
            ))}
            <Field id="comment" label={t('training.feedback.comment')} error={errors.comment ? t(errors.comment) : undefined}>
              {(p) => <textarea {...p} rows={5} maxLength={5000} />}
            </Field>
            <RadioGroup
              name="decision"
              legend={t('training.feedback.decision')}
              error={errors.decision ? t(errors.decision) : undefined}
              options={[
                { value: 'revision_requested', label: t('training.decision.revision_requested') },
                { value: 'accepted', label: t('training.decision.accepted') },
              ]}
            />
            <p>
              <button type="submit" className="button">
                {t('training.feedback.send')}
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
