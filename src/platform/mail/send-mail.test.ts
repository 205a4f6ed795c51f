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
import { enqueueMail, type MailRequest } from './mail.ts';
import { createMailHandler } from './send-mail.ts';
import { devMailbox, sentMail } from './mail.schema.ts';
import { eq } from 'drizzle-orm';

interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The raw header lines as received. */
  headerLines: string[];
}

interface TestSmtp {
  url: string;
  received: Received[];
  /** While true, every recipient is refused with a temporary error. */
  refuse: boolean;
  close(): Promise<void>;
}

async function startSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = { url: '', received: [], refuse: false, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refuse || _address.address.startsWith('bounce-')) {
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        callback(error);
      } else callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          state.received.push({ to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '', subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '', headerLines: mail.headerLines.map((h) => h.line) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

let database: TestDatabase;
let smtp: TestSmtp;
const workers: Jobs[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtp();
});

afterAll(async () => {
  for (const w of workers) await w.stop();
  await smtp?.close();
  await database?.drop();
});

function configWith(smtpUrl: string | undefined) {
  return loadConfig({ NODE_ENV: 'test', ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}), MAIL_FROM: 'Työpeili <noreply@tyopeili.test>' });
}

/** A worker as the app runs it: its own pg-boss instance working the mail queue. */
async function startWorker(smtpUrl: string | undefined): Promise<Services> {
  const config = configWith(smtpUrl);
  const jobs = await createJobs(database.url, log);
  workers.push(jobs);
  const services = { config, pool: database.pool, db: database.db, reportDb: database.db, log, jobs } satisfies Services;
  await jobs.work([createMailHandler(services) as never]);
  return services;
}

async function stopWorkers(): Promise<void> {
  for (const w of workers.splice(0)) await w.stop();
}

