// /organization/instruments/new: a coordinator defines an instrument of the organisation's own as
// data: items (in Finnish, optionally Swedish and English), the response scale, the scoring rule
// (sum or mean, reversed items, multiplier, bands), missing answers, where it is asked, its source,
// licence and the figures for judging change; or pastes a JSON definition exported elsewhere.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/instrument-new';
import { requireActor } from '../../lib/state.server';
import { formFields } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { Choice, ErrorSummary, Field, rethrowAsResponse, type FieldErrors } from '../../ui/form';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, instrumentPolicy } from '../../../src/platform/policy/index.ts';
import { customAskIn, instrumentFormFields, readInstrumentForm, readInstrumentJson } from '../../../src/features/outcomes/custom-instruments.ts';
import { defineCustomInstrument } from '../../../src/features/outcomes/manage-custom-instruments.ts';

function scope(organizationId: string | null) {
  if (!organizationId) throw data(null, { status: 404 });
  return { organizationId };
}

const defaults: Record<string, string> = {
  scaleMin: '0',
  scaleMax: '10',
  method: 'sum',
  multiplier: '1',
  higherIsBetter: 'yes',
  missing: 'none',
  askIn: 'full',
  askInJson: 'full',
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const { actor } = requireActor(context, request);
  try {
    authorize(actor, scope(actor.organizationId), instrumentPolicy.define);
  } catch (error) {
    rethrowAsResponse(error);
  }
  return { values: defaults };
}

type ActionResult = { errors: FieldErrors; detail?: string; values: Record<string, string> };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const s = scope(actor.organizationId);
  try {
    authorize(actor, s, instrumentPolicy.define);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const form = await formFields(request);
  const read =
    form.intent === 'import' ? readInstrumentJson(form.definition ?? '', form.askInJson, form.licenceConfirmedJson === 'yes') : readInstrumentForm(form);
  if (!read.ok)
    return data<ActionResult>(
      { errors: read.errors, detail: 'detail' in read && typeof read.detail === 'string' ? read.detail : undefined, values: form },
      { status: 400 },
    );
  try {
    await defineCustomInstrument(actor, state.services, { ...s, instrument: read.instrument, askIn: read.askIn });
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) {
      return data<ActionResult>(
        { errors: { [form.intent === 'import' ? 'askInJson' : 'askIn']: error.messageKey as MessageKey }, values: form },
        { status: 409 },
      );
    }
    rethrowAsResponse(error);
  }
  return redirect('/organization/instruments?done=defined');
}

const askInKeys = { full: 'instruments.askIn.full', pulse: 'instruments.askIn.pulse', both: 'instruments.askIn.both' } as const;

