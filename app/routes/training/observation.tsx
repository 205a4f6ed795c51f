// /training/observation/:groupId: for a member of a practice group — the group's facilitator is in
// facilitator training, and their mentor may observe a meeting only if every member agrees. Each
// coming meeting with the member's own choice: agree, or withdraw the consent.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/observation';
import { requireActor } from '../../lib/state.server';
import { notice, uuidParam } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { ErrorSummary, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { TrainingError } from '../../../src/features/training/training.errors.ts';
import { memberObservationView } from '../../../src/features/training/practice-group.ts';
import { setObservationConsent } from '../../../src/features/training/observation-consent.ts';

const notices = ['agreed', 'withdrawn'] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const groupId = uuidParam(params.groupId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  try {
    const view = await memberObservationView(state.services.db, actor, { organizationId: actor.organizationId, groupId }, new Date());
    return { ...view, done: notice(new URL(request.url), notices) };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const groupId = uuidParam(params.groupId);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const form = await request.formData();
  const intent = form.get('intent');
  const meetingId = form.get('meetingId');
  if ((intent !== 'agree' && intent !== 'withdraw') || typeof meetingId !== 'string') throw data(null, { status: 400 });
  try {
    await setObservationConsent(actor, state.services, { organizationId: actor.organizationId, meetingId: uuidParam(meetingId), agree: intent === 'agree' });
    return redirect(`/training/observation/${groupId}?done=${intent === 'agree' ? 'agreed' : 'withdrawn'}`);
  } catch (error) {
    if (error instanceof TrainingError) return data<{ errors: FieldErrors }>({ errors: { form: error.messageKey } }, { status: 409 });
    rethrowAsResponse(error);
  }
}

export default function ObservationPage() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  return (
    <div className="page">
      <title>{`${t('training.observation.memberTitle')} – Työpeili`}</title>
      <p>
        <a href={`/groups/${page.group.id}`}>{t('training.observation.backToGroup', { name: page.group.name })}</a>
      </p>
      <h1>{t('training.observation.memberTitle')}</h1>
      {page.done ? (
        <p role="status" className="notice">
          {t(page.done === 'agreed' ? 'training.observation.done.agreed' : 'training.observation.done.withdrawn')}
        </p>
      ) : null}
      <ErrorSummary errors={result?.errors ?? {}} order={['form']} />
      <p>{t('training.observation.inTraining', { name: page.facilitatorName })}</p>
      <p>{t('training.observation.memberRule')}</p>
      {page.meetings.length === 0 ? <p>{t('training.observation.noMeetings')}</p> : null}
      <ul className="plain-list stack">
        {page.meetings.map((m) => (
          <li key={m.id}>
            <Form method="post">
              <input type="hidden" name="meetingId" value={m.id} />
              <p>
                {format.date(m.startsAt, 'weekday')}
                {m.theme ? ` · ${m.theme}` : ''} · {m.agreed ? t('training.observation.youAgreed') : t('training.observation.youHaveNot')}
              </p>
              <button type="submit" name="intent" value={m.agreed ? 'withdraw' : 'agree'} className={m.agreed ? 'button button--secondary' : 'button'}>
                {m.agreed ? t('training.observation.withdraw', { date: format.date(m.startsAt) }) : t('training.observation.agree', { date: format.date(m.startsAt) })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
