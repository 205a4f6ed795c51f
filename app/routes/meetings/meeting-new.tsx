// /groups/:groupId/meetings/new: plan one meeting or a series (e.g. first Tuesday of each month).
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/meeting-new';
import { requireActor } from '../../lib/state.server';
import { loadGroup } from '../../lib/group.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { MeetingFields, meetingFieldOrder } from '../../ui/meeting-form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { meetingPolicy } from '../../../src/platform/policy/index.ts';
import { newMeetingSchema, repeatChoices } from '../../../src/features/meetings/meetings.validation.ts';
import { createMeetings } from '../../../src/features/meetings/create-meetings.ts';

const load = (services: Services, actor: Actor, groupIdParam: string | undefined) =>
  loadGroup(services, actor, groupIdParam, (a, g) => meetingPolicy.create(a, { ...g, started: false, cancelled: false, expertUserIds: [] }));

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await load(state.services, actor, params.groupId);
  return { group: { id: group.id, name: group.name, format: group.format } };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const group = await load(state.services, actor, params.groupId);
  const form = await formFields(request);
  const parsed = newMeetingSchema.safeParse(form);
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrors(parsed.error), values: form }, { status: 400 });
  try {
    const { ids } = await createMeetings(actor, state.services, { organizationId: group.organizationId, groupId: group.id, form: parsed.data });
    return redirect(ids.length === 1 ? `/meetings/${ids[0]}?done=created` : `/groups/${group.id}?done=meetingsCreated`);
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function NewMeeting() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const groupFormat = page.group.format === 'mixed' ? 'in_person' : page.group.format;
  const values = result?.values ?? { format: groupFormat, startTime: '17:00', endTime: '19:00', count: '6', repeat: 'none' };
  return (
    <div className="page">
      <title>{`${t('meetings.new.title')} – ${page.group.name} – Työpeili`}</title>
      <p>
        <a href={`/groups/${page.group.id}`}>{t('groups.backToGroup')}</a>
      </p>
      <h1>{t('meetings.new.title')}</h1>
      <p className="lead">{t('meetings.new.lead', { group: page.group.name })}</p>
      <ErrorSummary errors={errors} order={meetingFieldOrder} />
      <Form method="post" className="stack" noValidate>
        <MeetingFields values={values} err={err} />
        <fieldset>
          <legend>{t('meetings.form.repeat')}</legend>
          <Field id="repeat" label={t('meetings.field.repeat')} hint={t('meetings.field.repeatHint')} error={err('repeat')}>
            {(p) => (
              <select {...p} defaultValue={values.repeat ?? 'none'}>
                {repeatChoices.map((r) => (
                  <option key={r} value={r}>
                    {t(`meetings.repeat.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="count" label={t('meetings.field.count')} hint={t('meetings.field.countHint')} error={err('count')}>
            {(p) => <input {...p} type="number" min={2} max={24} inputMode="numeric" defaultValue={values.count ?? '6'} />}
          </Field>
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('meetings.new.submit')}
          </button>
        </p>
      </Form>
    </div>
  );
}
