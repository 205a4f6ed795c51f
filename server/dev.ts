// `npm run dev`: the same app, with pages served through Vite's dev middleware.
import { createServer as createViteServer } from 'vite';
import type { ServerBuild } from 'react-router';
import { ConfigError, loadConfig } from '../src/platform/config.ts';
import { createLogger } from '../src/platform/logger.ts';
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
const vite = await createViteServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom' });
const app = await startApp({
  config,
  log: createLogger(config.logLevel),
  pages: {
    build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
    clientDir: 'public',
    wrap: (handler) => (req, res) => vite.middlewares(req, res, () => handler(req, res)),
  },
});
console.log(`Työpeili (development) at ${app.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([app.stop(), vite.close()]).then(() => process.exit(0));
  });
}
