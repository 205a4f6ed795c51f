// /evaluation/export.csv: the tables of /evaluation as CSV (format: see evaluation-tables.ts).
// Aggregates only; suppressed cells empty. Audit-logged by the use case.
import type { Route } from './+types/evaluation-export-csv';
import { loadEvaluation } from '../../lib/evaluation.server';
import { evaluationCsv } from '../../../src/features/outcomes/evaluation-tables.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const page = await loadEvaluation(context, request, 'csv');
  return new Response(evaluationCsv(page.tables, page.locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${page.fileName}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