export default function OrganizationInstrumentNew() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const values = { ...page.values, ...(result?.values ?? {}) };
  const err = (field: string) => {
    const key = errors[field];
    if (!key) return undefined;
    return key === 'instruments.error.definition' && result?.detail ? `${t(key)} (${result.detail})` : t(key);
  };
  const text = (id: string, label: MessageKey, options: { hint?: MessageKey; lang?: string; required?: boolean; inputMode?: 'numeric' | 'decimal' } = {}) => (
    <Field id={id} label={t(label)} hint={options.hint ? t(options.hint) : undefined} error={err(id)}>
      {(p) => (
        <input
          {...p}
          type="text"
          defaultValue={values[id] ?? ''}
          lang={options.lang}
          inputMode={options.inputMode}
          aria-required={options.required || undefined}
        />
      )}
    </Field>
  );
  const area = (id: string, label: MessageKey, options: { hint?: MessageKey; lang?: string; rows?: number; required?: boolean } = {}) => (
    <Field id={id} label={t(label)} hint={options.hint ? t(options.hint) : undefined} error={err(id)}>
      {(p) => <textarea {...p} rows={options.rows ?? 5} defaultValue={values[id] ?? ''} lang={options.lang} aria-required={options.required || undefined} />}
    </Field>
  );
  const radios = (name: string, legend: MessageKey, choices: readonly { value: string; label: MessageKey }[], hint?: MessageKey) => (
    <fieldset className="field" aria-describedby={[hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].join(' ').trim() || undefined}>
      <legend>{t(legend)}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {t(hint)}
        </p>
      ) : null}
      {errors[name] ? (
        <p className="error-text" id={`${name}-error`}>
          {err(name)}
        </p>
      ) : null}
      {choices.map((c, i) => (
        <Choice
          type="radio"
          key={c.value}
          name={name}
          id={i === 0 ? name : `${name}-${c.value}`}
          value={c.value}
          defaultChecked={values[name] === c.value}
          label={t(c.label)}
        />
      ))}
    </fieldset>
  );
  const confirm = (id: string) => (
    <div className="field">
      {errors[id] ? (
        <p className="error-text" id={`${id}-error`}>
          {err(id)}
        </p>
      ) : null}
      <Choice
        id={id}
        name={id}
        value="yes"
        defaultChecked={values[id] === 'yes'}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `${id}-error` : undefined}
        label={t('instruments.form.licenceConfirmed')}
      />
    </div>
  );
  const askInChoices = customAskIn.map((v) => ({ value: v, label: askInKeys[v] }));
  return (
    <div className="page">
      <title>{`${t('instruments.form.title')} – Työpeili`}</title>
      <p>
        <a href="/organization/instruments">{t('instruments.back')}</a>
      </p>
      <h1>{t('instruments.form.title')}</h1>
      <p className="lead">{t('instruments.form.lead')}</p>
      <ErrorSummary errors={errors} order={[...instrumentFormFields, 'form', 'definition', 'askInJson', 'licenceConfirmedJson']} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="define" />
        <fieldset>
          <legend>
            <h2>{t('instruments.form.basics')}</h2>
          </legend>
          {text('nameFi', 'instruments.form.nameFi', { lang: 'fi', required: true })}
          {text('nameSv', 'instruments.form.nameSv', { lang: 'sv' })}
          {text('nameEn', 'instruments.form.nameEn', { lang: 'en' })}
          {area('instructionsFi', 'instruments.form.instructionsFi', { lang: 'fi', rows: 2 })}
          {area('instructionsSv', 'instruments.form.instructionsSv', { lang: 'sv', rows: 2 })}
          {area('instructionsEn', 'instruments.form.instructionsEn', { lang: 'en', rows: 2 })}
          {area('itemsFi', 'instruments.form.itemsFi', { lang: 'fi', hint: 'instruments.form.itemsHint', required: true })}
          {area('itemsSv', 'instruments.form.itemsSv', { lang: 'sv', hint: 'instruments.form.itemsOtherHint' })}
          {area('itemsEn', 'instruments.form.itemsEn', { lang: 'en', hint: 'instruments.form.itemsOtherHint' })}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('instruments.form.scale')}</h2>
          </legend>
          {text('scaleMin', 'instruments.form.scaleMin', { hint: 'instruments.form.scaleHint', inputMode: 'numeric', required: true })}
          {text('scaleMax', 'instruments.form.scaleMax', { inputMode: 'numeric', required: true })}
          {text('minLabelFi', 'instruments.form.minLabelFi', { lang: 'fi' })}
          {text('maxLabelFi', 'instruments.form.maxLabelFi', { lang: 'fi' })}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('instruments.form.scoring')}</h2>
          </legend>
          {radios('method', 'instruments.form.method', [
            { value: 'sum', label: 'instruments.form.method.sum' },
            { value: 'mean', label: 'instruments.form.method.mean' },
          ])}
          {text('reverseItems', 'instruments.form.reverseItems', { hint: 'instruments.form.reverseHint' })}
          {text('multiplier', 'instruments.form.multiplier', { hint: 'instruments.form.multiplierHint', inputMode: 'decimal' })}
          {radios('higherIsBetter', 'instruments.form.higherIsBetter', [
            { value: 'yes', label: 'instruments.form.higherIsBetter.yes' },
            { value: 'no', label: 'instruments.form.higherIsBetter.no' },
          ])}
          {area('bands', 'instruments.form.bands', { hint: 'instruments.form.bandsHint', rows: 3 })}
          {radios('missing', 'instruments.form.missing', [
            { value: 'none', label: 'instruments.form.missing.none' },
            { value: 'prorate', label: 'instruments.form.missing.prorate' },
          ])}
          {text('maxMissing', 'instruments.form.maxMissing', { inputMode: 'numeric' })}
          {radios('askIn', 'instruments.form.askIn', askInChoices, 'instruments.form.askInHint')}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('instruments.form.source')}</h2>
          </legend>
          {area('source', 'instruments.form.source', { hint: 'instruments.form.sourceHint', rows: 2, required: true })}
          {area('licence', 'instruments.form.licence', { rows: 2, required: true })}
          {confirm('licenceConfirmed')}
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('instruments.form.figures')}</h2>
          </legend>
          <p className="hint">{t('instruments.form.figuresHint')}</p>
          {text('alpha', 'instruments.form.alpha', { inputMode: 'decimal' })}
          {text('alphaSource', 'instruments.form.alphaSource')}
          {text('referenceSd', 'instruments.form.referenceSd', { inputMode: 'decimal' })}
          {text('referenceSdSource', 'instruments.form.referenceSdSource')}
          {text('meaningfulChange', 'instruments.form.meaningfulChange', { inputMode: 'decimal' })}
          {text('meaningfulChangeSource', 'instruments.form.meaningfulChangeSource')}
        </fieldset>
        <p>
          <button type="submit" className="button">
            {t('instruments.form.submit')}
          </button>
        </p>
      </Form>

      <section aria-labelledby="import-title">
        <h2 id="import-title">{t('instruments.form.jsonTitle')}</h2>
        <p>{t('instruments.form.jsonLead')}</p>
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value="import" />
          {area('definition', 'instruments.form.definition', { rows: 8, required: true })}
          {radios('askInJson', 'instruments.form.askIn', askInChoices, 'instruments.form.askInHint')}
          {confirm('licenceConfirmedJson')}
          <p>
            <button type="submit" className="button button--secondary">
              {t('instruments.form.import')}
            </button>
          </p>
        </Form>
      </section>
    </div>
  );
}
