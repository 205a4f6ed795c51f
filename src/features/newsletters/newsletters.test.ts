// Newsletters against the real database: double opt-in (unconfirmed get nothing), the audience of
// each kind (opt-outs and duplicates left out), the language of each recipient with the Finnish
// fallback, the unsubscribe headers, an unsubscribe that stops later mailings, the coordinator-only
// rules, and exactly one copy per recipient when two job runners send the same mailing at once.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, addMembership, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { loadConfig } from '../../platform/config.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { devMailbox } from '../../platform/mail/mail.schema.ts';
import { groupMembers } from '../groups/groups.schema.ts';
import { eventRegistrations, events } from '../events/events.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { resolveAudience } from './audience.ts';
import { createNewsletter, sendNewsletter, updateNewsletter, type NewsletterDeps } from './manage-newsletters.ts';
import { NewsletterLinkError, NewsletterNotDraftError } from './newsletters.errors.ts';
import { newsletterDeliveries, newsletterSubscribers } from './newsletters.schema.ts';
import { processNewsletter } from './send-newsletter.ts';
import { confirmSubscription, subscribe, unsubscribeByToken } from './subscriptions.ts';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './newsletter-tokens.ts';
import type { NewsletterInput } from './newsletters.validation.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: NewsletterDeps;
const config = loadConfig({ NODE_ENV: 'test', APP_URL: 'https://tyopeili.example' });
const log = createLogger('silent');
let orgId: string;
let coordinator: Actor;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, log);
  deps = { db: database.db, jobs, config };
  orgId = (await createTestOrganization(database.db, { name: 'Yrityskehitys Pohjanmaa' })).id;
  const c = await createTestMember(database.db, { organizationId: orgId, role: 'coordinator' });
  coordinator = await actorFor(database.db, c.id, orgId);
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

const sender = () => ({ db: database.db, config, log });

function letter(overrides: Partial<NewsletterInput> = {}): NewsletterInput {
  return {
    subjectFi: 'Kevään tuet yrittäjälle',
    subjectSv: 'Vårens stöd för företagare',
    subjectEn: '',
    bodyFi: '## Mistä haet\n\nHae **Business Finlandin** tukea.',
    bodySv: '## Var du ansöker\n\nSök stöd från **Business Finland**.',
    bodyEn: '',
    audienceKind: 'subscribers',
    audienceTargetId: null,
    ...overrides,
  };
}

async function confirmedSubscriber(email: string, locale: 'fi' | 'sv' | 'en', organizationId = orgId) {
  await database.db.insert(newsletterSubscribers).values({ organizationId, email, locale, consentVersion: 'test', consentAt: new Date(), confirmedAt: new Date() });
}

async function mailsTo(to: string) {
  return database.db.select().from(devMailbox).where(eq(devMailbox.to, to));
}

