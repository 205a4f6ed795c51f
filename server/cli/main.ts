// `npm run cli -- <command>`: the administrator's command line. Every command explains itself
// (`--help`), prints its errors on stderr without a stack trace, and exits non-zero on failure
// (1: the work failed; 2: the command line or configuration is wrong).
import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './commands/admin-commands.ts';
import { registerBackupCommands } from './commands/backup-commands.ts';
import { registerDatabaseCommands } from './commands/database-commands.ts';
import { registerExportCommand } from './commands/export-command.ts';
import { registerImportCommand } from './commands/import-command.ts';
import { CommandError, EXIT_FAILED, EXIT_USAGE } from './context.ts';

export function buildProgram(): Command {
  const program = new Command('tyopeili')
    .description('Työpeili administration: the database, backups, administrators, imports and exports')
    .showHelpAfterError('(add --help for the options)')
    .exitOverride();
  registerDatabaseCommands(program);
  registerAdminCommands(program);
  registerBackupCommands(program);
  registerExportCommand(program);
  registerImportCommand(program);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(add --help for the options)');
  return program;
}

let code = 0;
try {
  await buildProgram().parseAsync(process.argv);
  code = typeof process.exitCode === 'number' ? process.exitCode : 0;
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version end here with code 0; a wrong command line with 1, made 2.
    code = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else if (error instanceof CommandError) {
    console.error(error.message);
    code = error.exitCode;
  } else {
    console.error(`Failed: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
    code = EXIT_FAILED;
  }
}
// Explicitly: the embedded PostgreSQL's exit hook would otherwise end the process with 0. Output
// written with a callback (the exports) has been flushed by now.
process.exit(code);
