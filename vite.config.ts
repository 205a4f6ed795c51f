import path from 'node:path';
import { reactRouter } from '@react-router/dev/vite';
import { defineConfig, type Plugin } from 'vite';

const catalogsModule = path.resolve('src/platform/i18n/catalogs.ts');
const clientCatalogsModule = path.resolve('src/platform/i18n/catalogs.client.ts');

/**
 * The browser gets the catalogs one language at a time: in the client build, catalogs.ts (all
 * three, for the server) is replaced by catalogs.client.ts (a dynamic import per language).
 */
function catalogsPerLanguage(): Plugin {
  return {
    name: 'tyopeili:catalogs-per-language',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.name === 'client',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/catalogs.ts') && source !== './catalogs.ts') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === catalogsModule ? clientCatalogsModule : null;
    },
  };
}

export default defineConfig({
  plugins: [catalogsPerLanguage(), reactRouter()],
  // bundlerTimings: Rolldown's "[PLUGIN_TIMINGS]" note on a slow machine reads like an error in
  // `npm start`'s output (issue 11); speed is measured by `npm run bench`, not by the build log.
  build: {
    sourcemap: false,
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // A route module imports server code for its loader; the client build resolves those imports
      // before it drops the loader, and says "node:crypto has been externalized for browser
      // compatibility" — a note that reads like an error in `npm start` (issue 11). Nothing of it
      // reaches the browser: the test setup fails if a client asset carries the browser-external stub.
      onLog(level, log, handler) {
        if (log.plugin === 'rolldown:vite-resolve' && /has been externalized for browser compatibility/.test(log.message)) return;
        handler(level, log);
      },
    },
  },
  server: { hmr: false },
});
