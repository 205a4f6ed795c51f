// `npm start`: the whole app in one process.
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
import { demoLogins, DEMO_PASSWORD } from '../src/demo/demo-accounts.ts';
import { startApp } from './start.ts';

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
const log = createLogger(config.logLevel);
const app = await startApp({ config, log }).catch((error: unknown) => {
  console.error(`Työpeili could not start: ${error instanceof Error ? error.message : String(error ?? 'unknown error')}`);
  process.exit(1);
});

const lines = [`\nTyöpeili is running at ${app.url}`];
if (config.demoSeed && !config.databaseUrl) {
  lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const { role, email } of demoLogins) lines.push(`  ${role.padEnd(13)} ${email}`);
  if (!config.smtpUrl) lines.push(`Mail is not sent (no SMTP_URL): read it at ${app.url}/dev/mailbox`);
}
console.log(lines.join('\n') + '\n');

let signals = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    signals += 1;
    if (signals > 1) process.exit(1);
    log.info({ signal }, 'stopping');
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
