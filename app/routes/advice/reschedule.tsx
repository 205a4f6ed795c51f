// /advice/sessions/:sessionId/reschedule: another free slot with the same advisor and topic.
// The person may move it up to the notice; the advisor (or a coordinator) at any time before it starts.
import { data, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/reschedule';
import { requireActor } from '../../lib/state.server';
import { formFields, uuidParam } from '../../lib/params.server';
import { rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { ReschedulePage } from '../../ui/advice';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { adviceSessionPolicy, authorize } from '../../../src/platform/policy/index.ts';
import { findAdviceRules, findSession, sessionResource } from '../../../src/features/advice/advice.queries.ts';
import { SlotTakenError } from '../../../src/features/advice/advice.errors.ts';
import { rescheduleSession } from '../../../src/features/advice/change-session.ts';
import { findFreeSlots } from '../../../src/features/advice/free-slots.ts';
import { parseSlotKey } from '../../../src/features/advice/slots.ts';
import { topicLabel } from '../../../src/features/advice/topics.ts';

async function pageData(state: RequestState, actor: Actor, sessionId: string) {
  const organizationId = actor.organizationId;
  if (!organizationId) throw data(null, { status: 404 });
  const { db } = state.services;
  const now = new Date();
  const session = await findSession(db, { organizationId, sessionId });
  if (!session) throw data(null, { status: 404 });
  try {
    const resource = sessionResource(session, await findAdviceRules(db, { organizationId }), now);
    authorize(actor, resource, adviceSessionPolicy.read);
    authorize(actor, resource, adviceSessionPolicy.reschedule);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const slots = await findFreeSlots(db, { organizationId, topic: session.topic, now, advisorUserId: session.advisorUserId, exceptSessionId: session.id });
  return {
    organizationId,
    id: session.id,
    current: session.startsAt.toISOString(),
    topic: topicLabel(session.topic, state.locale),
    slots: slots
      .filter((s) => s.startsAt.getTime() !== session.startsAt.getTime())
      .map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  return pageData(state, actor, uuidParam(params.sessionId));
}

type ActionResult = { errors: FieldErrors } & Awaited<ReturnType<typeof pageData>>;

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const sessionId = uuidParam(params.sessionId);
  const form = await formFields(request);
  const fail = async (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, ...(await pageData(state, actor, sessionId)) }, { status });
  const slot = parseSlotKey(form.slot ?? '');
  if (!slot) return fail({ slot: 'advice.validation.slotRequired' });
  try {
    await rescheduleSession(state.services, { actor, organizationId: actor.organizationId ?? '', sessionId }, { startsAt: slot.startsAt });
    return redirect(`/advice/sessions/${sessionId}?done=moved`);
  } catch (error) {
    if (error instanceof SlotTakenError) return fail({ slot: 'advice.error.slotTaken' }, 409);
    rethrowAsResponse(error);
  }
}

export default function Reschedule() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const page = result ?? loaded;
  return <ReschedulePage topic={page.topic} slots={page.slots} errors={result?.errors ?? {}} backHref={`/advice/sessions/${page.id}`} />;
}
