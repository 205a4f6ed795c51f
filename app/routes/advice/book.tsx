// /advice/book: a signed-in entrepreneur picks a topic (a GET form, works without JavaScript),
// then a free slot; booking answers with the session's page. A slot someone else took first
// re-renders the list with a translated error and nothing saved.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/book';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { SlotPicker } from '../../ui/advice';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { adviceBookingPolicy, authorize } from '../../../src/platform/policy/index.ts';
import { bookSession } from '../../../src/features/advice/book-session.ts';
import { SlotTakenError } from '../../../src/features/advice/advice.errors.ts';
import { findFreeSlots, listOfferedTopics } from '../../../src/features/advice/free-slots.ts';
import { parseSlotKey } from '../../../src/features/advice/slots.ts';
import { isAdviceTopic, topicLabel } from '../../../src/features/advice/topics.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';

async function pageData(state: RequestState, organizationId: string, topic: string | null) {
  const { db } = state.services;
  const topics = await listOfferedTopics(db, { organizationId });
  const chosen = topic && topics.includes(topic) ? topic : null;
  const slots = chosen ? await findFreeSlots(db, { organizationId, topic: chosen, now: new Date() }) : [];
  return {
    topics: topics.map((code) => ({ code, label: topicLabel(code, state.locale) })),
    topic: chosen,
    slots: slots.map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
  };
}

function organizationOf(organizationId: string | null): string {
  if (!organizationId) throw data(null, { status: 404 });
  return organizationId;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  try {
    authorize(actor, { organizationId }, adviceBookingPolicy.book);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return pageData(state, organizationId, new URL(request.url).searchParams.get('topic'));
}

type ActionResult = { errors: FieldErrors } & Awaited<ReturnType<typeof pageData>>;

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = organizationOf(actor.organizationId);
  const form = await formFields(request);
  const topic = form.topic && isAdviceTopic(form.topic) ? form.topic : null;
  const fail = async (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, ...(await pageData(state, organizationId, topic)) }, { status });
  if (!topic) return fail({ topic: 'advice.validation.topicRequired' });
  const slot = parseSlotKey(form.slot ?? '');
  if (!slot) return fail({ slot: 'advice.validation.slotRequired' });
  try {
    const session = await bookSession(actor, state.services, { organizationId, advisorUserId: slot.advisorUserId, startsAt: slot.startsAt, topic });
    return redirect(`/advice/sessions/${session.id}?done=booked`);
  } catch (error) {
    if (error instanceof SlotTakenError) return fail({ slot: 'advice.error.slotTaken' }, 409);
    rethrowAsResponse(error);
  }
}

export default function Book() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const page = result ?? loaded;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('advice.book.title')} – Työpeili`}</title>
      <h1>{t('advice.book.title')}</h1>
      <p className="lead">{t('advice.book.lead')}</p>
      <ErrorSummary errors={errors} order={['form', 'topic', 'slot']} />
      {page.topics.length === 0 ? (
        <p className="notice">{t('advice.book.noTopics')}</p>
      ) : (
        <Form method="get" className="stack">
          <Field id="topic" label={t('advice.book.topic')} error={page.topic ? undefined : err('topic')}>
            {(p) => (
              <select {...p} defaultValue={page.topic ?? ''}>
                <option value="">{t('intake.choose')}</option>
                {page.topics.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p>
            <button type="submit" className="button button--secondary">
              {t('advice.book.showSlots')}
            </button>
          </p>
        </Form>
      )}
      {page.topic ? (
        page.slots.length ? (
          <Form method="post" className="stack">
            <input type="hidden" name="topic" value={page.topic} />
            <SlotPicker slots={page.slots} legend={t('advice.book.slot')} error={err('slot')} />
            <p>
              <button type="submit" className="button">
                {t('advice.book.submit')}
              </button>
            </p>
          </Form>
        ) : (
          <p className="notice">{t('advice.book.noSlots')}</p>
        )
      ) : null}
      <p>
        <a href="/advice">{t('advice.back')}</a>
      </p>
    </div>
  );
}
