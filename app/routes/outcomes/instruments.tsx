// /organization/instruments: the instruments the organisation measures with: the built-in ones
// (with source, licence and reliability) and those its coordinator defined as data. Coordinators
// retire, bring back or delete (while unanswered) their own; funders read.
import { data, Form, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/instruments';
import { requireActor } from '../../lib/state.server';
import { formFields, notice } from '../../lib/params.server';
import { useFormat, useLocale, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { DomainError } from '../../../src/platform/errors.ts';
import type { MessageKey } from '../../../src/platform/i18n/i18n.ts';
import { authorize, can, instrumentPolicy } from '../../../src/platform/policy/index.ts';
import type { CustomAskIn } from '../../../src/features/outcomes/custom-instruments.ts';
import type { Instrument } from '../../../src/features/outcomes/instruments/index.ts';
import { deleteCustomInstrument, setCustomInstrumentStatus } from '../../../src/features/outcomes/manage-custom-instruments.ts';
import { listCustomInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';
import { builtInInstruments } from '../../../src/features/outcomes/instruments/index.ts';
import { instrumentIdsByKind } from '../../../src/features/outcomes/plan.ts';

function scope(organizationId: string | null) {
  if (!organizationId) throw data(null, { status: 404 });
  return { organizationId };
}

/** Where a built-in instrument is asked, in the same terms as a custom one. */
function builtInAskIn(id: string): CustomAskIn {
  const pulse = instrumentIdsByKind.pulse.includes(id);
  const full = instrumentIdsByKind.full.includes(id);
  return pulse && full ? 'both' : pulse ? 'pulse' : 'full';
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const s = scope(actor.organizationId);
  try {
    authorize(actor, s, instrumentPolicy.read);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const custom = await listCustomInstruments(state.services.db, s);
  return {
    notice: notice(new URL(request.url), ['defined', 'retired', 'activated', 'deleted'] as const),
    canDefine: can(instrumentPolicy, actor, s).define,
    builtIn: builtInInstruments.map((instrument) => ({ instrument, askIn: builtInAskIn(instrument.id) })),
    custom: custom.map((c) => ({ instrument: c.instrument, askIn: c.askIn, status: c.status, createdAt: c.createdAt.toISOString() })),
  };
}

type ActionResult = { error: MessageKey };

export async function action({ request, context }: Route.ActionArgs) {
  const { state, actor } = requireActor(context, request);
  const s = scope(actor.organizationId);
  const form = await formFields(request);
  const instrumentId = form.instrumentId ?? '';
  try {
    if (form.intent === 'retire' || form.intent === 'activate') {
      await setCustomInstrumentStatus(actor, state.services, { ...s, instrumentId, status: form.intent === 'retire' ? 'retired' : 'active' });
      return redirect(`/organization/instruments?done=${form.intent === 'retire' ? 'retired' : 'activated'}`);
    }
    if (form.intent === 'delete') {
      await deleteCustomInstrument(actor, state.services, { ...s, instrumentId });
      return redirect('/organization/instruments?done=deleted');
    }
  } catch (error) {
    // A refusal the coordinator can act on (pulse already full, instrument answered) is shown on the page.
    if (error instanceof DomainError && error.status === 409) return data<ActionResult>({ error: error.messageKey as MessageKey }, { status: 409 });
    rethrowAsResponse(error);
  }
  return data<ActionResult>({ error: 'error.badRequest' }, { status: 400 });
}

function InstrumentDetails({ instrument }: { instrument: Instrument }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const scoring = instrument.scoring;
  const scale = instrument.scale;
  const num = (n: number) => format.number(n, { maximumFractionDigits: 3 });
  return (
    <details>
      <summary>{t('instruments.details')}</summary>
      {instrument.instructions ? <p className="hint">{instrument.instructions[locale]}</p> : null}
      <ol>
        {instrument.items.map((item) => (
          <li key={item.id}>{item.text[locale]}</li>
        ))}
      </ol>
      <ul className="plain-list">
        {scale?.kind === 'numeric' ? (
          <li>
            {t('instruments.scale', { min: scale.min, max: scale.max })}
            {scale.labels.length ? ` (${scale.labels.map((l) => `${l.value} = ${l.label[locale]}`).join('; ')})` : ''}
          </li>
        ) : null}
        {scoring.kind === 'scale' ? (
          <>
            <li>
              {t(scoring.method === 'sum' ? 'instruments.scoring.sum' : 'instruments.scoring.mean')}
              {scoring.multiplier !== 1 ? `, ${t('instruments.scoring.multiplier', { multiplier: num(scoring.multiplier) })}` : ''}
            </li>
            {scoring.reverseItems.length ? (
              <li>
                {t('instruments.scoring.reversed', { items: scoring.reverseItems.map((id) => instrument.items.findIndex((i) => i.id === id) + 1).join(', ') })}
              </li>
            ) : null}
            {scoring.bands.length ? (
              <li>{t('instruments.scoring.bands', { bands: scoring.bands.map((b) => `${num(b.min)}–${num(b.max)} ${b.label[locale]}`).join('; ') })}</li>
            ) : null}
          </>
        ) : (
          <li>{t('instruments.scoring.indicator')}</li>
        )}
        <li>
          {instrument.missing.kind === 'prorate'
            ? t('instruments.missing.prorate', { max: instrument.missing.maxMissing })
            : t(`instruments.missing.${instrument.missing.kind}`)}
        </li>
        {scoring.kind === 'scale' ? (
          <>
            <li>{instrument.reliability ? t('instruments.reliability', { value: num(instrument.reliability.value) }) : t('instruments.reliabilityNone')}</li>
            {instrument.referenceSd ? <li>{t('instruments.referenceSd', { value: num(instrument.referenceSd.value) })}</li> : null}
            {instrument.meaningfulChange ? <li>{t('instruments.meaningfulChange', { value: num(instrument.meaningfulChange.value) })}</li> : null}
          </>
        ) : null}
      </ul>
      <dl>
        <dt>{t('instruments.source')}</dt>
        <dd>{instrument.source}</dd>
        <dt>{t('instruments.licence')}</dt>
        <dd>
          {t(`instruments.licenceStatus.${instrument.licenceStatus}`)}. {instrument.licence}
        </dd>
      </dl>
    </details>
  );
}

export default function OrganizationInstruments() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <div className="page">
      <title>{`${t('instruments.title')} – Työpeili`}</title>
      <h1>{t('instruments.title')}</h1>
      <p className="lead">{t('instruments.lead')}</p>
      {page.notice ? (
        <p className="notice notice--success" role="status">
          {t(`instruments.notice.${page.notice}`)}
        </p>
      ) : null}
      {result?.error ? (
        <p className="notice" role="alert">
          {t(result.error)}
        </p>
      ) : null}

      <section aria-labelledby="custom-title">
        <h2 id="custom-title">{t('instruments.custom')}</h2>
        <p>{t('instruments.customLead')}</p>
        {page.canDefine ? (
          <p>
            <a className="button" href="/organization/instruments/new">
              {t('instruments.new')}
            </a>
          </p>
        ) : null}
        {page.custom.length === 0 ? <p>{t('instruments.none')}</p> : null}
        <ul className="cards">
          {page.custom.map((c) => (
            <li key={c.instrument.id} className="card">
              <h3>{c.instrument.name[locale]}</h3>
              <p>
                <strong>{t(`instruments.status.${c.status}`)}</strong> · {t('instruments.items', { count: c.instrument.items.length })} ·{' '}
                {format.date(c.createdAt)}
              </p>
              <p>{t('instruments.askedIn', { where: t(`instruments.askIn.${c.askIn}`) })}</p>
              <InstrumentDetails instrument={c.instrument} />
              <p>
                <a href={`/organization/instruments/${c.instrument.id}/definition.json`} download>
                  {t('instruments.download')}
                </a>
              </p>
              {page.canDefine ? (
                <div className="button-row">
                  <Form method="post">
                    <input type="hidden" name="instrumentId" value={c.instrument.id} />
                    <button type="submit" name="intent" value={c.status === 'active' ? 'retire' : 'activate'} className="button button--secondary">
                      {t(c.status === 'active' ? 'instruments.retire' : 'instruments.activate')}
                      <span className="visually-hidden">: {c.instrument.name[locale]}</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="instrumentId" value={c.instrument.id} />
                    <button type="submit" name="intent" value="delete" className="button button--secondary" aria-describedby="delete-hint">
                      {t('instruments.delete')}
                      <span className="visually-hidden">: {c.instrument.name[locale]}</span>
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {page.canDefine && page.custom.length ? (
          <p className="hint" id="delete-hint">
            {t('instruments.deleteHint')}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="builtin-title">
        <h2 id="builtin-title">{t('instruments.builtIn')}</h2>
        <ul className="cards">
          {page.builtIn.map((b) => (
            <li key={b.instrument.id} className="card">
              <h3>{b.instrument.name[locale]}</h3>
              <p>
                {t('instruments.items', { count: b.instrument.items.length })} · {t('instruments.askedIn', { where: t(`instruments.askIn.${b.askIn}`) })}
              </p>
              <InstrumentDetails instrument={b.instrument} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
