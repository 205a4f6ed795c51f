// /advice/booking/:token/reschedule: a guest moves their booking through the e-mailed link to
// another free slot with the same advisor and topic, up to the organisation's change notice.
import { data, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/booking-reschedule';
import { getState } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { ReschedulePage } from '../../ui/advice';
import type { RequestState } from '../../../src/platform/http/request-state.ts';
import { findAdviceRules, findSessionByTokenHash } from '../../../src/features/advice/advice.queries.ts';
import { SlotTakenError } from '../../../src/features/advice/advice.errors.ts';
import { hashBookingToken, isBookingTokenShape } from '../../../src/features/advice/book-session.ts';
import { rescheduleSession } from '../../../src/features/advice/change-session.ts';
import { findFreeSlots } from '../../../src/features/advice/free-slots.ts';
import { parseSlotKey, withinChangeNotice } from '../../../src/features/advice/slots.ts';
import { topicLabel } from '../../../src/features/advice/topics.ts';

export function headers() {
  return { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };
}

async function pageData(state: RequestState, token: string) {
  const { db } = state.services;
  const now = new Date();
  const session = isBookingTokenShape(token) ? await findSessionByTokenHash(db, { tokenHash: hashBookingToken(token) }) : null;
  if (!session || session.status !== 'booked') throw data({ messageKey: 'advice.error.holdExpired' }, { status: 410 });
  const rules = await findAdviceRules(db, { organizationId: session.organizationId });
  if (session.startsAt <= now || !withinChangeNotice(session.startsAt, now, rules)) throw data({ messageKey: 'advice.error.closed' }, { status: 409 });
  const slots = await findFreeSlots(db, {
    organizationId: session.organizationId,
    topic: session.topic,
    now,
    advisorUserId: session.advisorUserId,
    exceptSessionId: session.id,
  });
  return {
    token,
    topic: topicLabel(session.topic, state.locale),
    slots: slots
      .filter((s) => s.startsAt.getTime() !== session.startsAt.getTime())
      .map((s) => ({ ...s, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
  };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  return pageData(getState(context), params.token ?? '');
}

type ActionResult = { errors: FieldErrors } & Awaited<ReturnType<typeof pageData>>;

export async function action({ params, context, request }: Route.ActionArgs) {
  const state = getState(context);
  const token = params.token ?? '';
  const form = await formFields(request);
  const fail = async (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, ...(await pageData(state, token)) }, { status });
  const slot = parseSlotKey(form.slot ?? '');
  if (!slot) return fail({ slot: 'advice.validation.slotRequired' });
  try {
    await rescheduleSession(state.services, { token }, { startsAt: slot.startsAt });
    return redirect(`/advice/booking/${token}?done=moved`);
  } catch (error) {
    if (error instanceof SlotTakenError) return fail({ slot: 'advice.error.slotTaken' }, 409);
    rethrowAsResponse(error);
  }
}

export default function BookingReschedule() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const page = result ?? loaded;
  return <ReschedulePage topic={page.topic} slots={page.slots} errors={result?.errors ?? {}} backHref={`/advice/booking/${page.token}`} />;
}
