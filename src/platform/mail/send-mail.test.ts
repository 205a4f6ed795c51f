// Mail through a real SMTP server (in-process): sent after commit, never after
// rollback, exactly once with two workers, in the recipient's language.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { loadConfig } from '../config.ts';
import { createJobs, type Jobs } from '../jobs/jobs.ts';
import { createLogger } from '../logger.ts';
import type { Services } from '../services.ts';
import { enqueueMail } from './mail.ts';
import { createMailHandler } from './send-mail.ts';
import { devMailbox } from './mail.schema.ts';

interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
}

let database: TestDatabase;
let smtp: SMTPServer;
let smtpPort = 0;
const received: Received[] = [];
const workers: Jobs[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as { port: number }).port;
});

afterAll(async () => {
  for (const w of workers) await w.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database?.drop();
});

async function startWorker(smtpUrl: string | undefined): Promise<Services> {
  const log = createLogger('silent');
  const config = loadConfig({ NODE_ENV: 'test', ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}), MAIL_FROM: 'Työpeili <noreply@tyopeili.test>' });
  const jobs = await createJobs(database.url, log);
  workers.push(jobs);
  const services = { config, pool: database.pool, db: database.db, log, jobs } satisfies Services;
  await jobs.work([createMailHandler(services) as never]);
  return services;
}

async function waitFor(predicate: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

describe('mail over SMTP', () => {
  it('sends after commit, in the recipient language, with text and HTML', async () => {
    const services = await startWorker(`smtp://127.0.0.1:${smtpPort}`);
    await services.db.transaction(async (tx) => {
      await enqueueMail(tx, services.jobs, { to: 'tuula@example.fi', locale: 'sv', template: 'signInCode', values: { code: '123456', minutes: 10, name: 'Tuula' } });
    });
    await waitFor(() => received.some((m) => m.to === 'tuula@example.fi'));
    const mail = received.find((m) => m.to === 'tuula@example.fi')!;
    expect(mail.subject).toBe('Din inloggningskod till Työpeili: 123456');
    expect(mail.text).toContain('din inloggningskod till Työpeili är 123456');
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.html).toContain('123456');
  });

  it('never sends for a rolled-back change', async () => {
    const services = await startWorker(`smtp://127.0.0.1:${smtpPort}`);
    await expect(
      services.db.transaction(async (tx) => {
        await enqueueMail(tx, services.jobs, { to: 'rollback@example.fi', locale: 'fi', template: 'signInCode', values: { code: '654321', minutes: 10, name: 'X' } });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    // A committed mail sent after it arrives; the rolled-back one never does.
    await services.db.transaction((tx) => enqueueMail(tx, services.jobs, { to: 'after-rollback@example.fi', locale: 'fi', template: 'signInCode', values: { code: '111111', minutes: 10, name: 'Y' } }));
    await waitFor(() => received.some((m) => m.to === 'after-rollback@example.fi'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(received.filter((m) => m.to === 'rollback@example.fi')).toEqual([]);
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'to' = 'rollback@example.fi'");
    expect(rows[0].n).toBe(0);
  });

  it('sends each of 20 mails exactly once with two workers', async () => {
    const a = await startWorker(`smtp://127.0.0.1:${smtpPort}`);
    await startWorker(`smtp://127.0.0.1:${smtpPort}`);
    for (let i = 0; i < 20; i++) {
      await a.db.transaction((tx) => enqueueMail(tx, a.jobs, { to: `many-${i}@example.fi`, locale: 'en', template: 'signInCode', values: { code: String(100000 + i), minutes: 10, name: 'Z' } }));
    }
    await waitFor(() => received.filter((m) => m.to.startsWith('many-')).length >= 20, 30_000);
    await new Promise((r) => setTimeout(r, 2000));
    const counts = new Map<string, number>();
    for (const m of received.filter((m) => m.to.startsWith('many-'))) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);
});

describe('without SMTP_URL', () => {
  it('keeps the mail for the dev mailbox', async () => {
    const services = await startWorker(undefined);
    // Stop the SMTP-configured workers from taking this one.
    for (const w of workers.slice(0, -1)) await w.stop();
    workers.splice(0, workers.length - 1);
    await services.db.transaction((tx) => enqueueMail(tx, services.jobs, { to: 'kept@example.fi', locale: 'fi', template: 'passwordReset', values: { name: 'Aino', url: 'https://tyopeili.example/reset-password/abc', minutes: 60 } }));
    await waitFor(async () => (await database.db.select().from(devMailbox)).some((m) => m.to === 'kept@example.fi'));
    const [kept] = (await database.db.select().from(devMailbox)).filter((m) => m.to === 'kept@example.fi');
    expect(kept!.subject).toBe('Uuden salasanan asettaminen Työpeiliin');
    expect(kept!.html).toContain('<a href="https://tyopeili.example/reset-password/abc">');
    expect(received.some((m) => m.to === 'kept@example.fi')).toBe(false);
  });
});
