// What every command shares: the configuration (validated, one clear line when wrong), the
// database, the person a command acts as (the same policies as the pages decide, and the same audit
// log records it), and the way a command fails: a message on stderr and a non-zero exit code.
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import { loadActor } from '../../src/features/accounts/sessions.ts';
import { findUserByEmail } from '../../src/features/accounts/sign-in.ts';
import { organizations } from '../../src/features/organizations/organizations.schema.ts';
import type { Actor } from '../../src/platform/auth/actor.ts';
import { ConfigError, loadConfig, type Config } from '../../src/platform/config.ts';
import type { Tx } from '../../src/platform/db/db.ts';
import { createLogger, type Logger } from '../../src/platform/logger.ts';
import { openCommandDatabase, type CommandDatabase } from './database.ts';

/** Exit codes: 1 the work failed, 2 the command line or configuration is wrong (as BSD sysexits' spirit, kept to two). */
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure the command explains itself: printed without a stack trace. */
export class CommandError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_FAILED) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function commandConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CommandError(error.message, EXIT_USAGE);
    throw error;
  }
}

export function commandLogger(config: Config): Logger {
  return createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
}

/** Runs `work` with the database open and closes it whatever happens. */
export async function withDatabase<T>(config: Config, work: (database: CommandDatabase, log: Logger) => Promise<T>): Promise<T> {
  const log = commandLogger(config);
  const database = await openCommandDatabase(config, log);
  try {
    return await work(database, log);
  } finally {
    await database.close();
  }
}

export async function organizationBySlug(db: Tx, slug: string): Promise<{ id: string; name: string; slug: string }> {
  const [row] = await db.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.slug, slug)).limit(1);
  if (!row) throw new CommandError(`No organisation with the slug "${slug}".`, EXIT_USAGE);
  return row;
}

/**
 * The person a command acts as, working in `organizationId`: built the way a signed-in request
 * builds it (loadActor), so the pages' policies decide and the audit log names this person.
 */
export async function actorByEmail(db: Tx, email: string, organizationId: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new CommandError(`No account with the e-mail ${email}.`, EXIT_USAGE);
  const actor = await loadActor(db, { id: 'cli', userId: user.id, secondFactorDone: true, activeOrganizationId: organizationId, expiresAt: new Date(Date.now() + 3_600_000) });
  if (!actor) throw new CommandError(`No account with the e-mail ${email}.`, EXIT_USAGE);
  return actor;
}

/** A line from stdin: piped (tests, scripts) or typed at a terminal without echo. */
export async function readSecret(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of input) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  const rl = createInterface({ input, terminal: true });
  // Typed characters are not echoed: readline writes through _writeToOutput, silenced here.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const line = await new Promise<string>((resolve) => rl.once('line', resolve));
  rl.close();
  process.stderr.write('\n');
  return line;
}

/** A progress line on stderr: a bar on a terminal, a line every tenth of the way otherwise. */
export function progress(label: string, total: number): { tick(done: number): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  let lastDecile = -1;
  const draw = (done: number) => {
    const share = total > 0 ? Math.min(1, done / total) : 1;
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    } else {
      const decile = Math.floor(share * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label}: ${done}/${total} (${decile * 10} %)\n`);
      }
    }
  };
  return {
    tick: draw,
    end() {
      draw(total);
      if (tty) process.stderr.write('\n');
    },
  };
}
