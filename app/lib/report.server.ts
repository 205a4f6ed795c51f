// The monitoring report named in a URL, for the page and its files: the programme loaded and
// authorised (reportPolicy.view: 403/404 otherwise), the period parsed, the figures computed and
// shown exactly to the lead's staff or through the disclosure layer to a funder (ADR 036).
import type { RouterContextProvider } from 'react-router';
import { requireActor } from './state.server';
import { loadProgrammeFor } from './programmes.server';
import { can, reportPolicy } from '../../src/platform/policy/index.ts';
import { createTranslator, type Locale, type Translate } from '../../src/platform/i18n/i18n.ts';
import { utcToZoned } from '../../src/features/meetings/zoned-time.ts';
import { computeReport } from '../../src/features/programmes/report.ts';
import { exactReportView, releasedReportView, type ReportView } from '../../src/features/programmes/report-view.ts';
import { parseReportPeriod, type ParsedReportPeriod } from '../../src/features/programmes/report-period.ts';
import { reportTables, type ReportTable } from '../../src/features/programmes/report-tables.ts';
import type { Programme } from '../../src/features/programmes/programmes.queries.ts';
import { formatDateInput } from '../../src/platform/validation/finnish-input.ts';

export interface LoadedReport {
  programme: Programme;
  leadOrganizationName: string;
  parsed: ParsedReportPeriod;
  view: ReportView;
  tables: ReportTable[];
  canDrillDown: boolean;
  locale: Locale;
  t: Translate;
  periodText: string;
  /** A file name without the extension: "seurantaraportti-S21888-2026-01-01-2026-06-30". */
  fileStem: string;
}

export async function loadReport(context: Readonly<RouterContextProvider>, request: Request, params: { programmeId?: string }): Promise<LoadedReport> {
  const { state, actor } = requireActor(context, request);
  const loaded = await loadProgrammeFor(state.services, actor, params.programmeId, reportPolicy.view);
  const { programme } = loaded;
  const allowed = can(reportPolicy, actor, loaded.resource);
  const parsed = parseReportPeriod(new URL(request.url).searchParams, programme, utcToZoned(new Date()).date);
  const report = await computeReport(state.services.db, programme, parsed.period);
  const view = allowed.viewExact ? exactReportView(report) : await releasedReportView(state.services.db, report);
  const t = createTranslator(state.locale);
  const slug = (programme.projectCode || programme.name).normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'ohjelma';
  return {
    programme,
    leadOrganizationName: loaded.leadOrganizationName,
    parsed,
    view,
    tables: reportTables(view, t, state.locale),
    canDrillDown: allowed.viewExact && allowed.drillDown,
    locale: state.locale,
    t,
    periodText: `${formatDateInput(parsed.period.from)}–${formatDateInput(parsed.period.to)}`,
    fileStem: `${t('programmes.report.fileName')}-${slug}-${parsed.period.from}-${parsed.period.to}`,
  };
}

/** The lines above the tables in the CSV and XLSX: the programme, its code, the funder, the period, the EU statement. */
export function fileHeading(r: LoadedReport): string[] {
  const { t, programme } = r;
  return [
    `${t('programmes.report.title')}: ${programme.name}`,
    ...(programme.projectCode ? [`${t('programmes.form.projectCode')}: ${programme.projectCode}`] : []),
    `${t('programmes.form.funder')}: ${programme.funder || '–'}`,
    `${t('programmes.report.period')}: ${r.periodText}`,
    t('programmes.report.euFunding'),
  ];
}
