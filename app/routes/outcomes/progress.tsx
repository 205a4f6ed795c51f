// /progress: the entrepreneur's own scores over time (an SVG chart with a table beside it),
// steps done, and a plain reading; a WHO-5 score at or under 50 shows a kind note with where
// to get help. Nobody but the person sees this page's values.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/progress';
import { requireActor } from '../../lib/state.server';
import { ownOutcomes } from '../../lib/outcomes.server';
import { useFormat, useLocale, useT } from '../../lib/i18n';
import { consentActive, countDoneSteps, findConsent, listOwnScores, organizationInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';
import { chartPoints, readProgress, who5Series, xLabelIndices } from '../../../src/features/outcomes/progress.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const scope = ownOutcomes(actor);
  const { db } = state.services;
  const [scores, steps, consent, instruments] = await Promise.all([
    listOwnScores(db, scope),
    countDoneSteps(db, scope),
    findConsent(db, scope),
    organizationInstruments(db, scope),
  ]);
  const { reading, low } = readProgress(scores);
  // One table row per check-in (by submission), one column per instrument.
  const rows = new Map<string, { submittedAt: string; kind: string; scores: Record<string, number> }>();
  for (const s of scores) {
    const key = s.submittedAt.toISOString() + s.kind;
    const row = rows.get(key) ?? { submittedAt: s.submittedAt.toISOString(), kind: s.kind, scores: {} };
    row.scores[s.instrumentId] = s.score;
    rows.set(key, row);
  }
  const instrumentIds = [...new Set(scores.map((s) => s.instrumentId))];
  return {
    consent: consentActive(consent),
    steps,
    reading,
    low,
    who5: who5Series(scores).map((p) => ({ score: p.score, submittedAt: p.submittedAt.toISOString() })),
    table: [...rows.values()],
    instruments: instruments.all.filter((i) => instrumentIds.includes(i.id)).map((i) => ({ id: i.id, name: i.name })),
  };
}

const box = { width: 320, height: 200, left: 36, right: 24, top: 12, bottom: 28 };

type Anchor = 'start' | 'middle' | 'end';
/** The first date label starts at its point, the last ends at its point, others are centred. */
const anchorOf = (i: number, count: number): Anchor => (count > 1 && i === 0 ? 'start' : count > 1 && i === count - 1 ? 'end' : 'middle');

/**
 * The dated x-axis labels that fit side by side (issue 11: on a phone "13.5.202511.11.2025" ran
 * together): the first and the last always, the ones between only where they keep a gap from both
 * neighbours. Widths are estimated for the 11 px label font (about 0.6 em a character).
 */
function spacedLabels(xs: number[], texts: string[], candidates: number[], gap = 8): number[] {
  if (candidates.length <= 1) return candidates;
  const extent = (i: number): [number, number] => {
    const w = texts[i]!.length * 6.6;
    const anchor = anchorOf(i, xs.length);
    return anchor === 'start' ? [xs[i]!, xs[i]! + w] : anchor === 'end' ? [xs[i]! - w, xs[i]!] : [xs[i]! - w / 2, xs[i]! + w / 2];
  };
  const last = candidates[candidates.length - 1]!;
  const kept = [candidates[0]!];
  for (const i of candidates.slice(1, -1)) {
    const [from, to] = extent(i);
    if (from >= extent(kept[kept.length - 1]!)[1] + gap && to + gap <= extent(last)[0]) kept.push(i);
  }
  return [...kept, last];
}

