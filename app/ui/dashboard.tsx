// The parts of /organization/dashboard (app/routes/dashboard/dashboard.tsx): the period form and the
// figure tables. Every figure's row name links to the page it is counted from. Tables have two or
// three columns (a 390 px phone needs no sideways scroll) and a caption each.
import { Form } from 'react-router';
import { useFormat, useT } from '../lib/i18n';
import { Choice, ErrorSummary, Field, useFieldError, type FieldErrors } from './form';
import type { MessageKey } from '../../src/platform/i18n/i18n.ts';
import type { Dashboard, EventTotals, StepFigures, TrendHalf } from '../../src/features/dashboard/load-dashboard.ts';
import type { EventRow } from '../../src/features/dashboard/dashboard.queries.ts';
import type { WithholdReason } from '../../src/platform/disclosure/release.ts';

export type DashboardData = Omit<Dashboard, 'events' | 'steps' | 'outcomes'> & {
  events: Omit<EventTotals, 'list'> & { list: (Omit<EventRow, 'startsAt'> & { startsAt: string })[] };
  steps: StepFigures;
  outcomes: { instrumentId: string; halves: TrendHalf[] };
};

export function DashboardForm({
  presets,
  form,
  instruments,
}: {
  presets: readonly string[];
  form: { preset: string; from: string; to: string; instrumentId: string; errors: FieldErrors };
  instruments: { id: string; name: string }[];
}) {
  const t = useT();
  const fieldError = useFieldError(form.errors);
  return (
    <Form method="get" className="stack dashboard-form" aria-labelledby="dashboard-form-title">
      <h2 id="dashboard-form-title">{t('dashboard.form.title')}</h2>
      <ErrorSummary errors={form.errors} order={['from', 'to']} />
      {Object.keys(form.errors).length > 0 ? <p>{t('dashboard.error.fallback')}</p> : null}
      <fieldset>
        <legend>{t('dashboard.form.preset')}</legend>
        {presets.map((p) => (
          <Choice
            type="radio"
            key={p}
            id={`period-${p}`}
            name="period"
            value={p}
            defaultChecked={form.preset === p}
            label={t(`dashboard.preset.${p}` as MessageKey)}
          />
        ))}
      </fieldset>
      <p className="hint">{t('dashboard.form.customHint')}</p>
      <Field id="from" label={t('dashboard.form.from')} hint={t('dashboard.form.dateHint')} error={fieldError('from')}>
        {(props) => <input {...props} type="text" inputMode="numeric" autoComplete="off" defaultValue={form.from} size={12} />}
      </Field>
      <Field id="to" label={t('dashboard.form.to')} hint={t('dashboard.form.dateHint')} error={fieldError('to')}>
        {(props) => <input {...props} type="text" inputMode="numeric" autoComplete="off" defaultValue={form.to} size={12} />}
      </Field>
      <Field id="instrument" label={t('dashboard.form.instrument')}>
        {(props) => (
          <select {...props} defaultValue={form.instrumentId}>
            {instruments.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p>
        <button type="submit" className="button">
          {t('dashboard.form.submit')}
        </button>
      </p>
    </Form>
  );
}

// href null: the figure's source is a page this person may not open (an admin and /advice), so no link.
type Row = { key: string; label: string; href: string | null; value: string };

function FigureTable({ id, caption, rows, note }: { id: string; caption: string; rows: Row[]; note?: string }) {
  const t = useT();
  return (
    <div className="dashboard-section">
      <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table id={id} className="dashboard-table">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.column.figure')}</th>
              <th scope="col">{t('dashboard.column.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.href ? <a href={r.href}>{r.label}</a> : r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {note ? <p className="hint">{note}</p> : null}
    </div>
  );
}

function useFigures() {
  const t = useT();
  const format = useFormat();
  const count = (n: number | null) => (n === null ? t('dashboard.withheld') : format.number(n));
  const percent = (r: number | null) =>
    r === null ? t('dashboard.noData') : t('dashboard.percent', { value: format.number(r * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  const reason = (r: WithholdReason | null) => (r ? t('dashboard.withheldBecause', { reason: t(`dashboard.reason.${r}`) }) : t('dashboard.withheld'));
  return { t, format, count, percent, reason };
}

function evaluationHref(key: string, instrumentId: string) {
  return `/evaluation?${new URLSearchParams({ period: key, instrument: instrumentId, comparison: 'latest' }).toString()}`;
}

/** Which source pages the reader may open (the dashboard links only to those). */
export type DashboardLinks = { events: boolean; advice: boolean };

export function DashboardTables({ dashboard: d, instrumentName, links }: { dashboard: DashboardData; instrumentName: string; links: DashboardLinks }) {
  const { t, format, count, percent, reason } = useFigures();
  const of = (part: number, total: number) => t('dashboard.ofTotal', { part: format.number(part), total: format.number(total) });
  const hoursHref = `/organization/experts?${new URLSearchParams({ from: d.period.from, to: d.period.to }).toString()}#hours-title`;
  const steps = d.steps;
  const stepValue = (n: number | null) => (steps.reason ? reason(steps.reason) : count(n));
  return (
    <>
      <p className="dashboard-period">
        <strong>{t('dashboard.period', { from: format.date(`${d.period.from}T12:00:00Z`, 'short'), to: format.date(`${d.period.to}T12:00:00Z`, 'short') })}</strong>
      </p>
      <FigureTable
        id="dashboard-groups"
        caption={t('dashboard.groups.title')}
        rows={[
          { key: 'active', label: t('dashboard.groups.active'), href: '/groups?status=active', value: count(d.groups.active) },
          { key: 'forming', label: t('dashboard.groups.forming'), href: '/groups?status=forming', value: count(d.groups.forming) },
          { key: 'paused', label: t('dashboard.groups.paused'), href: '/groups?status=paused', value: count(d.groups.paused) },
          { key: 'met', label: t('dashboard.groups.met'), href: '#dashboard-by-group', value: count(d.groups.met) },
        ]}
      />
      <FigureTable
        id="dashboard-meetings"
        caption={t('dashboard.meetings.title')}
        note={t('dashboard.meetings.rateHint')}
        rows={[
          { key: 'held', label: t('dashboard.meetings.heldOfPlanned'), href: '#dashboard-by-group', value: of(d.meetings.held, d.meetings.planned) },
          { key: 'cancelled', label: t('dashboard.meetings.cancelled'), href: '#dashboard-by-group', value: count(d.meetings.cancelled) },
          { key: 'recorded', label: t('dashboard.meetings.recorded'), href: '#dashboard-by-group', value: of(d.meetings.recorded, d.meetings.held) },
          { key: 'rate', label: t('dashboard.meetings.attendanceRate'), href: '#dashboard-by-group', value: percent(d.meetings.attendanceRate) },
        ]}
      />
      <div className="dashboard-section">
        {d.meetings.byGroup.length === 0 ? (
          <>
            <h3 id="dashboard-by-group-caption">{t('dashboard.byGroup.title')}</h3>
            <p>{t('dashboard.byGroup.none')}</p>
          </>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="dashboard-by-group-caption" tabIndex={0}>
            <table id="dashboard-by-group" className="dashboard-table">
              <caption id="dashboard-by-group-caption">{t('dashboard.byGroup.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.byGroup.group')}</th>
                  <th scope="col">{t('dashboard.byGroup.held')}</th>
                  <th scope="col">{t('dashboard.byGroup.attendance')}</th>
                </tr>
              </thead>
              <tbody>
                {d.meetings.byGroup.map((g) => (
                  <tr key={g.groupId}>
                    <th scope="row">
                      <a href={`/groups/${g.groupId}`}>{g.groupName}</a>
                    </th>
                    <td>{of(g.held, g.planned)}</td>
                    <td>
                      <a href={`/groups/${g.groupId}/attendance`}>{percent(g.attendanceRate)}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <FigureTable
        id="dashboard-steps"
        caption={t('dashboard.steps.title')}
        note={t('dashboard.steps.hint')}
        rows={[
          { key: 'set', label: t('dashboard.steps.set'), href: '/groups', value: stepValue(steps.set) },
          { key: 'followed', label: t('dashboard.steps.followedUp'), href: '/groups', value: stepValue(steps.followedUp) },
          { key: 'done', label: t('dashboard.steps.done'), href: '/groups', value: stepValue(steps.done) },
          { key: 'rate', label: t('dashboard.steps.rate'), href: '/groups', value: steps.reason ? reason(steps.reason) : percent(steps.followUpRate) },
        ]}
      />
      <TrendTables halves={d.outcomes.halves} instrumentId={d.outcomes.instrumentId} instrumentName={instrumentName} />
      <FigureTable
        id="dashboard-events"
        caption={t('dashboard.events.title')}
        note={t('dashboard.events.rateHint')}
        rows={[
          { key: 'events', label: t('dashboard.events.events'), href: links.events ? '/organization/events' : null, value: count(d.events.events) },
          { key: 'held', label: t('dashboard.events.held'), href: '#dashboard-by-event', value: count(d.events.held) },
          { key: 'cancelled', label: t('dashboard.events.cancelled'), href: '#dashboard-by-event', value: count(d.events.cancelled) },
          { key: 'confirmed', label: t('dashboard.events.confirmed'), href: '#dashboard-by-event', value: count(d.events.confirmed) },
          { key: 'waitlisted', label: t('dashboard.events.waitlisted'), href: '#dashboard-by-event', value: count(d.events.waitlisted) },
          { key: 'attended', label: t('dashboard.events.attended'), href: '#dashboard-by-event', value: count(d.events.attended) },
          { key: 'rate', label: t('dashboard.events.rate'), href: '#dashboard-by-event', value: percent(d.events.attendanceRate) },
        ]}
      />
      <div className="dashboard-section">
        {d.events.list.length === 0 ? (
          <>
            <h3 id="dashboard-by-event-caption">{t('dashboard.byEvent.title')}</h3>
            <p>{t('dashboard.byEvent.none')}</p>
          </>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="dashboard-by-event-caption" tabIndex={0}>
            <table id="dashboard-by-event" className="dashboard-table">
              <caption id="dashboard-by-event-caption">{t('dashboard.byEvent.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.byEvent.event')}</th>
                  <th scope="col">{t('dashboard.byEvent.confirmed')}</th>
                  <th scope="col">{t('dashboard.byEvent.attended')}</th>
                </tr>
              </thead>
              <tbody>
                {d.events.list.map((e) => (
                  <tr key={e.eventId}>
                    <th scope="row">
                      {links.events ? (
                        <a href={`/organization/events/${e.eventId}`}>{e.status === 'cancelled' ? t('dashboard.byEvent.cancelled', { title: e.title }) : e.title}</a>
                      ) : e.status === 'cancelled' ? (
                        t('dashboard.byEvent.cancelled', { title: e.title })
                      ) : (
                        e.title
                      )}
                      <br />
                      <span className="muted">{format.date(e.startsAt)}</span>
                    </th>
                    <td>{count(e.confirmed)}</td>
                    <td>{e.held ? count(e.attended) : t('dashboard.noData')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <FigureTable
        id="dashboard-advice"
        caption={t('dashboard.advice.title')}
        rows={[
          { key: 'sessions', label: t('dashboard.advice.sessions'), href: links.advice ? '/advice' : null, value: count(d.advice.sessions) },
          { key: 'hours', label: t('dashboard.advice.hours'), href: links.advice ? '/advice' : null, value: format.number(d.advice.hours, { maximumFractionDigits: 2 }) },
          { key: 'noShows', label: t('dashboard.advice.noShows'), href: links.advice ? '/advice' : null, value: count(d.advice.noShows) },
          { key: 'companies', label: t('dashboard.advice.companies'), href: links.advice ? '/advice' : null, value: count(d.advice.companies) },
          { key: 'expertHours', label: t('dashboard.experts.hours'), href: hoursHref, value: format.number(d.experts.hours, { maximumFractionDigits: 2 }) },
          { key: 'expertEntries', label: t('dashboard.experts.entries'), href: hoursHref, value: count(d.experts.entries) },
          { key: 'experts', label: t('dashboard.experts.experts'), href: hoursHref, value: count(d.experts.experts) },
        ]}
      />
      <section aria-labelledby="dashboard-how-title">
        <h2 id="dashboard-how-title">{t('dashboard.howTo.title')}</h2>
        <p>{t('dashboard.howTo.exact')}</p>
        <p>{t('dashboard.howTo.released', { n: 5 })}</p>
      </section>
    </>
  );
}

function halfLabel(t: ReturnType<typeof useT>, key: string) {
  const [year, half] = key.split('-H');
  return t('dashboard.halfLabel', { year: year!, half: half! });
}

function TrendTables({ halves, instrumentId, instrumentName }: { halves: TrendHalf[]; instrumentId: string; instrumentName: string }) {
  const { t, format, percent, reason } = useFigures();
  const signed = (n: number) => format.number(n, { signDisplay: 'exceptZero', maximumFractionDigits: 2 });
  const rateOf = (rate: number | null, part: number | null, total: number | null, why: WithholdReason | null) =>
    part === null || total === null
      ? reason(why)
      : total === 0
        ? t('dashboard.noData')
        : t('dashboard.checkIns.rateOf', { rate: percent(rate), part: format.number(part), total: format.number(total) });
  return (
    <>
      <div className="dashboard-section">
        <div className="table-wrap" role="region" aria-labelledby="dashboard-check-ins-caption" tabIndex={0}>
          <table id="dashboard-check-ins" className="dashboard-table">
            <caption id="dashboard-check-ins-caption">{t('dashboard.checkIns.title', { instrument: instrumentName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.checkIns.half')}</th>
                <th scope="col">{t('dashboard.checkIns.baseline')}</th>
                <th scope="col">{t('dashboard.checkIns.followUp')}</th>
              </tr>
            </thead>
            <tbody>
              {halves.map((h) => (
                <tr key={h.key}>
                  <th scope="row">
                    <a href={evaluationHref(h.key, instrumentId)}>{halfLabel(t, h.key)}</a>
                  </th>
                  <td>{rateOf(h.responseRate, h.responded, h.invited, h.withheldReason)}</td>
                  <td>{rateOf(h.followUpRate, h.followedUp, h.followUpsDue, h.withheldReason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="dashboard-section">
        <div className="table-wrap" role="region" aria-labelledby="dashboard-outcome-caption" tabIndex={0}>
          <table id="dashboard-outcome" className="dashboard-table">
            <caption id="dashboard-outcome-caption">{t('dashboard.outcome.title', { instrument: instrumentName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.checkIns.half')}</th>
                <th scope="col">{t('dashboard.outcome.change')}</th>
                <th scope="col">{t('dashboard.outcome.direction')}</th>
              </tr>
            </thead>
            <tbody>
              {halves.map((h) => (
                <tr key={h.key}>
                  <th scope="row">
                    <a href={evaluationHref(h.key, instrumentId)}>{halfLabel(t, h.key)}</a>
                  </th>
                  <td>
                    {h.meanChange === null
                      ? h.nPaired === null && h.invited === 0
                        ? t('dashboard.noData')
                        : reason(h.withheldReason)
                      : h.ciLow !== null && h.ciHigh !== null
                        ? t('dashboard.outcome.changeValue', {
                            change: signed(h.meanChange),
                            low: signed(h.ciLow),
                            high: signed(h.ciHigh),
                            pairs: format.number(h.nPaired ?? 0),
                          })
                        : signed(h.meanChange)}
                  </td>
                  <td>{t(`dashboard.direction.${h.direction}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('dashboard.outcome.hint')}</p>
        <p className="hint">{t('dashboard.outcome.directionHint')}</p>
      </div>
    </>
  );
}

/** The coordinator's home: this half-year at a glance, with the way to the dashboard. */
export function DashboardHomeSummary({
  summary,
}: {
  summary: { held: number; planned: number; attendanceRate: number | null; events: number; confirmed: number };
}) {
  const { t, percent } = useFigures();
  return (
    <section className="card home-card" aria-labelledby="home-dashboard">
      <h2 id="home-dashboard">{t('dashboard.home.title')}</h2>
      <ul className="plain-list">
        <li>{t('dashboard.home.meetings', { held: summary.held, planned: summary.planned })}</li>
        <li>{t('dashboard.home.attendance', { rate: percent(summary.attendanceRate) })}</li>
        <li>{t('dashboard.home.events', { events: summary.events, confirmed: summary.confirmed })}</li>
      </ul>
      <p>
        <a className="button" href="/organization/dashboard">
          {t('dashboard.home.link')}
        </a>
      </p>
    </section>
  );
}
