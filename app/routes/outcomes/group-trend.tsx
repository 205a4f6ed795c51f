// /groups/:groupId/trend: the group's averages for the facilitators (and coordinators):
// by wave (baseline, every 6 months, exit) and by meeting (pulses), each only when at least
// 5 members answered and the disclosure layer released it (no difference with an earlier release may
// reveal a late answer); never individual values. Meeting feedback per meeting, without names.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/group-trend';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useFormat, useLocale, useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { authorize, groupOutcomePolicy } from '../../../src/platform/policy/index.ts';
import { findGroupResource } from '../../../src/features/groups/groups.queries.ts';
import { locateGroup } from '../../../src/features/groups/locate.ts';
import { groupFeedback, groupTrend, MIN_GROUP_N, organizationInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const groupId = uuidParam(params.groupId);
  const { db } = state.services;
  const organizationId = await locateGroup(db, actor, groupId);
  if (!organizationId) throw data(null, { status: 404 });
  const group = await findGroupResource(db, { organizationId, groupId });
  try {
    if (!group) throw data(null, { status: 404 });
    authorize(actor, group, groupOutcomePolicy.readTrend);
  } catch (error) {
    rethrowAsResponse(error);
  }
  const [trend, feedback, instruments] = await Promise.all([groupTrend(db, { organizationId, groupId }), groupFeedback(db, { organizationId, groupId }), organizationInstruments(db, { organizationId })]);
  const waves = [...new Set(trend.waves.map((w) => w.wave))].sort((a, b) => (a === 'exit' ? 1 : b === 'exit' ? -1 : a - b));
  const shown = instruments.all.filter((i) => trend.waves.some((w) => w.instrumentId === i.id));
  return {
    group: { id: group!.id, name: group!.name },
    minN: MIN_GROUP_N,
    waves,
    instruments: shown.map((i) => ({ id: i.id, name: i.name })),
    cells: trend.waves.map((w) => ({ key: `${w.instrumentId}:${w.wave}`, ...w.cell })),
    pulses: trend.pulses.filter((p) => p.instrumentId === 'life-satisfaction').map((p) => ({ meetingId: p.meetingId, startsAt: p.startsAt.toISOString(), ...p.cell })),
    feedback: feedback.map((f) => ({ ...f, startsAt: f.startsAt.toISOString() })),
  };
}

export default function GroupTrend() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const names = Object.fromEntries(page.instruments.map((i) => [i.id, i.name[locale]]));
  const cell = (c: { n: number; mean: number | null } | undefined) =>
    !c ? '–' : c.mean === null ? (c.n >= page.minN ? t('disclosure.withheldCell') : t('outcomes.trend.notEnough', { n: c.n })) : t('outcomes.trend.cell', { mean: format.number(c.mean, { maximumFractionDigits: 1 }), n: c.n });
  const waveLabel = (w: number | 'exit') => (w === 'exit' ? t('outcomes.kind.exit') : w === 0 ? t('outcomes.kind.baseline') : t('outcomes.trend.months', { months: w * 6 }));
  return (
    <div className="page">
      <title>{`${t('outcomes.trend.title')} – ${page.group.name} – Työpeili`}</title>
      <p>
        <a href={`/groups/${page.group.id}`}>{t('outcomes.trend.back')}</a>
      </p>
      <h1>{t('outcomes.trend.title')}</h1>
      <p className="lead">{page.group.name}</p>
      <p className="hint">{t('outcomes.trend.rule', { n: page.minN })}</p>
      <section>
        <h2 id="waves-title">{t('outcomes.trend.wavesTitle')}</h2>
        {page.waves.length === 0 ? (
          <p>{t('outcomes.trend.none')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="waves-title" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.trend.instrument')}</th>
                  {page.waves.map((w) => (
                    <th scope="col" key={String(w)}>
                      {waveLabel(w)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.instruments.map(({ id }) => (
                  <tr key={id}>
                    <th scope="row">{names[id]}</th>
                    {page.waves.map((w) => (
                      <td key={String(w)}>{cell(page.cells.find((c) => c.key === `${id}:${w}`))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section>
        <h2 id="pulses-title">{t('outcomes.trend.pulsesTitle')}</h2>
        {page.pulses.length === 0 ? (
          <p>{t('outcomes.trend.none')}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="pulses-title" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.trend.meeting')}</th>
                  <th scope="col">{names['life-satisfaction']}</th>
                </tr>
              </thead>
              <tbody>
                {page.pulses.map((p) => (
                  <tr key={p.meetingId}>
                    <th scope="row">{format.date(p.startsAt)}</th>
                    <td>{cell(p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="feedback-title">
        <h2 id="feedback-title">{t('outcomes.feedback.summaryTitle')}</h2>
        {page.feedback.length === 0 ? <p>{t('outcomes.feedback.none')}</p> : null}
        {page.feedback.map((f) => (
          <article className="card" key={f.meetingId} aria-labelledby={`fb-${f.meetingId}`}>
            <h3 id={`fb-${f.meetingId}`}>{format.date(f.startsAt)}</h3>
            <FeedbackSummary summary={f} minN={page.minN} />
          </article>
        ))}
      </section>
    </div>
  );
}

/** `minN` comes from the loader: importing the queries' constant here would bundle them (and node:crypto) for the browser. */
export function FeedbackSummary({ summary, minN, level = 4 }: { summary: { n: number; useful: number | null; safe: number | null; comments: string[] }; minN: number; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const t = useT();
  const format = useFormat();
  const avg = (v: number | null) => (v === null ? (summary.n >= minN ? t('disclosure.withheldCell') : t('outcomes.feedback.notEnough')) : format.number(v, { maximumFractionDigits: 1 }));
  return (
    <>
      <p>{t('outcomes.feedback.count', { n: summary.n })}</p>
      <dl>
        <dt>{t('outcomes.feedback.useful')}</dt>
        <dd>{avg(summary.useful)}</dd>
        <dt>{t('outcomes.feedback.safe')}</dt>
        <dd>{avg(summary.safe)}</dd>
      </dl>
      {summary.comments.length > 0 ? (
        <>
          <Heading>{t('outcomes.feedback.comments')}</Heading>
          <ul className="plain-list">
            {summary.comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