async function confirmMailJobs(to: string) {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = 'newsletterConfirm'`, [to]);
  return rows.map((r) => r.data as { values: { url: string } });
}

describe('double opt-in', () => {
  it('records the consent, mails a confirmation link, and only a confirmed subscriber is in the audience', async () => {
    const org = (await createTestOrganization(database.db)).id;
    const result = await subscribe(deps, { organizationId: org, email: 'Tilaaja@Example.fi', locale: 'sv' });
    expect(result.mailed).toBe(true);
    const [row] = await database.db.select().from(newsletterSubscribers).where(eq(newsletterSubscribers.organizationId, org));
    expect(row!.email).toBe('tilaaja@example.fi');
    expect(row!.consentVersion).toBe('newsletter-2026-12');
    expect(row!.consentAt).toBeInstanceOf(Date);
    expect(row!.confirmedAt).toBeNull();
    expect(await resolveAudience(database.db, { organizationId: org, audienceKind: 'subscribers', audienceTargetId: null })).toEqual([]);

    // An unconfirmed subscriber gets no newsletter.
    const c = await createTestMember(database.db, { organizationId: org, role: 'coordinator' });
    const actor = await actorFor(database.db, c.id, org);
    const first = await createNewsletter(actor, deps, { organizationId: org, ...letter() });
    expect(await sendNewsletter(actor, deps, { organizationId: org, newsletterId: first.id })).toBe(0);
    await processNewsletter(sender(), { organizationId: org, newsletterId: first.id }, { pauseMs: 0 });
    expect(await mailsTo('tilaaja@example.fi')).toHaveLength(0);

    const [mail] = await confirmMailJobs('tilaaja@example.fi');
    const token = mail!.values.url.split('/').pop()!;
    await confirmSubscription(deps, token);
    await expect(confirmSubscription(deps, token)).rejects.toBeInstanceOf(NewsletterLinkError);
    expect(await resolveAudience(database.db, { organizationId: org, audienceKind: 'subscribers', audienceTargetId: null })).toEqual([
      { email: 'tilaaja@example.fi', userId: null, locale: 'sv' },
    ]);
    // Subscribing again while confirmed mails nothing more.
    expect((await subscribe(deps, { organizationId: org, email: 'tilaaja@example.fi', locale: 'fi' })).mailed).toBe(false);
    expect(await confirmMailJobs('tilaaja@example.fi')).toHaveLength(1);
  });
});

describe('audience resolution', () => {
  it('finds entrepreneurs, current group members, non-cancelled registrants, each once, in their language', async () => {
    const org = (await createTestOrganization(database.db)).id;
    const e1 = await createTestMember(database.db, { organizationId: org, role: 'entrepreneur', email: 'yrittaja1@example.fi' });
    const e2 = await createTestMember(database.db, { organizationId: org, role: 'entrepreneur', email: 'yrittaja2@example.fi' });
    await database.db.update(users).set({ locale: 'en' }).where(eq(users.id, e2.id));
    await createTestMember(database.db, { organizationId: org, role: 'facilitator', email: 'ohjaaja@example.fi' });
    const otherOrg = (await createTestOrganization(database.db)).id;
    await createTestMember(database.db, { organizationId: otherOrg, role: 'entrepreneur', email: 'muualla@example.fi' });
    const entrepreneurs = await resolveAudience(database.db, { organizationId: org, audienceKind: 'entrepreneurs', audienceTargetId: null });
    expect(entrepreneurs.map((r) => [r.email, r.locale]).sort()).toEqual([
      ['yrittaja1@example.fi', 'fi'],
      ['yrittaja2@example.fi', 'en'],
    ]);

    const group = await createTestGroup(database.db, { organizationId: org, memberIds: [e1.id, e2.id] });
    await database.db.update(groupMembers).set({ leftAt: new Date() }).where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.userId, e2.id)));
    const members = await resolveAudience(database.db, { organizationId: org, audienceKind: 'group', audienceTargetId: group.id });
    expect(members.map((r) => r.email)).toEqual(['yrittaja1@example.fi']);

    const [event] = await database.db
      .insert(events)
      .values({ organizationId: org, title: 'Tapahtuma', startsAt: new Date('2027-01-01T10:00:00Z'), endsAt: new Date('2027-01-01T12:00:00Z'), venue: 'Kirjasto', capacity: 10, registrationDeadline: new Date('2026-12-30T10:00:00Z'), status: 'published' })
      .returning();
    const reg = (email: string, status: 'confirmed' | 'waitlisted' | 'cancelled', position: number, locale = 'fi', userId: string | null = null) => ({
      organizationId: org,
      eventId: event!.id,
      name: 'X',
      email,
      consentAt: new Date(),
      code: `TP-${position}`,
      cancelTokenHash: `hash-${org}-${position}`,
      status,
      position,
      locale,
      userId,
    });
    await database.db.insert(eventRegistrations).values([
      reg('kavija@example.fi', 'confirmed', 1, 'sv'),
      reg('jono@example.fi', 'waitlisted', 2),
      reg('peruttu@example.fi', 'cancelled', 3),
      reg('YRITTAJA2@example.fi', 'confirmed', 4, 'fi', e2.id),
    ]);
    const registrants = await resolveAudience(database.db, { organizationId: org, audienceKind: 'event', audienceTargetId: event!.id });
    expect(registrants.map((r) => [r.email, r.locale]).sort()).toEqual([
      ['jono@example.fi', 'fi'],
      ['kavija@example.fi', 'sv'],
      ['yrittaja2@example.fi', 'en'],
    ]);

    await confirmedSubscriber('tilaaja@example.fi', 'en', org);
    await database.db.insert(newsletterSubscribers).values({ organizationId: org, email: 'vahvistamaton@example.fi', locale: 'fi', consentVersion: 'test', consentAt: new Date() });
    await database.db
      .insert(newsletterSubscribers)
      .values({ organizationId: org, email: 'lopettanut@example.fi', locale: 'fi', consentVersion: 'test', consentAt: new Date(), confirmedAt: new Date(), unsubscribedAt: new Date() });
    const subscribers = await resolveAudience(database.db, { organizationId: org, audienceKind: 'subscribers', audienceTargetId: null });
    expect(subscribers.map((r) => r.email)).toEqual(['tilaaja@example.fi']);
  });
});

describe('the coordinator', () => {
  it('composes and sends; others may not; another organisation gets 404; a sent mailing cannot change', async () => {
    const entrepreneur = await actorFor(database.db, (await createTestMember(database.db, { organizationId: orgId, role: 'entrepreneur' })).id, orgId);
    await expect(createNewsletter(entrepreneur, deps, { organizationId: orgId, ...letter() })).rejects.toBeInstanceOf(ForbiddenError);
    const otherOrg = (await createTestOrganization(database.db)).id;
    const stranger = await actorFor(database.db, (await createTestMember(database.db, { organizationId: otherOrg, role: 'coordinator' })).id, otherOrg);
    const draft = await createNewsletter(coordinator, deps, { organizationId: orgId, ...letter() });
    await expect(sendNewsletter(stranger, deps, { organizationId: orgId, newsletterId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendNewsletter(entrepreneur, deps, { organizationId: orgId, newsletterId: draft.id })).rejects.toBeInstanceOf(ForbiddenError);
    const otherGroup = await createTestGroup(database.db, { organizationId: otherOrg });
    await expect(createNewsletter(coordinator, deps, { organizationId: orgId, ...letter({ audienceKind: 'group', audienceTargetId: otherGroup.id }) })).rejects.toThrow();
    await sendNewsletter(coordinator, deps, { organizationId: orgId, newsletterId: draft.id });
    await expect(sendNewsletter(coordinator, deps, { organizationId: orgId, newsletterId: draft.id })).rejects.toBeInstanceOf(NewsletterNotDraftError);
    await expect(updateNewsletter(coordinator, deps, { organizationId: orgId, newsletterId: draft.id, ...letter() })).rejects.toBeInstanceOf(NewsletterNotDraftError);
  });
});

describe('sending', () => {
  it('sends each recipient one copy in their language, with the one-click unsubscribe headers, even with two runners at once', async () => {
    const org = (await createTestOrganization(database.db)).id;
    const actor = await actorFor(database.db, (await createTestMember(database.db, { organizationId: org, role: 'coordinator' })).id, org);
    const addresses: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const email = `tilaaja${i}@esimerkki.fi`;
      addresses.push(email);
      await confirmedSubscriber(email, (['fi', 'sv', 'en'] as const)[i % 3]!, org);
    }
    const newsletter = await createNewsletter(actor, deps, { organizationId: org, ...letter() });
    expect(await sendNewsletter(actor, deps, { organizationId: org, newsletterId: newsletter.id })).toBe(30);
    const job = { organizationId: org, newsletterId: newsletter.id };
    const [a, b] = await Promise.all([processNewsletter(sender(), job, { batchSize: 4, pauseMs: 5 }), processNewsletter(sender(), job, { batchSize: 4, pauseMs: 5 })]);
    expect(a.sent + b.sent).toBe(30);
    // Both runners did work (they share the queue rather than one waiting for the other).
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const { rows } = await database.pool.query<{ to: string; n: number }>(
      `SELECT "to", count(*)::int AS n FROM dev_mailbox WHERE "to" LIKE 'tilaaja%@esimerkki.fi' GROUP BY "to"`,
    );
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // A third runner later finds nothing to send.
    expect((await processNewsletter(sender(), job, { pauseMs: 0 })).sent).toBe(0);

    const [fi] = await mailsTo('tilaaja0@esimerkki.fi');
    const [sv] = await mailsTo('tilaaja1@esimerkki.fi');
    const [en] = await mailsTo('tilaaja2@esimerkki.fi');
    expect(fi!.subject).toBe('Kevään tuet yrittäjälle');
    expect(sv!.subject).toBe('Vårens stöd för företagare');
    expect(en!.subject).toBe('Kevään tuet yrittäjälle'); // no English version: Finnish
    expect(sv!.html).toContain('<strong>Business Finland</strong>');
    expect(sv!.html).toContain('<html lang="sv">');
    const headers = fi!.headers!;
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/tyopeili\.example\/newsletters\/unsubscribe\/[0-9a-f]{32}[A-Za-z0-9_-]{43}>$/);
    expect(fi!.text).toContain(headers['List-Unsubscribe']!.slice(1, -1));
    const [state] = await database.pool.query(`SELECT status FROM newsletters WHERE id = $1`, [newsletter.id]).then((r) => r.rows);
    expect(state.status).toBe('sent');
  });

  it('an unsubscribe stops further mailings to that address, for account holders too', async () => {
    const org = (await createTestOrganization(database.db)).id;
    const actor = await actorFor(database.db, (await createTestMember(database.db, { organizationId: org, role: 'coordinator' })).id, org);
    const holder = await createTestMember(database.db, { organizationId: org, role: 'entrepreneur', email: 'tili@example.fi' });
    await createTestMember(database.db, { organizationId: org, role: 'entrepreneur', email: 'toinen@example.fi' });
    await addMembership(database.db, { organizationId: (await createTestOrganization(database.db)).id, userId: holder.id, role: 'entrepreneur' });
    const first = await createNewsletter(actor, deps, { organizationId: org, ...letter({ audienceKind: 'entrepreneurs' }) });
    await sendNewsletter(actor, deps, { organizationId: org, newsletterId: first.id });
    // The second is queued before the unsubscribe: it is skipped at sending time.
    const second = await createNewsletter(actor, deps, { organizationId: org, ...letter({ audienceKind: 'entrepreneurs', subjectFi: 'Toinen kirje' }) });
    await sendNewsletter(actor, deps, { organizationId: org, newsletterId: second.id });
    await processNewsletter(sender(), { organizationId: org, newsletterId: first.id }, { pauseMs: 0 });
    const [delivery] = await database.db
      .select()
      .from(newsletterDeliveries)
      .where(and(eq(newsletterDeliveries.newsletterId, first.id), eq(newsletterDeliveries.email, 'tili@example.fi')));
    expect(delivery!.userId).toBe(holder.id);
    const token = signUnsubscribeToken(config.sessionSecret, delivery!.id);
    expect(verifyUnsubscribeToken(config.sessionSecret, token)).toBe(delivery!.id);
    expect(verifyUnsubscribeToken('another secret', token)).toBeNull();
    expect(verifyUnsubscribeToken(config.sessionSecret, token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'))).toBeNull();
    await unsubscribeByToken(deps, token);
    await unsubscribeByToken(deps, token); // idempotent
    await processNewsletter(sender(), { organizationId: org, newsletterId: second.id }, { pauseMs: 0 });
    const third = await createNewsletter(actor, deps, { organizationId: org, ...letter({ audienceKind: 'entrepreneurs', subjectFi: 'Kolmas kirje' }) });
    expect(await sendNewsletter(actor, deps, { organizationId: org, newsletterId: third.id })).toBe(1);
    await processNewsletter(sender(), { organizationId: org, newsletterId: third.id }, { pauseMs: 0 });
    expect((await mailsTo('tili@example.fi')).map((m) => m.subject)).toEqual(['Kevään tuet yrittäjälle']);
    expect((await mailsTo('toinen@example.fi')).map((m) => m.subject).sort()).toEqual(['Kevään tuet yrittäjälle', 'Kolmas kirje', 'Toinen kirje']);
    const counts = await database.pool.query(
      `SELECT newsletter_id, status, unsubscribed_at IS NOT NULL AS unsub FROM newsletter_deliveries WHERE email = 'tili@example.fi' ORDER BY created_at`,
    );
    expect(counts.rows.map((r) => [r.status, r.unsub])).toEqual([
      ['sent', true],
      ['skipped', false],
    ]);
    expect(await database.db.execute(sql`SELECT 1 FROM newsletter_opt_outs WHERE organization_id = ${org} AND email = 'tili@example.fi'`).then((r) => r.rows.length)).toBe(1);
  });

  it('marks a delivery failed when SMTP refuses, counts it, and does not retry it forever', async () => {
    const org = (await createTestOrganization(database.db)).id;
    const actor = await actorFor(database.db, (await createTestMember(database.db, { organizationId: org, role: 'coordinator' })).id, org);
    await confirmedSubscriber('ei-perille@example.fi', 'fi', org);
    const newsletter = await createNewsletter(actor, deps, { organizationId: org, ...letter() });
    await sendNewsletter(actor, deps, { organizationId: org, newsletterId: newsletter.id });
    // Nothing listens on port 1: the connection is refused at once.
    const broken = loadConfig({ NODE_ENV: 'test', APP_URL: 'https://tyopeili.example', SMTP_URL: 'smtp://127.0.0.1:1' });
    const result = await processNewsletter({ db: database.db, config: broken, log }, { organizationId: org, newsletterId: newsletter.id }, { pauseMs: 0 });
    expect(result).toEqual({ sent: 0, failed: 1 });
    const [delivery] = await database.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.newsletterId, newsletter.id));
    expect(delivery!.status).toBe('failed');
    expect(delivery!.failedAt).not.toBeNull();
    // The claim rolled back with the send: nothing is recorded as sent for it.
    const { rows } = await database.pool.query(`SELECT 1 FROM sent_mail WHERE job_id = $1`, [`newsletter:${delivery!.id}`]);
    expect(rows).toHaveLength(0);
  });
});
