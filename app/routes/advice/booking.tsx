// /advice/booking/:token: a guest's booking through the e-mailed link. While held, a button
// confirms it (a POST: mail scanners that open links must not confirm); once booked, the facts
// and cancelling up to the notice. An unknown, used or expired link answers with a 410 page.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/booking';
import { getState } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { SessionFacts } from '../../ui/advice';
import { findAdviceRules, findPerson, findSessionByTokenHash } from '../../../src/features/advice/advice.queries.ts';
import { confirmPublicSession, hashBookingToken, isBookingTokenShape } from '../../../src/features/advice/book-session.ts';
import { cancelSession } from '../../../src/features/advice/change-session.ts';
import { withinChangeNotice } from '../../../src/features/advice/slots.ts';
import { topicLabel } from '../../../src/features/advice/topics.ts';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' };

export function headers() {
  return noStore;
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const state = getState(context);
  const token = params.token ?? '';
  const now = new Date();
  const session = isBookingTokenShape(token) ? await findSessionByTokenHash(state.services.db, { tokenHash: hashBookingToken(token) }) : null;
  const live =
    session &&
    (session.status === 'booked' || session.status === 'cancelled' || (session.status === 'held' && session.holdExpiresAt && session.holdExpiresAt > now));
  if (!session || !live) throw data({ messageKey: 'advice.error.holdExpired' }, { status: 410 });
  const advisor = await findPerson(state.services.db, { userId: session.advisorUserId });
  const rules = await findAdviceRules(state.services.db, { organizationId: session.organizationId });
  return {
    done: new URL(request.url).searchParams.get('done') === 'confirmed',
    status: session.status,
    canCancel: session.status === 'booked' && session.startsAt > now && withinChangeNotice(session.startsAt, now, rules),
    facts: {
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      topicLabel: topicLabel(session.topic, state.locale),
      advisorName: advisor?.name ?? '',
      mode: session.mode,
      onlineUrl: session.status === 'booked' ? session.onlineUrl : null,
      place: session.place,
      status: session.status,
    },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const state = getState(context);
  const token = params.token ?? '';
  const form = await formFields(request);
  try {
    if (form.intent === 'confirm') {
      await confirmPublicSession(state.services, { token });
      return redirect(`/advice/booking/${token}?done=confirmed`);
    }
    if (form.intent === 'cancel') {
      await cancelSession(state.services, { token });
      return redirect(`/advice/booking/${token}`);
    }
    return data({ errors: { form: 'error.badRequest' } as FieldErrors }, { status: 400 });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function Booking() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  return (
    <div className="page">
      <title>{`${t('advice.booking.title')} – Työpeili`}</title>
      <h1>{t('advice.booking.title')}</h1>
      <ErrorSummary errors={result?.errors ?? {}} order={['form']} />
      {page.done ? (
        <p className="notice notice--success" role="status">
          {t('advice.booking.confirmed')}
        </p>
      ) : null}
      <SessionFacts session={page.facts} />
      {page.status === 'held' ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <p>{t('advice.booking.confirmLead')}</p>
          <button type="submit" className="button">
            {t('advice.booking.confirm')}
          </button>
        </Form>
      ) : null}
      {page.canCancel ? (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <p>{t('advice.booking.cancelLead')}</p>
          <button type="submit" className="button button--danger">
            {t('advice.session.cancel')}
          </button>
        </Form>
      ) : null}
    </div>
  );
}
