// /evaluation/export.xlsx: the tables of /evaluation as an Excel workbook, one sheet per table.
// Aggregates only; suppressed cells empty. Audit-logged by the use case.
import type { Route } from './+types/evaluation-export-xlsx';
import { loadEvaluation } from '../../lib/evaluation.server';
import { evaluationXlsx } from '../../../src/features/outcomes/evaluation-tables.ts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const page = await loadEvaluation(context, request, 'xlsx');
  const body = await evaluationXlsx(page.tables, page.locale);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${page.fileName}.xlsx"`,
      'Cache-Control': 'no-store',
    },
  });
}
