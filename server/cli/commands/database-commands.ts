// migrate and seed: the database's shape and the demo programme.
import { count } from 'drizzle-orm';
import type { Command } from 'commander';
import { companies, entrepreneurProfiles, organizations, users } from '../../../src/db/schema.ts';
import { demoLogins, DEMO_PASSWORD } from '../../../src/demo/demo-accounts.ts';
import { seedDemoIfEmpty } from '../../../src/demo/seed-demo.ts';
import { runMigrations } from '../../../src/platform/db/migrate.ts';
import { CommandError, commandConfig, EXIT_USAGE, withDatabase } from '../context.ts';

export function registerDatabaseCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply the migrations in db/migrations (every start migrates too; this is for deploy pipelines)')
    .action(async () => {
      await withDatabase(commandConfig(), async (database) => {
        await runMigrations(database.pool, database.db);
        console.log(`Migrations are up to date in ${database.description}.`);
      });
    });

  program
    .command('seed')
    .description('migrate, then seed the demo programme into an empty database (a database with organisations is left as it is)')
    .action(async () => {
      const config = commandConfig();
      if (config.isProduction) throw new CommandError('Not seeded: NODE_ENV=production. Demo accounts share a published password and skip two-step sign-in.', EXIT_USAGE);
      await withDatabase(config, async (database) => {
        await runMigrations(database.pool, database.db);
        const started = performance.now();
        const seeded = await seedDemoIfEmpty({ db: database.db });
        if (!seeded) {
          console.log(`Not seeded: ${database.description} already has organisations. Nothing was changed.`);
          return;
        }
        const n = async (table: typeof organizations | typeof users | typeof companies | typeof entrepreneurProfiles) =>
          (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Seeded the demo into ${database.description} in ${seconds} s: ${await n(organizations)} organisations, ` +
            `${await n(users)} people, ${await n(entrepreneurProfiles)} entrepreneurs, ${await n(companies)} companies.`,
        );
        console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
        for (const { role, email } of demoLogins) console.log(`  ${role.padEnd(13)} ${email}`);
      });
    });
}
