// /check-in/:checkInId: one check-in on one page, phone-first. Every item is a group of
// radio buttons (or a number field); "Save and continue later" (first, so Enter never sends) keeps a correctable draft,
// "Send" makes the answers final. Only the person themself can open it.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/check-in';
import { requireActor } from '../../lib/state.server';
import { formFields, notice, uuidParam } from '../../lib/params.server';
import { useFormat, useLocale, useT } from '../../lib/i18n';
import { Choice, ErrorSummary, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import type { Actor } from '../../../src/platform/auth/actor.ts';
import type { Services } from '../../../src/platform/services.ts';
import { authorize, outcomePolicy } from '../../../src/platform/policy/index.ts';
import { fieldName, parseAnswers } from '../../../src/features/outcomes/check-in-answers.ts';
import { InvalidAnswersError } from '../../../src/features/outcomes/outcomes.errors.ts';
import { findCheckIn, listAnswers, listCustomInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';
import { instrumentsFor } from '../../../src/features/outcomes/plan.ts';
import { saveCheckIn } from '../../../src/features/outcomes/save-check-in.ts';
import { itemScale } from '../../../src/features/outcomes/scoring.ts';

async function loadOwnCheckIn(services: Services, actor: Actor, idParam: string | undefined) {
  const checkInId = uuidParam(idParam);
  if (!actor.organizationId) throw data(null, { status: 404 });
  const checkIn = await findCheckIn(services.db, { organizationId: actor.organizationId, checkInId });
  try {
    if (!checkIn) throw data(null, { status: 404 });
    authorize(actor, { organizationId: checkIn.organizationId, userId: checkIn.userId }, outcomePolicy.readOwn);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return checkIn;
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const checkIn = await loadOwnCheckIn(state.services, actor, params.checkInId);
  const [answers, custom] = await Promise.all([
    listAnswers(state.services.db, { organizationId: checkIn.organizationId, checkInId: checkIn.id }),
    listCustomInstruments(state.services.db, { organizationId: checkIn.organizationId }),
  ]);
  const values: Record<string, string> = {};
  for (const [instrumentId, items] of Object.entries(answers))
    for (const [itemId, v] of Object.entries(items)) values[fieldName(instrumentId, itemId)] = String(v);
  return {
    checkIn: { id: checkIn.id, kind: checkIn.kind, dueOn: checkIn.dueOn, status: checkIn.status, submittedAt: checkIn.submittedAt?.toISOString() ?? null },
    instruments: instrumentsFor(checkIn.kind, custom),
    values,
    saved: notice(new URL(request.url), ['saved'] as const),
  };
}

type ActionResult = { errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const checkIn = await loadOwnCheckIn(state.services, actor, params.checkInId);
  const form = await formFields(request);
  const submit = form.intent === 'submit';
  const instruments = instrumentsFor(checkIn.kind, await listCustomInstruments(state.services.db, { organizationId: checkIn.organizationId }));
  const { answers, errors } = parseAnswers(instruments, form);
  if (Object.keys(errors).length) return data<ActionResult>({ errors: mapErrors(errors), values: form }, { status: 400 });
  try {
    await saveCheckIn(actor, state.services, { organizationId: checkIn.organizationId, checkInId: checkIn.id, answers, submit });
  } catch (error) {
    if (error instanceof InvalidAnswersError) return data<ActionResult>({ errors: mapErrors(error.fields), values: form }, { status: 400 });
    rethrowAsResponse(error);
  }
  return redirect(submit ? '/check-in?done=submitted' : `/check-in/${checkIn.id}?done=saved`);
}

function mapErrors(problems: Record<string, 'invalid' | 'missing'>): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(problems)) out[k] = v === 'missing' ? 'outcomes.checkIn.missing' : 'outcomes.checkIn.invalid';
  return out;
}

export default function CheckIn() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const values = result?.values ?? page.values;
  const submitted = page.checkIn.status === 'submitted';
  const order = page.instruments.flatMap((ins) => ins.items.map((it) => fieldName(ins.id, it.id)));
  return (
    <div className="page">
      <title>{`${t(`outcomes.kind.${page.checkIn.kind}`)} – Työpeili`}</title>
      <p>
        <a href="/check-in">{t('outcomes.checkIn.back')}</a>
      </p>
      <h1>{t(`outcomes.kind.${page.checkIn.kind}`)}</h1>
      {page.saved ? (
        <div className="notice notice--success" role="status">
          {t('outcomes.checkIn.saved')}
        </div>
      ) : null}
      {submitted ? (
        <p className="notice">{t('outcomes.checkIn.submittedOn', { date: format.date(page.checkIn.submittedAt!) })}</p>
      ) : (
        <p className="lead">{t('outcomes.checkIn.intro')}</p>
      )}
      <ErrorSummary errors={errors} order={order} />
      <Form method="post" className="stack check-in-form">
        {page.instruments.map((ins) => (
          <section key={ins.id} aria-labelledby={`${ins.id}-title`}>
            <h2 id={`${ins.id}-title`}>{ins.name[locale]}</h2>
            {ins.instructions ? <p className="hint">{ins.instructions[locale]}</p> : null}
            {ins.items.map((item) => {
              const name = fieldName(ins.id, item.id);
              const scale = itemScale(ins, item);
              const value = values[name] ?? '';
              const error = errors[name];
              const errorId = `${name}-error`;
              if (scale.kind === 'quantity') {
                return (
                  <div className="field" key={item.id}>
                    <label htmlFor={name}>{item.text[locale]}</label>
                    <p className="hint" id={`${name}-hint`}>
                      {t('outcomes.checkIn.optional')} ({scale.unit[locale]})
                    </p>
                    {error ? (
                      <p className="error-text" id={errorId}>
                        {t(error)}
                      </p>
                    ) : null}
                    <input
                      id={name}
                      name={name}
                      type="text"
                      inputMode="decimal"
                      size={6}
                      defaultValue={value}
                      disabled={submitted}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={[`${name}-hint`, error ? errorId : null].filter(Boolean).join(' ')}
                    />
                  </div>
                );
              }
              const options =
                scale.kind === 'choice'
                  ? scale.options.map((o) => ({ value: o.code, label: o.label[locale] }))
                  : Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).map((v) => {
                      const label = scale.labels.find((l) => l.value === v);
                      return { value: String(v), label: label ? (scale.labels.length > 2 ? label.label[locale] : `${v} – ${label.label[locale]}`) : String(v) };
                    });
              // Some manuals print the answers from the highest down (WHO-5): the instrument's data says so.
              const shown = scale.kind === 'numeric' && scale.descending ? [...options].reverse() : options;
              const compact = scale.kind === 'numeric' && scale.labels.length <= 2;
              return (
                <fieldset key={item.id} aria-describedby={error ? errorId : undefined}>
                  <legend>{item.text[locale]}</legend>
                  {error ? (
                    <p className="error-text" id={errorId}>
                      {t(error)}
                    </p>
                  ) : null}
                  <div className={compact ? 'radio-row' : undefined}>
                    {shown.map((o, i) => (
                      <Choice
                        type="radio"
                        key={o.value}
                        id={i === 0 ? name : `${name}-${o.value}`}
                        name={name}
                        value={o.value}
                        defaultChecked={value === o.value}
                        disabled={submitted}
                        label={o.label}
                      />
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </section>
        ))}
        {submitted ? null : (
          <div className="button-row">
            <button type="submit" name="intent" value="save" className="button button--secondary">
              {t('outcomes.checkIn.save')}
            </button>
            <button type="submit" name="intent" value="submit" className="button">
              {t('outcomes.checkIn.submit')}
            </button>
          </div>
        )}
      </Form>
      {submitted ? null : <p className="hint">{t('outcomes.checkIn.privacy')}</p>}
    </div>
  );
}
