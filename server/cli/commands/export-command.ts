// export: an organisation's programme evaluation for a period as CSV or XLSX, the same tables
// /evaluation exports — aggregates released by the disclosure layer, suppressed cells empty — run
// as a named person (`--as`) so the same policy decides and the audit log records the export.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { organizationInstruments } from '../../../src/features/outcomes/outcomes.queries.ts';
import { evaluationCsv, evaluationTables, evaluationXlsx } from '../../../src/features/outcomes/evaluation-tables.ts';
import { evaluationComparisons } from '../../../src/features/outcomes/evaluation.queries.ts';
import { evaluableInstruments, evaluationPeriods, periodDates, periodKey, runEvaluation } from '../../../src/features/outcomes/run-evaluation.ts';
import { ForbiddenError, NotFoundError } from '../../../src/platform/errors.ts';
import { createTranslator, supportedLocales, type Locale } from '../../../src/platform/i18n/i18n.ts';
import { actorByEmail, CommandError, commandConfig, EXIT_USAGE, organizationBySlug, withDatabase } from '../context.ts';

interface ExportOptions {
  organization: string;
  as: string;
  period: string;
  format: 'csv' | 'xlsx';
  instrument: string;
  comparison: (typeof evaluationComparisons)[number];
  lang: Locale;
  out?: string;
}

export function registerExportCommand(program: Command): void {
  const periods = evaluationPeriods().map(periodKey);
  program
    .command('export')
    .description("export an organisation's programme evaluation for a period (aggregates through the disclosure layer)")
    .requiredOption('--organization <slug>', 'the organisation')
    .requiredOption('--as <email>', 'the coordinator or admin the export is made as (audit-logged)')
    .addOption(new Option('--period <key>', 'the period').choices(periods).default('recent'))
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .option('--instrument <id>', 'the instrument evaluated', 'who-5')
    .addOption(new Option('--comparison <kind>', 'which follow-up is compared with the start').choices([...evaluationComparisons]).default('latest'))
    .addOption(new Option('--lang <locale>', 'language of the headings').choices([...supportedLocales]).default('fi'))
    .option('--out <file>', 'where to write it (default: stdout)')
    .action(async (opts: ExportOptions) => {
      await withDatabase(commandConfig(), async (database) => {
        const { db } = database;
        const organization = await organizationBySlug(db, opts.organization);
        const actor = await actorByEmail(db, opts.as, organization.id);
        const instrument = evaluableInstruments((await organizationInstruments(db, { organizationId: organization.id })).all).find((i) => i.id === opts.instrument);
        if (!instrument) throw new CommandError(`No evaluable instrument "${opts.instrument}" in ${organization.slug}.`, EXIT_USAGE);
        const period = evaluationPeriods().find((p) => periodKey(p) === opts.period)!;
        const { from, to } = periodDates(period);
        let report;
        try {
          report = await runEvaluation(actor, { db }, { organizationId: organization.id, from, to, comparison: opts.comparison, instrument }, { export: opts.format });
        } catch (error) {
          if (error instanceof ForbiddenError || error instanceof NotFoundError) throw new CommandError(`${opts.as} may not export the evaluation of ${organization.slug}.`);
          throw error;
        }
        const t = createTranslator(opts.lang);
        const tables = evaluationTables(report, { t, locale: opts.lang, instrumentName: instrument.name[opts.lang], from, to, comparison: opts.comparison });
        const body = opts.format === 'csv' ? Buffer.from(evaluationCsv(tables, opts.lang), 'utf8') : await evaluationXlsx(tables, opts.lang);
        if (opts.out) {
          await writeFile(path.resolve(opts.out), body, { mode: 0o600 });
          console.error(`Wrote the evaluation of ${organization.slug} (${instrument.id}, ${opts.period}) to ${path.resolve(opts.out)}.`);
        } else await new Promise<void>((resolve, reject) => process.stdout.write(body, (error) => (error ? reject(error) : resolve())));
      });
    });
}
