// /organization/programmes/:programmeId/report.csv: the report's tables as CSV (UTF-8 with a BOM,
// semicolons, CRLF: csvDocument). The same figures as the page for the same reader.
import { data } from 'react-router';
import type { Route } from './+types/programme-report-csv';
import { contentDisposition } from '../../../src/platform/http/content-disposition.ts';
import { reportCsv } from '../../../src/features/programmes/report-tables.ts';
import { fileHeading, loadReport } from '../../lib/report.server';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const r = await loadReport(context, request, params);
  if (r.parsed.errors.length > 0) throw data(null, { status: 400 });
  return new Response(reportCsv(r.tables, fileHeading(r)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': contentDisposition(`${r.fileStem}.csv`), 'Cache-Control': 'private, no-store' },
  });
}