async function waitFor(predicate: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const deliveredTo = (to: string) => smtp.received.filter((m) => m.to === to);

describe('mail over SMTP', () => {
  it('sends after commit, in the recipient language, with text and HTML', async () => {
    const services = await startWorker(smtp.url);
    const cases = [
      { locale: 'fi', subject: 'Kirjautumiskoodisi Työpeiliin: 123456', text: 'kirjautumiskoodisi Työpeiliin on 123456', footer: 'Tämä viesti on lähetetty Työpeilistä.' },
      { locale: 'sv', subject: 'Din inloggningskod till Työpeili: 123456', text: 'din inloggningskod till Työpeili är 123456', footer: 'Det här meddelandet har skickats från Työpeili.' },
      { locale: 'en', subject: 'Your sign-in code for Työpeili: 123456', text: 'your sign-in code for Työpeili is 123456', footer: 'This message was sent by Työpeili.' },
    ] as const;
    await services.db.transaction(async (tx) => {
      for (const c of cases) {
        await enqueueMail(tx, services.jobs, { to: `tuula-${c.locale}@example.fi`, locale: c.locale, template: 'signInCode', values: { code: '123456', minutes: 10, name: 'Tuula' } });
      }
    });
    await waitFor(() => cases.every((c) => deliveredTo(`tuula-${c.locale}@example.fi`).length > 0));
    for (const c of cases) {
      const [mail] = deliveredTo(`tuula-${c.locale}@example.fi`);
      expect(mail!.subject).toBe(c.subject);
      expect(mail!.text).toContain(c.text);
      expect(mail!.text).toContain(c.footer);
      expect(mail!.html).toContain(`<html lang="${c.locale}">`);
      expect(mail!.html).toContain(c.text);
      expect(mail!.html).toContain(c.footer);
    }
    // The claim records what was handed to SMTP (committed just after the SMTP server has it).
    await waitFor(async () => (await database.db.select().from(sentMail)).filter((c) => c.messageId).length === 3);
  });

  it('never sends for a rolled-back change', async () => {
    const services = await startWorker(smtp.url);
    await expect(
      services.db.transaction(async (tx) => {
        await enqueueMail(tx, services.jobs, { to: 'rollback@example.fi', locale: 'fi', template: 'signInCode', values: { code: '654321', minutes: 10, name: 'X' } });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    // A mail committed after it arrives; the rolled-back one never does, not even after a few more polls.
    await services.db.transaction((tx) => enqueueMail(tx, services.jobs, { to: 'after-rollback@example.fi', locale: 'fi', template: 'signInCode', values: { code: '111111', minutes: 10, name: 'Y' } }));
    await waitFor(() => deliveredTo('after-rollback@example.fi').length > 0);
    await sleep(4000);
    expect(deliveredTo('rollback@example.fi')).toEqual([]);
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'to' = 'rollback@example.fi'");
    expect(rows[0].n).toBe(0);
  });

  it('retries a failed mail on its own, without holding up the others', async () => {
    const services = await startWorker(smtp.url);
    await services.db.transaction(async (tx) => {
      await enqueueMail(tx, services.jobs, { to: 'bounce-1@example.fi', locale: 'fi', template: 'signInCode', values: { code: '999999', minutes: 10, name: 'B' } });
      await enqueueMail(tx, services.jobs, { to: 'fine-1@example.fi', locale: 'fi', template: 'signInCode', values: { code: '888888', minutes: 10, name: 'F' } });
    });
    await waitFor(() => deliveredTo('fine-1@example.fi').length === 1);
    const state = async () => (await database.pool.query("SELECT id, state FROM pgboss.job WHERE data->>'to' = 'bounce-1@example.fi'")).rows[0] as { id: string; state: string } | undefined;
    await waitFor(async () => (await state())?.state === 'retry');
    // The failed send left no claim behind, so the retry will send.
    expect(await database.db.select().from(sentMail).where(eq(sentMail.jobId, (await state())!.id))).toEqual([]);
    expect(deliveredTo('bounce-1@example.fi')).toEqual([]);
  });

  it('sends each of 20 mails exactly once with two workers', async () => {
    await stopWorkers();
    const a = await startWorker(smtp.url);
    await startWorker(smtp.url);
    for (let i = 0; i < 20; i++) {
      await a.db.transaction((tx) => enqueueMail(tx, a.jobs, { to: `many-${i}@example.fi`, locale: 'en', template: 'signInCode', values: { code: String(100000 + i), minutes: 10, name: 'Z' } }));
    }
    await waitFor(() => smtp.received.filter((m) => m.to.startsWith('many-')).length >= 20, 30_000);
    await sleep(3000);
    const counts = new Map<string, number>();
    for (const m of smtp.received.filter((m) => m.to.startsWith('many-'))) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    // Both pg-boss instances were live on the same database.
    const { rows } = await database.pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' LIKE 'many-%' AND state = 'completed'");
    expect(rows[0].n).toBe(20);
  }, 60_000);
});

describe('the mail handler, called directly', () => {
  const mail: MailRequest = { to: 'twice@example.fi', locale: 'fi', template: 'signInCode', values: { code: '222222', minutes: 10, name: 'Kaksi' } };

  it('sends a job fetched twice at the same time only once', async () => {
    const handler = createMailHandler({ config: configWith(smtp.url), db: database.db, log });
    await Promise.all([handler.handle(mail, { jobId: 'job-twice' }), handler.handle(mail, { jobId: 'job-twice' })]);
    await handler.handle(mail, { jobId: 'job-twice' });
    await sleep(500);
    expect(deliveredTo('twice@example.fi')).toHaveLength(1);
  });

  it('frees the claim when SMTP fails, so the retry sends', async () => {
    const failing = await startSmtp();
    try {
      const handler = createMailHandler({ config: configWith(failing.url), db: database.db, log });
      const retried: MailRequest = { ...mail, to: 'retry@example.fi' };
      failing.refuse = true;
      await expect(handler.handle(retried, { jobId: 'job-retry' })).rejects.toThrow();
      expect(await database.db.select().from(sentMail).where(eq(sentMail.jobId, 'job-retry'))).toEqual([]);
      expect(failing.received).toEqual([]);
      failing.refuse = false;
      await handler.handle(retried, { jobId: 'job-retry' });
      await handler.handle(retried, { jobId: 'job-retry' });
      expect(failing.received.map((m) => m.to)).toEqual(['retry@example.fi']);
      const [claim] = await database.db.select().from(sentMail).where(eq(sentMail.jobId, 'job-retry'));
      expect(claim!.messageId).toMatch(/@/);
    } finally {
      await failing.close();
    }
  });

  it('sends extra headers (List-Unsubscribe, RFC 8058) on one line each, and a given safe HTML body', async () => {
    const handler = createMailHandler({ config: configWith(smtp.url), db: database.db, log });
    await handler.handle(
      {
        to: 'headers@example.fi',
        locale: 'fi',
        template: 'newsletter',
        values: { subject: 'Kirje', body: 'Teksti', unsubscribeUrl: 'https://tyopeili.example/newsletters/unsubscribe/x' },
        html: '<p><strong>Teksti</strong></p>',
        headers: { 'List-Unsubscribe': '<https://tyopeili.example/newsletters/unsubscribe/x>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Bad\r\nBcc': 'a', 'X-Note': 'a\r\nBcc: b@example.fi' },
      },
      { jobId: 'job-headers' },
    );
    await waitFor(() => deliveredTo('headers@example.fi').length > 0);
    const [got] = deliveredTo('headers@example.fi');
    expect(got!.headerLines).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(got!.headerLines).toContain('List-Unsubscribe: <https://tyopeili.example/newsletters/unsubscribe/x>');
    expect(got!.headerLines.some((l) => /^bcc:/i.test(l))).toBe(false);
    expect(got!.headerLines).toContain('X-Note: a Bcc: b@example.fi');
    expect(got!.html).toContain('<p><strong>Teksti</strong></p>');
  });
});

describe('without SMTP_URL', () => {
  it('keeps the mail for the dev mailbox, once', async () => {
    await stopWorkers();
    const services = await startWorker(undefined);
    const before = smtp.received.length;
    await services.db.transaction((tx) => enqueueMail(tx, services.jobs, { to: 'kept@example.fi', locale: 'fi', template: 'passwordReset', values: { name: 'Aino', url: 'https://tyopeili.example/reset-password/abc', minutes: 60 } }));
    await waitFor(async () => (await database.db.select().from(devMailbox)).some((m) => m.to === 'kept@example.fi'));
    const kept = (await database.db.select().from(devMailbox)).filter((m) => m.to === 'kept@example.fi');
    expect(kept).toHaveLength(1);
    expect(kept[0]!.subject).toBe('Uuden salasanan asettaminen Työpeiliin');
    expect(kept[0]!.text).toContain('https://tyopeili.example/reset-password/abc');
    expect(kept[0]!.html).toContain('<html lang="fi">');
    expect(kept[0]!.html).toContain('<a href="https://tyopeili.example/reset-password/abc">');
    // The same job handled again (a retry) keeps nothing more.
    const handler = createMailHandler(services);
    await handler.handle({ to: 'kept@example.fi', locale: 'fi', template: 'passwordReset', values: { name: 'Aino', url: 'x', minutes: 60 } }, { jobId: kept[0]!.jobId! });
    expect((await database.db.select().from(devMailbox)).filter((m) => m.to === 'kept@example.fi')).toHaveLength(1);
    expect(smtp.received.length).toBe(before);
  });
});
