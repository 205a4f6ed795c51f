// /organization/programmes/:programmeId/report/figure?figure=…&from=…&to=…: the people or companies
// behind one figure of the monitoring report — the lead's coordinators only (a funder gets 403), each
// opening in the audit log.
import { data, useLoaderData } from 'react-router';
import type { Route } from './+types/programme-report-figure';
import { requireActor } from '../../lib/state.server';
import { uuidParam } from '../../lib/params.server';
import { useT } from '../../lib/i18n';
import { rethrowAsResponse } from '../../ui/form';
import { utcToZoned } from '../../../src/features/meetings/zoned-time.ts';
import { loadProgramme } from '../../../src/features/programmes/programmes.queries.ts';
import { parseReportPeriod } from '../../../src/features/programmes/report-period.ts';
import { readReportFigure } from '../../../src/features/programmes/report-drill-down.ts';
import { formatDateInput } from '../../../src/platform/validation/finnish-input.ts';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { state, actor } = requireActor(context, request);
  const programmeId = uuidParam(params.programmeId);
  const url = new URL(request.url);
  const figure = (url.searchParams.get('figure') ?? '').slice(0, 80);
  const loaded = await loadProgramme(state.services.db, { programmeId });
  if (!loaded || figure === '') throw data(null, { status: 404 });
  const parsed = parseReportPeriod(url.searchParams, loaded.programme, utcToZoned(new Date()).date);
  if (parsed.errors.length > 0) throw data(null, { status: 400 });
  try {
    const list = await readReportFigure(actor, state.services, { programmeId, period: parsed.period, figure });
    return {
      id: programmeId,
      name: list.programmeName,
      kind: list.kind,
      rows: list.rows,
      back: `/organization/programmes/${programmeId}/report?from=${parsed.period.from}&to=${parsed.period.to}`,
      periodText: `${formatDateInput(parsed.period.from)}–${formatDateInput(parsed.period.to)}`,
    };
  } catch (error) {
    rethrowAsResponse(error);
  }
}

export default function ProgrammeReportFigure() {
  const t = useT();
  const page = useLoaderData<typeof loader>()!;
  return (
    <div className="page">
      <title>{`${t('programmes.report.figureTitle')} – ${page.name} – Työpeili`}</title>
      <p>
        <a href={page.back}>{t('programmes.report.backToReport')}</a>
      </p>
      <h1>{t('programmes.report.figureTitle')}</h1>
      <p>
        {page.name}, {page.periodText}
      </p>
      <p className="notice" role="note">
        {t('programmes.participants.audit')}
      </p>
      <h2>{page.kind === 'people' ? t('programmes.report.people') : t('programmes.report.companiesCount')}</h2>
      {page.rows.length === 0 ? (
        <p>{t('programmes.report.none')}</p>
      ) : (
        <ul>
          {page.rows.map((r) => (
            <li key={r.id}>{r.name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
