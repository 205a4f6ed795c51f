// Point 1 of issue 10: nothing publishes a figure about people without the disclosure layer.
// (a) The type checker: renderers and exporters accept only `Released<…>`, and the publishing data
//     functions return it (checked by `npm run typecheck`: the @ts-expect-error lines fail it if a raw
//     aggregate ever becomes acceptable).
// (b) The route modules (app/) and the API import no function that computes raw aggregates about people.
// (c) Only release.ts makes a Released value.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Locale, Translate } from '../../platform/i18n/i18n.ts';
import type { EvaluationReport } from './evaluation.ts';
import { evaluationCsv, evaluationTables, evaluationXlsx, type EvaluationTable } from './evaluation-tables.ts';
import { groupFeedback, groupTrend, type FeedbackSummary, type GroupTrend } from './outcomes.queries.ts';
import { runEvaluation } from './run-evaluation.ts';
import type { Released } from '../../platform/disclosure/release.ts';

const root = path.resolve(import.meta.dirname, '../../..');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Modules that compute aggregates about people from rows: nothing in app/ or the API may call them. */
const rawAggregateModules = [
  'src/features/outcomes/statistics.ts',
  'src/features/outcomes/suppression.ts',
  'src/features/outcomes/evaluation.ts',
  'src/features/outcomes/evaluation.queries.ts',
];
/** Exports of those modules that are not figures (constants, labels, types). */
const notFigures = new Set([
  'evaluationComparisons',
  'breakdownDimensions',
  'ageBands',
  'UNKNOWN',
  'EVALUATION_MIN_N',
  'P_FLOOR',
  'ageBandOf',
  'scoreRange',
  'meanStep',
  'minSpanOf',
  'scoreDomain',
]);

function exportedFunctions(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)].map((m) => m[1]!).filter((n) => !notFigures.has(n));
}

function importsFrom(text: string): { names: string[]; from: string }[] {
  return [...text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/g)]
    .filter((m) => !m[1])
    .map((m) => ({
      names: m[2]!
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0]!),
      from: m[3]!,
    }));
}

describe('the disclosure layer is the only way out', () => {
  it('the publishing functions return Released values, and renderers and exporters take only those', () => {
    expectTypeOf(runEvaluation).returns.resolves.toEqualTypeOf<Released<EvaluationReport>>();
    expectTypeOf(groupTrend).returns.resolves.toEqualTypeOf<Released<GroupTrend>>();
    expectTypeOf(groupFeedback).returns.resolves.toEqualTypeOf<Released<FeedbackSummary[]>>();
    expectTypeOf(evaluationTables).parameter(0).toEqualTypeOf<Released<EvaluationReport>>();
    expectTypeOf(evaluationCsv).parameter(0).toEqualTypeOf<Released<readonly EvaluationTable[]>>();
    expectTypeOf(evaluationXlsx).parameter(0).toEqualTypeOf<Released<readonly EvaluationTable[]>>();
    // Never called: only for the type checker.
    const rejected = (raw: EvaluationReport, tables: EvaluationTable[], t: Translate, locale: Locale) => {
      const ctx = { t, locale, instrumentName: '', from: '', to: '', comparison: 'latest' as const };
      // @ts-expect-error a report that did not go through the layer cannot be turned into tables
      evaluationTables(raw, ctx);
      // @ts-expect-error nor can tables be exported that the layer did not release
      evaluationCsv(tables, locale);
      // @ts-expect-error nor as a workbook
      void evaluationXlsx(tables, locale);
    };
    expect(typeof rejected).toBe('function');
  });

  it('no route module, server helper or API module imports a function that computes raw aggregates', () => {
    const forbidden = new Map(rawAggregateModules.map((m) => [path.basename(m), new Set(exportedFunctions(m))]));
    expect(forbidden.get('statistics.ts')!.has('pairedAnalysis')).toBe(true);
    expect(forbidden.get('evaluation.queries.ts')!.has('evaluationRows')).toBe(true);
    const offenders: string[] = [];
    const modules = [...files(path.join(root, 'app')), ...files(path.join(root, 'src/platform/api'))];
    expect(modules.length).toBeGreaterThan(50);
    for (const file of modules) {
      for (const imp of importsFrom(readFileSync(file, 'utf8'))) {
        const names = forbidden.get(path.basename(imp.from));
        if (!names) continue;
        for (const n of imp.names) if (names.has(n)) offenders.push(`${path.relative(root, file)}: ${n}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only release.ts makes a Released value', () => {
    const casts = [...files(path.join(root, 'src')), ...files(path.join(root, 'app'))]
      .filter((f) => /as Released</.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(casts).toEqual(['src/platform/disclosure/release.ts']);
  });
});
