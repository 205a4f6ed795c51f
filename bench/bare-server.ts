// The baseline: a bare Hono handler returning a small HTML page, nothing else.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
const page = '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Työpeili</title></head><body><main><h1>Työpeili</h1><p>Vertaisryhmä yrittäjälle.</p></main></body></html>';
app.get('/', (c) => c.html(page));
const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => console.log(`listening ${info.port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
