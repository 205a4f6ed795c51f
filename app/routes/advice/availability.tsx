// /advice/availability: an advisor (facilitator or coordinator) publishes when they advise —
// weekly rules and single windows in Helsinki time, remote (with the link) or at a place, with
// topics — and marks leave; a coordinator also sets the organisation's slot rules. Slots on
// Finnish public holidays and on leave are never offered.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/availability';
import { requireActor } from '../../lib/state.server';
import { notice } from '../../lib/params.server';
import { useFormat, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, fieldErrors, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { adviceSettingsPolicy, advisorAvailabilityPolicy, authorize, can } from '../../../src/platform/policy/index.ts';
import { formatDateInput } from '../../../src/platform/validation/finnish-input.ts';
import { findAdviceRules, listLeave, listWindows } from '../../../src/features/advice/advice.queries.ts';
import { leaveSchema, rulesSchema, windowSchema } from '../../../src/features/advice/advice.validation.ts';
import { addAvailability, addLeave, removeAvailability, removeLeave, saveRules } from '../../../src/features/advice/availability.ts';
import { adviceTopics, topicLabel } from '../../../src/features/advice/topics.ts';
import { utcToZoned } from '../../../src/features/meetings/zoned-time.ts';

function scopeOf(actor: { organizationId: string | null; userId: string }) {
  if (!actor.organizationId) throw data(null, { status: 404 });
  return { organizationId: actor.organizationId, advisorUserId: actor.userId };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const scope = scopeOf(actor);
  try {
    authorize(actor, scope, advisorAvailabilityPolicy.manage);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const { db } = state.services;
  const today = utcToZoned(new Date()).date;
  return {
    notice: notice(new URL(request.url), ['added', 'removed', 'leave', 'rules'] as const),
    windows: (await listWindows(db, scope)).map((w) => ({ ...w, topics: w.topics.map((code) => topicLabel(code, state.locale)) })),
    leave: await listLeave(db, { ...scope, from: today }),
    rules: await findAdviceRules(db, scope),
    canEditRules: can(adviceSettingsPolicy, actor, scope).edit,
    topics: adviceTopics.map((code) => ({ code, label: topicLabel(code, state.locale) })),
  };
}

type ActionResult = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const scope = scopeOf(actor);
  const form = await request.formData();
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of form) if (typeof v === 'string') values[k] = k === 'topics' ? form.getAll('topics').map(String) : v;
  const intent = String(values.intent ?? '');
  const fail = (errors: FieldErrors, status = 400) => data<ActionResult>({ intent, errors, values }, { status });
  try {
    if (intent === 'add-window') {
      const parsed = windowSchema.safeParse({ ...values, topics: values.topics ?? [] });
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addAvailability(actor, state.services, { ...parsed.data, ...scope });
      return redirect('/advice/availability?done=added');
    }
    if (intent === 'remove-window') {
      const id = String(values.availabilityId ?? '');
      if (!/^[0-9a-f-]{36}$/.test(id)) return fail({ form: 'error.badRequest' });
      await removeAvailability(actor, state.services, { organizationId: scope.organizationId, availabilityId: id });
      return redirect('/advice/availability?done=removed');
    }
    if (intent === 'add-leave') {
      const parsed = leaveSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await addLeave(actor, state.services, { ...parsed.data, ...scope });
      return redirect('/advice/availability?done=leave');
    }
    if (intent === 'remove-leave') {
      const id = String(values.leaveId ?? '');
      if (!/^[0-9a-f-]{36}$/.test(id)) return fail({ form: 'error.badRequest' });
      await removeLeave(actor, state.services, { organizationId: scope.organizationId, leaveId: id });
      return redirect('/advice/availability?done=leave');
    }
    if (intent === 'rules') {
      const parsed = rulesSchema.safeParse(values);
      if (!parsed.success) return fail(fieldErrors(parsed.error));
      await saveRules(actor, state.services, { organizationId: scope.organizationId, rules: parsed.data });
      return redirect('/advice/availability?done=rules');
    }
    return fail({ form: 'error.badRequest' });
  } catch (error) {
    rethrowAsResponse(error);
  }
}

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export default function Availability() {
  const t = useT();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  const text = (field: string, fallback = '') => {
    const v = result?.values[field];
    return typeof v === 'string' ? v : fallback;
  };
  const chosenTopics = Array.isArray(result?.values.topics) ? (result.values.topics as string[]) : [];
  const noticeKey: Record<string, MessageKey> = {
    added: 'advice.availability.added',
    removed: 'advice.availability.removed',
    leave: 'advice.availability.leaveSaved',
    rules: 'advice.availability.rulesSaved',
  };
  return (
    <div className="page">
      <title>{`${t('advice.availability.title')} – Työpeili`}</title>
      <h1>{t('advice.availability.title')}</h1>
      <p className="lead">{t('advice.availability.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(noticeKey[page.notice]!)}
        </p>
      ) : null}
      <ErrorSummary
        errors={errors}
        order={[
          'form',
          'kind',
          'weekday',
          'onDate',
          'startTime',
          'endTime',
          'mode',
          'onlineUrl',
          'place',
          'topics',
          'startsOn',
          'endsOn',
          'slotMinutes',
          'bufferMinutes',
          'minNoticeHours',
          'changeNoticeHours',
        ]}
      />

      <section aria-labelledby="windows-title">
        <h2 id="windows-title">{t('advice.availability.windows')}</h2>
        {page.windows.length ? (
          <ul className="plain-list">
            {page.windows.map((w) => (
              <li key={w.id}>
                <p>
                  {w.kind === 'weekly' ? t(`advice.weekday.${w.weekday}` as MessageKey) : format.date(`${w.onDate}T12:00:00Z`)} {w.startTime}–{w.endTime} ·{' '}
                  {w.mode === 'remote' ? t('advice.mode.remote') : w.place} · {w.topics.join(', ')}
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-window" />
                  <input type="hidden" name="availabilityId" value={w.id} />
                  <button type="submit" className="button button--secondary">
                    {t('advice.availability.remove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('advice.availability.none')}</p>
        )}
      </section>

      <section aria-labelledby="add-title">
        <h2 id="add-title">{t('advice.availability.addTitle')}</h2>
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="add-window" />
          <fieldset className="field">
            <legend>{t('advice.availability.kind')}</legend>
            <Choice
              type="radio"
              id="kind"
              name="kind"
              value="weekly"
              defaultChecked={text('kind', 'weekly') === 'weekly'}
              label={t('advice.availability.weekly')}
            />
            <Choice
              type="radio"
              id="kind-single"
              name="kind"
              value="single"
              defaultChecked={text('kind') === 'single'}
              label={t('advice.availability.single')}
            />
          </fieldset>
          <Field id="weekday" label={t('advice.availability.weekday')} error={err('weekday')}>
            {(p) => (
              <select {...p} defaultValue={text('weekday', '1')}>
                {weekdays.map((d) => (
                  <option key={d} value={d}>
                    {t(`advice.weekday.${d}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="onDate" label={t('advice.availability.onDate')} hint={t('advice.dateHint')} error={err('onDate')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={text('onDate')} />}
          </Field>
          <Field id="startTime" label={t('advice.availability.startTime')} hint={t('advice.timeHint')} error={err('startTime')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={text('startTime', '9.00')} />}
          </Field>
          <Field id="endTime" label={t('advice.availability.endTime')} hint={t('advice.timeHint')} error={err('endTime')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={text('endTime', '12.00')} />}
          </Field>
          <fieldset className="field">
            <legend>{t('advice.availability.mode')}</legend>
            <Choice type="radio" id="mode" name="mode" value="remote" defaultChecked={text('mode', 'remote') === 'remote'} label={t('advice.mode.remote')} />
            <Choice type="radio" id="mode-on_site" name="mode" value="on_site" defaultChecked={text('mode') === 'on_site'} label={t('advice.mode.on_site')} />
          </fieldset>
          <Field id="onlineUrl" label={t('advice.availability.onlineUrl')} error={err('onlineUrl')}>
            {(p) => <input {...p} type="url" defaultValue={text('onlineUrl')} />}
          </Field>
          <Field id="place" label={t('advice.availability.place')} error={err('place')}>
            {(p) => <input {...p} type="text" defaultValue={text('place')} />}
          </Field>
          <fieldset className="field" aria-describedby={errors.topics ? 'topics-error' : undefined}>
            <legend>{t('advice.availability.topics')}</legend>
            {errors.topics ? (
              <p className="error-text" id="topics-error">
                {err('topics')}
              </p>
            ) : null}
            {page.topics.map((o, i) => (
              <Choice
                key={o.code}
                id={i === 0 ? 'topics' : `topics-${o.code}`}
                name="topics"
                value={o.code}
                defaultChecked={chosenTopics.includes(o.code)}
                label={o.label}
              />
            ))}
          </fieldset>
          <p>
            <button type="submit" className="button">
              {t('advice.availability.add')}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="leave-title">
        <h2 id="leave-title">{t('advice.availability.leave')}</h2>
        {page.leave.length ? (
          <ul className="plain-list">
            {page.leave.map((l) => (
              <li key={l.id}>
                {formatDateInput(l.startsOn)}–{formatDateInput(l.endsOn)}
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-leave" />
                  <input type="hidden" name="leaveId" value={l.id} />
                  <button type="submit" className="button button--secondary">
                    {t('advice.availability.removeLeave')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="add-leave" />
          <Field id="startsOn" label={t('advice.availability.leaveFrom')} hint={t('advice.dateHint')} error={err('startsOn')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={text('startsOn')} />}
          </Field>
          <Field id="endsOn" label={t('advice.availability.leaveUntil')} hint={t('advice.dateHint')} error={err('endsOn')}>
            {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={text('endsOn')} />}
          </Field>
          <p>
            <button type="submit" className="button button--secondary">
              {t('advice.availability.addLeave')}
            </button>
          </p>
        </Form>
      </section>

      {page.canEditRules ? (
        <section aria-labelledby="rules-title">
          <h2 id="rules-title">{t('advice.availability.rules')}</h2>
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="rules" />
            {(['slotMinutes', 'bufferMinutes', 'minNoticeHours', 'changeNoticeHours'] as const).map((f) => (
              <Field key={f} id={f} label={t(`advice.rules.${f}` as MessageKey)} error={err(f)}>
                {(p) => <input {...p} type="text" inputMode="numeric" defaultValue={text(f, String(page.rules[f]))} />}
              </Field>
            ))}
            <p>
              <button type="submit" className="button button--secondary">
                {t('advice.availability.saveRules')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
      <p>
        <a href="/advice">{t('advice.back')}</a>
      </p>
    </div>
  );
}
