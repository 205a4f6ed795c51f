// /events/feedback/:token: the short feedback form after an event, by the mailed link, no sign-in.
// One answer per registration (the second is refused with a plain message); the answer is saved
// without the person. Errors are translated and summarised; works without JavaScript.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/feedback';
import { getState } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, RadioGroup, type FieldErrors } from '../../ui/form';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { formatDateTime, type MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { FeedbackLinkError, findFeedbackInvitation, giveEventFeedback } from '../../../src/features/events/feedback.ts';
import { feedbackSchema } from '../../../src/features/events/events.validation.ts';

const ratings = ['1', '2', '3', '4', '5'] as const;

async function pageData(state: RequestState, token: string) {
  const found = await findFeedbackInvitation(state.services.db, token);
  if (found.state === 'invalid') return { state: 'invalid' as const, title: null, when: null };
  return {
    state: found.state,
    title: found.event.title,
    when: formatDateTime(state.locale, found.event.startsAt, 'weekday'),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getState(context);
  if (new URL(request.url).searchParams.get('done') === '1') return { state: 'done' as const, title: null, when: null };
  return pageData(state, params.token ?? '');
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getState(context);
  const token = params.token ?? '';
  const form = await formFields(request);
  const parsed = feedbackSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    await giveEventFeedback(state.services, token, parsed.data);
  } catch (error) {
    if (error instanceof FeedbackLinkError) return data<ActionResult>({ errors: { form: error.messageKey }, values: form }, { status: 410 });
    throw error;
  }
  return redirect(`/events/feedback/${token}?done=1`);
}

export default function EventFeedback() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const heading = page.title ? t('events.feedback.title', { title: page.title }) : t('events.feedback.heading');
  const scale = (name: string, legend: string) => (
    <RadioGroup
      name={name}
      legend={legend}
      error={err(name)}
      options={ratings.map((r) => ({ value: r, label: t(`events.feedback.rating${r}`), defaultChecked: result?.values[name] === r }))}
    />
  );
  return (
    <div className="page">
      <title>{`${heading} – Työpeili`}</title>
      <h1>{heading}</h1>
      {page.when ? <p className="muted">{page.when}</p> : null}
      {page.state === 'done' ? (
        <p className="notice" role="status">
          {t('events.feedback.done')}
        </p>
      ) : page.state === 'invalid' ? (
        <p className="notice">{t('events.feedback.linkInvalid')}</p>
      ) : page.state === 'given' ? (
        <p className="notice">{t('events.feedback.alreadyGiven')}</p>
      ) : page.state === 'closed' ? (
        <p className="notice">{t('events.feedback.closed')}</p>
      ) : (
        <>
          <p className="lead">{t('events.feedback.lead')}</p>
          <ErrorSummary errors={errors} order={['form', 'overall', 'usefulness', 'comment']} />
          <Form method="post" className="stack" noValidate>
            {scale('overall', t('events.feedback.overall'))}
            {scale('usefulness', t('events.feedback.usefulness'))}
            <Field id="comment" label={t('events.feedback.comment')} error={err('comment')}>
              {(p) => <textarea {...p} rows={4} defaultValue={result?.values.comment ?? ''} />}
            </Field>
            <p>
              <button type="submit" className="button">
                {t('events.feedback.submit')}
              </button>
            </p>
          </Form>
        </>
      )}
      <p>
        <a href="/events">{t('events.public.back')}</a>
      </p>
    </div>
  );
}
