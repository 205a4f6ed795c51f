// /organization/events/:eventId/edit: change an event. A change of time, place, link or title of a
// published event mails every registrant the updated calendar entry (changeEvent); a raised
// capacity promotes the waiting list at once.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-event-edit';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { loadManagedEvent } from '../../lib/events.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { EventFields, eventFieldOrder } from '../../ui/event-form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { eventPolicy } from '../../../src/platform/policy/index.ts';
import { listTours } from '../../../src/features/events/admin.queries.ts';
import { EventChangeError } from '../../../src/features/events/events.errors.ts';
import { changeEvent } from '../../../src/features/events/manage-events.ts';
import { eventFormSchema, eventFormValues, eventInputOf } from '../../../src/features/events/events.validation.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const event = await loadManagedEvent(state.services, actor, params.eventId, eventPolicy.change);
  const tours = await listTours(state.services.db, { organizationId: event.organizationId });
  return { event: { id: event.id, title: event.title }, values: eventFormValues(event), tours: tours.map((t) => ({ id: t.id, name: t.name })) };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const event = await loadManagedEvent(state.services, actor, params.eventId, eventPolicy.change);
  const form = await formFields(request);
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ errors, values: form }, { status });
  const parsed = eventFormSchema.safeParse(form);
  if (!parsed.success) return fail(fieldErrors(parsed.error));
  try {
    await changeEvent(actor, state.services, { organizationId: event.organizationId, eventId: event.id, ...eventInputOf(parsed.data) });
    return redirect(`/organization/events/${event.id}?done=changed`);
  } catch (error) {
    if (error instanceof EventChangeError) {
      const field = error.messageKey === 'events.error.capacityBelowConfirmed' ? 'capacity' : error.messageKey === 'events.validation.tourInvalid' ? 'tourId' : 'form';
      return fail({ [field]: error.messageKey as MessageKey }, 409);
    }
    rethrowAsResponse(error);
  }
}

export default function EditEvent() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="page">
      <title>{`${t('events.form.editTitle')} – ${page.event.title} – Työpeili`}</title>
      <p>
        <a href={`/organization/events/${page.event.id}`}>{page.event.title}</a>
      </p>
      <h1>{t('events.form.editTitle')}</h1>
      <p className="lead">{t('events.form.editLead')}</p>
      <ErrorSummary errors={errors} order={eventFieldOrder} />
      <Form method="post" className="stack" noValidate>
        <EventFields values={result?.values ?? page.values} err={err} tours={page.tours} />
        <p>
          <button type="submit" className="button">
            {t('events.form.submitChange')}
          </button>
        </p>
      </Form>
    </div>
  );
}
