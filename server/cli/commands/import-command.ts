// import: participants or companies from a CSV or XLSX file. A dry run by default: every row's
// errors in the chosen language (Finnish by default), nothing written. `--commit` writes the rows
// in one transaction — all of them, or none while any row has errors unless `--skip-invalid` —
// matching people by e-mail and companies by Y-tunnus, so a second run changes nothing.
// `--invite` mails the people who were added to the organisation.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { commitImport, type ImportCounts } from '../../../src/features/imports/commit-import.ts';
import { checkImport, importFields, importKinds, mapColumns, type ImportCheck, type ImportField, type ImportKind } from '../../../src/features/imports/import-rows.ts';
import { importEncodings, readTable, UnreadableFileError, type ImportEncoding } from '../../../src/features/imports/read-table.ts';
import { createJobs } from '../../../src/platform/jobs/jobs.ts';
import { ForbiddenError, NotFoundError } from '../../../src/platform/errors.ts';
import { supportedLocales, translate, type Locale } from '../../../src/platform/i18n/i18n.ts';
import { actorByEmail, CommandError, commandConfig, EXIT_FAILED, EXIT_USAGE, organizationBySlug, progress, withDatabase } from '../context.ts';

interface ImportOptions {
  organization: string;
  as: string;
  kind: ImportKind;
  map: string[];
  encoding?: ImportEncoding;
  commit?: boolean;
  skipInvalid?: boolean;
  invite?: boolean;
  lang: Locale;
}

function parseMap(pairs: readonly string[]): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = pair.slice(0, eq) as ImportField;
    if (eq < 1 || !importFields.includes(field)) throw new CommandError(`--map takes FIELD=Header with FIELD one of ${importFields.join(', ')}; got "${pair}".`, EXIT_USAGE);
    out[field] = pair.slice(eq + 1);
  }
  return out;
}

/** The dry run's lines: one per error, as a coordinator reads them. */
export function describeCheck(check: ImportCheck, unknownHeaders: readonly string[], lang: Locale): string[] {
  const lines = unknownHeaders.map((value) => translate(lang, 'import.error.unknownHeader', { value }));
  for (const field of check.missingColumns) lines.push(translate(lang, 'import.error.missingColumn', { field: translate(lang, `import.field.${field}`) }));
  for (const e of check.errors) {
    const message = translate(lang, `import.error.${e.code}`, { value: e.value, otherLine: e.otherLine ?? '' });
    lines.push(translate(lang, 'import.error.line', { line: e.line, field: translate(lang, `import.field.${e.field}`), message }));
  }
  return lines;
}

function summary(counts: ImportCounts, lang: Locale): string {
  return translate(lang, 'import.summary.committed', {
    companiesCreated: counts.companies.created,
    companiesCompleted: counts.companies.completed,
    peopleCreated: counts.people.created,
    peopleJoined: counts.people.joined,
    peopleCompleted: counts.people.completed,
    unchanged: counts.companies.unchanged + counts.people.unchanged,
    invited: counts.invited,
  });
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('import participants or companies from a CSV (; or ,  UTF-8 or Windows-1252) or XLSX file; a dry run unless --commit')
    .argument('<file>', 'the CSV or XLSX file')
    .requiredOption('--organization <slug>', 'the organisation')
    .requiredOption('--as <email>', 'the coordinator or admin the import is made as (audit-logged)')
    .addOption(new Option('--kind <kind>', 'what the rows are').choices([...importKinds]).default('participants'))
    .option('--map <field=Header...>', `map a field to a column when its header is not recognised (fields: ${importFields.join(', ')})`, [])
    .addOption(new Option('--encoding <encoding>', 'the CSV encoding (default: detected from the BOM and UTF-8 validity)').choices([...importEncodings]))
    .option('--commit', 'write the rows (otherwise a dry run)')
    .option('--skip-invalid', 'with --commit: write the valid rows even when others have errors')
    .option('--invite', 'with --commit: mail the people added to the organisation how to sign in')
    .addOption(new Option('--lang <locale>', 'language of the messages').choices([...supportedLocales]).default('fi'))
    .action(async (file: string, opts: ImportOptions) => {
      const overrides = parseMap(opts.map);
      let bytes: Buffer;
      try {
        bytes = await readFile(path.resolve(file));
      } catch {
        throw new CommandError(`Cannot read ${file}.`, EXIT_USAGE);
      }
      let table;
      try {
        table = await readTable(bytes, { encoding: opts.encoding });
      } catch (error) {
        if (error instanceof UnreadableFileError) throw new CommandError(translate(opts.lang, `import.error.file.${error.reason}`));
        throw error;
      }
      const { mapping, unknownHeaders } = mapColumns(opts.kind, table.headers, overrides);
      const check = checkImport(opts.kind, table, mapping);
      const read = table.format === 'xlsx' ? 'XLSX' : `CSV, ${table.encoding}, "${table.delimiter === '\t' ? '\\t' : table.delimiter}"`;
      const mapped = Object.entries(mapping).map(([field, i]) => `${field}=${table.headers[i]}`).join(', ');
      console.error(`${path.basename(file)} (${read}): ${mapped || 'no columns recognised'}`);
      for (const line of describeCheck(check, unknownHeaders, opts.lang)) console.log(line);
      const invalid = check.total - check.rows.length;
      if (!opts.commit || check.missingColumns.length || unknownHeaders.length) {
        console.log(translate(opts.lang, 'import.summary.dryRun', { total: check.total, valid: check.rows.length, invalid }));
        if (check.missingColumns.length || unknownHeaders.length) process.exitCode = EXIT_FAILED;
        else if (invalid > 0) process.exitCode = EXIT_FAILED;
        return;
      }
      if (invalid > 0 && !opts.skipInvalid) throw new CommandError(`Nothing imported: ${invalid} row(s) have errors. Fix them, or add --skip-invalid to import the ${check.rows.length} valid row(s).`);
      const config = commandConfig();
      await withDatabase(config, async (database, log) => {
        const organization = await organizationBySlug(database.db, opts.organization);
        const actor = await actorByEmail(database.db, opts.as, organization.id);
        const jobs = await createJobs(database.url, log);
        const bar = progress('Importing', check.rows.length);
        try {
          const counts = await commitImport(actor, { db: database.db, jobs, config }, { organizationId: organization.id, check, invite: opts.invite === true, source: path.basename(file) }, { onProgress: bar.tick });
          bar.end();
          console.log(summary(counts, opts.lang));
        } catch (error) {
          if (error instanceof ForbiddenError || error instanceof NotFoundError) throw new CommandError(`${opts.as} may not import into ${organization.slug}.`);
          throw error;
        } finally {
          await jobs.stop();
        }
      });
    });
}
