// /steps: my small steps, phone first — how each went (done, partly, dropped, with a short
// reflection) and a new step any time. Only the person's own steps; a step is due by the
// group's next meeting unless they choose a date.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/steps';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { StepStatusForm, stepStatusKeys } from '../../ui/live';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { listGroups } from '../../../src/features/groups/groups.queries.ts';
import { stepStatusSchema, stepTextSchema } from '../../../src/features/meetings/live.validation.ts';
import { addOwnStep } from '../../../src/features/steps/add-step.ts';
import { listMySteps } from '../../../src/features/steps/steps.queries.ts';
import { optionalDateField } from '../../../src/platform/validation/finnish-input.ts';
import { utcToZoned } from '../../../src/features/meetings/zoned-time.ts';
import { stepFoldCutoffs } from '../../../src/features/homes/homes.queries.ts';
import { foldOlderSteps } from '../../../src/features/homes/home-steps.ts';
import { updateStepStatus } from '../../../src/features/steps/update-step-status.ts';
import { shareStepWithGroup } from '../../../src/features/steps/share-step.ts';

const newStepSchema = stepTextSchema.pick({ text: true }).extend({
  groupId: z.uuid('steps.validation.groupRequired'),
  dueOn: optionalDateField('steps.validation.dueInvalid'),
});

const shareSchema = z.object({ stepId: z.uuid('error.badRequest'), groupId: z.uuid('steps.validation.groupRequired') });

function organizationOf(organizationId: string | null): string {
  if (!organizationId) throw data(null, { status: 404 });
  return organizationId;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const { db } = state.services;
  const [mine, groups, cutoffs] = [
    await listMySteps(db, { organizationId, userId: actor.userId }),
    await listGroups(db, { organizationId, userId: actor.userId, all: false }),
    await stepFoldCutoffs(db, { organizationId, userId: actor.userId, now: new Date() }),
  ];
  const memberOf = groups.filter((g) => g.status !== 'ended');
  const today = utcToZoned(new Date()).date;
  const { recent, older } = foldOlderSteps(mine, cutoffs);
  const iso = <T extends { createdAt: Date }>(list: T[]) => list.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }));
  return {
    notice: notice(new URL(request.url), ['added', 'status', 'shared'] as const),
    // Overdue as on the home: open past its due date (Helsinki's today), marked with the date.
    open: iso(recent.filter((s) => s.status === 'open' || s.status === 'partly')).map((s) => ({ ...s, overdue: s.dueOn !== null && s.dueOn < today })),
    closed: iso(recent.filter((s) => s.status === 'done' || s.status === 'dropped')),
    older: iso(older),
    groups: memberOf.map((g) => ({ id: g.id, name: g.name })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const form = await formFields(request);
  const intent = form.intent ?? '';
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values: form }, { status });
  try {
    if (intent === 'add-step') {
      const parsed = newStepSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addOwnStep(actor, state.services, { organizationId, ...parsed.data });
      return redirect('/steps?done=added');
    }
    if (intent === 'step-status') {
      const parsed = stepStatusSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await updateStepStatus(actor, state.services, {
        organizationId,
        stepId: parsed.data.stepId,
        status: parsed.data.status,
        reflection: parsed.data.reflection,
      });
      return redirect('/steps?done=status');
    }
    if (intent === 'share-step') {
      const parsed = shareSchema.safeParse(form);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await shareStepWithGroup(actor, state.services, { organizationId, ...parsed.data });
      return redirect('/steps?done=shared');
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function Steps() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('steps.title')} – Työpeili`}</title>
      <h1>{t('steps.title')}</h1>
      <p className="lead">{t('steps.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(page.notice === 'added' ? 'steps.notice.added' : page.notice === 'shared' ? 'steps.notice.shared' : 'live.notice.status')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'text', 'groupId', 'dueOn', 'status', 'reflection']} />

      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('steps.openTitle', { count: page.open.length })}</h2>
        {page.open.length ? (
          <ul className="live-steps">
            {page.open.map((s) => (
              <li key={s.id}>
                {s.adviceSessionId && !s.groupId ? <p className="muted">{t('steps.fromAdvice')}</p> : page.groups.length > 1 ? <p className="muted">{s.groupName}</p> : null}
                <StepStatusForm
                  step={{ id: s.id, text: s.text, dueOn: s.dueOn, status: s.status, reflection: s.reflection }}
                  idPrefix={`step-${s.id}`}
                  overdue={s.overdue}
                />
                {s.adviceSessionId && !s.groupId && page.groups.length ? (
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="share-step" />
                    <input type="hidden" name="stepId" value={s.id} />
                    <Field id={`share-${s.id}`} label={t('steps.shareWith')} hint={t('steps.shareHint')}>
                      {(p) => (
                        <select {...p} name="groupId">
                          {page.groups.map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <p>
                      <button type="submit" className="button button--secondary">
                        {t('steps.share')}
                      </button>
                    </p>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('steps.noOpen')}</p>
        )}
      </section>

      {page.groups.length ? (
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title">{t('steps.newTitle')}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="add-step" />
            <Field id="text" label={t('steps.field.text')} hint={t('steps.field.textHint')} error={err('text')}>
              {(p) => <input {...p} type="text" maxLength={300} autoComplete="off" defaultValue={result?.intent === 'add-step' ? result.values.text : ''} />}
            </Field>
            {page.groups.length > 1 ? (
              <Field id="groupId" label={t('steps.field.group')} error={err('groupId')}>
                {(p) => (
                  <select {...p} defaultValue={page.groups[0]!.id}>
                    {page.groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <input type="hidden" name="groupId" value={page.groups[0]!.id} />
            )}
            <Field id="dueOn" label={t('steps.field.due')} hint={t('steps.field.dueHint')} error={err('dueOn')}>
              {(p) => (
                <input {...p} type="text" inputMode="decimal" autoComplete="off" defaultValue={result?.intent === 'add-step' ? result.values.dueOn : ''} />
              )}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('steps.add')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}

      {page.closed.length ? (
        <section aria-labelledby="closed-title">
          <h2 id="closed-title">{t('steps.closedTitle')}</h2>
          <ul className="plain-list">
            {page.closed.map((s) => (
              <li key={s.id}>
                {s.text} <span className="muted">– {t(stepStatusKeys[s.status])}</span>
                {s.reflection ? <span className="muted"> · {s.reflection}</span> : null}
                <span className="muted"> · {format.date(s.createdAt)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.older.length ? (
        <details className="card older-steps">
          <summary>{t('everyday.steps.olderTitle', { count: page.older.length })}</summary>
          <p className="muted">{t('everyday.steps.olderHint')}</p>
          <ul className="plain-list">
            {page.older.map((s) => (
              <li key={s.id}>
                {s.text} <span className="muted">– {t(stepStatusKeys[s.status])}</span>
                {s.reflection ? <span className="muted"> · {s.reflection}</span> : null}
                <span className="muted"> · {format.date(s.createdAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
