// /organization/events/new: a new event, saved as a draft (published from its page).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/admin-event-new';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { requireOrganization } from '../../lib/events.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { EventFields, eventFieldOrder } from '../../ui/event-form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { eventPolicy } from '../../../src/platform/policy/index.ts';
import { listTours } from '../../../src/features/events/admin.queries.ts';
import { EventChangeError } from '../../../src/features/events/events.errors.ts';
import { createEvent } from '../../../src/features/events/manage-events.ts';
import { eventFormSchema, eventInputOf } from '../../../src/features/events/events.validation.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireOrganization(actor, eventPolicy.manage);
  const tours = await listTours(state.services.db, { organizationId });
  return { tours: tours.map((t) => ({ id: t.id, name: t.name })) };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const organizationId = requireOrganization(actor, eventPolicy.manage);
  const form = await formFields(request);
  const fail = (errors: FieldErrors) => data<ActionResult>({ errors, values: form }, { status: 400 });
  const parsed = eventFormSchema.safeParse(form);
  if (!parsed.success) return fail(fieldErrors(parsed.error));
  try {
    const event = await createEvent(actor, state.services, { organizationId, ...eventInputOf(parsed.data) });
    return redirect(`/organization/events/${event.id}?done=created`);
  } catch (error) {
    if (error instanceof EventChangeError) return fail({ tourId: 'events.validation.tourInvalid' });
    rethrowAsResponse(error);
  }
}

export default function NewEvent() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const values = result?.values ?? { startTime: '17.00', endTime: '19.00', capacity: '30' };
  return (
    <div className="page">
      <title>{`${t('events.form.newTitle')} – Työpeili`}</title>
      <p>
        <a href="/organization/events">{t('events.manage.back')}</a>
      </p>
      <h1>{t('events.form.newTitle')}</h1>
      <ErrorSummary errors={errors} order={eventFieldOrder} />
      <Form method="post" className="stack" noValidate>
        <EventFields values={values} err={err} tours={page.tours} />
        <p>
          <button type="submit" className="button">
            {t('events.form.submitCreate')}
          </button>
        </p>
      </Form>
    </div>
  );
}
