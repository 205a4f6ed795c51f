// `npm run db:seed`: migrates, then seeds the demo programme into an empty database.
// A database that already has organisations is left exactly as it is (exit 0).
import { count } from 'drizzle-orm';
import { demoLogins, DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { seedDemoIfEmpty } from '../src/demo/seed-demo.ts';
import { companies, entrepreneurProfiles, organizations, users } from '../src/db/schema.ts';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { createLogger } from '../src/platform/logger.ts';
import { openCommandDatabase } from './database.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
if (config.isProduction) {
  console.error('Not seeded: NODE_ENV=production. Demo accounts share a published password and skip two-step sign-in.');
  process.exit(1);
}
const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);

try {
  const database = await openCommandDatabase(config, log);
  try {
    await runMigrations(database.pool, database.db);
    const started = performance.now();
    const seeded = await seedDemoIfEmpty({ db: database.db });
    if (!seeded) {
      console.log(`Not seeded: ${database.description} already has organisations. Nothing was changed.`);
    } else {
      const n = async (table: typeof organizations | typeof users | typeof companies | typeof entrepreneurProfiles) =>
        (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `Seeded the demo into ${database.description} in ${seconds} s: ${await n(organizations)} organisations, ` +
          `${await n(users)} people, ${await n(entrepreneurProfiles)} entrepreneurs, ${await n(companies)} companies.`,
      );
      console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const { role, email } of demoLogins) console.log(`  ${role.padEnd(13)} ${email}`);
    }
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
  process.exit(1);
}
