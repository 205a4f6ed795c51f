// The real app, in-process, on its own test database and a free port on 127.0.0.1.
import { startApp, type RunningApp } from '../../server/start.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp extends RunningApp {
  database: TestDatabase;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO_SEED: 'off', ...env });
  const app = await startApp({ config, log: createLogger(config.logLevel), databaseUrl: database.url, seedDemo: false, runWorker: true });
  return {
    ...app,
    database,
    async close() {
      await app.stop();
      await database.drop();
    },
  };
}
