import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // bundlerTimings: Rolldown's "[PLUGIN_TIMINGS]" note on a slow machine reads like an error in
  // `npm start`'s output (issue 11); speed is measured by `npm run bench`, not by the build log.
  build: { sourcemap: false, rolldownOptions: { checks: { bundlerTimings: false } } },
  server: { hmr: false },
});