export default function Progress() {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const page = useLoaderData<typeof loader>();
  const points = chartPoints(
    page.who5.map((p) => p.score),
    box,
  );
  const dates = page.who5.map((p) => format.date(p.submittedAt, 'short'));
  const names = Object.fromEntries(page.instruments.map((i) => [i.id, i.name[locale]]));
  const r = page.reading;
  const readingText =
    r.kind === 'none'
      ? t('outcomes.progress.readingNone')
      : r.kind === 'first'
        ? t('outcomes.progress.readingFirst', { score: r.score })
        : t(`outcomes.progress.reading.${r.kind}`, { points: r.points, from: r.from, to: r.to });
  return (
    <div className="page">
      <title>{`${t('outcomes.progress.title')} – Työpeili`}</title>
      <h1>{t('outcomes.progress.title')}</h1>
      <p className="lead">{readingText}</p>
      {page.low ? (
        <div className="notice" role="note" aria-labelledby="help-title">
          <h2 id="help-title">{t('outcomes.progress.help.title')}</h2>
          <p>{t('outcomes.progress.help.text')}</p>
          <ul className="plain-list">
            <li>{t('outcomes.progress.help.occupational')}</li>
            <li>{t('outcomes.progress.help.healthCentre')}</li>
            <li>
              {t('outcomes.progress.help.crisisLine')} <a href="tel:+358925250111">09 2525 0111</a>
            </li>
            <li>
              {t('outcomes.progress.help.emergency')} <a href="tel:112">112</a>
            </li>
          </ul>
        </div>
      ) : null}
      <p>{t('outcomes.progress.steps', { done: page.steps.done, all: page.steps.all })}</p>
      {page.who5.length > 0 ? (
        <section aria-labelledby="chart-title">
          <h2 id="chart-title">{t('outcomes.progress.chartTitle')}</h2>
          <svg
            className="progress-chart"
            viewBox={`0 0 ${box.width} ${box.height}`}
            role="img"
            aria-labelledby="chart-svg-title chart-svg-desc"
            focusable="false"
          >
            <title id="chart-svg-title">{t('outcomes.progress.chartTitle')}</title>
            <desc id="chart-svg-desc">{page.who5.map((p) => `${format.date(p.submittedAt)}: ${p.score}`).join('; ')}</desc>
            {[0, 50, 100].map((v) => {
              const y = chartPoints([v], box)[0]!.y;
              return (
                <g key={v}>
                  <line x1={box.left} x2={box.width - box.right} y1={y} y2={y} className="progress-chart__grid" />
                  <text x={box.left - 6} y={y + 4} textAnchor="end" className="progress-chart__label">
                    {v}
                  </text>
                </g>
              );
            })}
            <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} className="progress-chart__line" />
            {points.map((p, i) => (
              <circle key={i} cx={p.x} cy={p.y} r={4} className="progress-chart__point" />
            ))}
            {spacedLabels(
              points.map((p) => p.x),
              dates,
              xLabelIndices(points.length),
            ).map((i) => (
              <text
                key={`x${i}`}
                x={points[i]!.x}
                y={box.height - 8}
                textAnchor={anchorOf(i, points.length)}
                className="progress-chart__label progress-chart__date"
              >
                {dates[i]}
              </text>
            ))}
          </svg>
          <p className="hint">{t('outcomes.progress.chartHint')}</p>
        </section>
      ) : null}
      {page.table.length > 0 ? (
        <section>
          <h2 id="table-title">{t('outcomes.progress.tableTitle')}</h2>
          <div className="table-wrap" role="region" aria-labelledby="table-title" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('outcomes.progress.when')}</th>
                  {page.instruments.map(({ id }) => (
                    <th scope="col" key={id}>
                      {names[id]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.table.map((row) => (
                  <tr key={row.submittedAt + row.kind}>
                    <th scope="row">
                      {format.date(row.submittedAt, 'short')}
                      <br />
                      <span className="muted">{t(`outcomes.kind.${row.kind as 'full'}`)}</span>
                    </th>
                    {page.instruments.map(({ id }) => (
                      <td key={id}>{row.scores[id] === undefined ? '–' : format.number(row.scores[id]!, { maximumFractionDigits: 1 })}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <p className="hint">{t('outcomes.progress.privacy')}</p>
      <p>
        <a href="/check-in">{t('outcomes.progress.checkInLink')}</a> · <a href="/profile/measurement">{t('outcomes.progress.consentLink')}</a>
      </p>
    </div>
  );
}
