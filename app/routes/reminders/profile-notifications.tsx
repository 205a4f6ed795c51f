// /profile/notifications: the person's own e-mail choices — the board digest (off, daily,
// weekly) and meeting and step reminders. One plain form; works without JavaScript.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/profile-notifications';
import { requireActor } from '../../lib/state.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, fieldErrors, type FieldErrors } from '../../ui/form';
import { digestFrequencies } from '../../../src/features/board/board.queries.ts';
import { digestSchema } from '../../../src/features/board/board.validation.ts';
import { findNotificationPreferences, saveNotificationPreferences } from '../../../src/features/reminders/notification-preferences.ts';

const schema = digestSchema.extend({
  // A checkbox sends "on" when ticked and nothing when not.
  meetingReminders: z.literal('on').optional(),
  stepReminders: z.literal('on').optional(),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const saved = new URL(request.url).searchParams.get('done') === 'saved';
  return { saved, preferences: await findNotificationPreferences(state.services.db, { userId: actor.userId }) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const form = Object.fromEntries(await request.formData());
  const parsed = schema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) as FieldErrors }, { status: 400 });
  await saveNotificationPreferences(actor, state.services, {
    digest: parsed.data.frequency,
    meetingReminders: parsed.data.meetingReminders === 'on',
    stepReminders: parsed.data.stepReminders === 'on',
  });
  return redirect('/profile/notifications?done=saved');
}

export default function ProfileNotifications() {
  const t = useT();
  const { saved, preferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="page">
      <title>{`${t('notifications.title')} – Työpeili`}</title>
      <h1>{t('notifications.title')}</h1>
      <p className="lead">{t('notifications.lead')}</p>
      {saved ? (
        <p className="notice notice--success" role="status">
          {t('notifications.saved')}
        </p>
      ) : null}
      <ErrorSummary errors={errors} order={['form', 'frequency']} />
      <Form method="post" className="stack" noValidate>
        <fieldset className="field" aria-describedby={errors.frequency ? 'frequency-hint frequency-error' : 'frequency-hint'}>
          <legend>{t('notifications.digestLegend')}</legend>
          <p className="hint" id="frequency-hint">
            {t('notifications.digestHint')}
          </p>
          {errors.frequency ? (
            <p className="error-text" id="frequency-error">
              {t(errors.frequency)}
            </p>
          ) : null}
          {digestFrequencies.map((f, i) => (
            <Choice
              type="radio"
              key={f}
              id={i === 0 ? 'frequency' : `frequency-${f}`}
              name="frequency"
              value={f}
              defaultChecked={preferences.digest === f}
              label={t(`notifications.digest.${f}`)}
            />
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('notifications.remindersLegend')}</legend>
          <Choice id="meetingReminders" name="meetingReminders" defaultChecked={preferences.meetingReminders} label={t('notifications.meetingReminders')} />
          <Choice id="stepReminders" name="stepReminders" defaultChecked={preferences.stepReminders} label={t('notifications.stepReminders')} />
        </fieldset>
        <div>
          <button type="submit" className="button">
            {t('notifications.save')}
          </button>
        </div>
      </Form>
    </div>
  );
}
