// Webhooks against the real database and a real HTTP receiver on 127.0.0.1 (allowlisted through
// the configuration): one delivery for each of the three events, signed as a receiver checks it;
// 500, 500, then 200 gives three recorded attempts on the retry schedule and the delivered state;
// a 127.0.0.1 endpoint that is not allowlisted is refused and failed without any request; the
// outbox row rolls back with its change. The job handler is driven directly with a fixed clock.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGroup, createTestMeeting } from '../../../tests/factories/groups.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { loadConfig, type Config } from '../../platform/config.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { createEvent, publishEvent } from '../events/manage-events.ts';
import { registerForEvent } from '../events/register.ts';
import { applicationSchema } from '../intake/intake.validation.ts';
import { submitApplication } from '../intake/submit-application.ts';
import { runLiveCommand } from '../meetings/run-live-command.ts';
import { deliverWebhooks, enqueueWebhookEvent } from './deliver.ts';
import { createEndpoint, deleteEndpoint, sendTestEvent, setEndpointActive } from './manage-webhooks.ts';
import { verifySignature } from './signature.ts';
import { webhookDeliveries, webhookEndpoints } from './webhooks.schema.ts';

type Received = { headers: IncomingHttpHeaders; body: string; at: number };

function receiver(statuses: () => number): Promise<{ server: Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(statuses()).end('ok');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, received })));
}

let database: TestDatabase;
let jobs: Jobs;
let config: Config;
let good: Awaited<ReturnType<typeof receiver>>;
let stranger: Awaited<ReturnType<typeof receiver>>;
const replies: number[] = [];
let organizationId: string;
let coordinator: Actor;
let facilitator: Actor;
let meetingId: string;
let groupId: string;

const NOW = new Date('2026-12-01T08:00:00Z');
const deps = () => ({ db: database.db, jobs, config: { ...config, appUrl: 'https://tyopeili.example', mailFrom: 'Työpeili <noreply@tyopeili.example>' } });

beforeAll(async () => {
  good = await receiver(() => replies.shift() ?? 200);
  stranger = await receiver(() => 200);
  database = await createTestDatabase();
  config = loadConfig({ NODE_ENV: 'test', WEBHOOK_ALLOWED_HOSTS: `127.0.0.1:${good.port}` });
  jobs = await createJobs(database.url, createLogger('silent'));
  const org = await createTestOrganization(database.db);
  organizationId = org.id;
  coordinator = await actorFor(database.db, (await createTestMember(database.db, { organizationId, role: 'coordinator' })).id, organizationId);
  const f = await createTestMember(database.db, { organizationId, role: 'facilitator' });
  facilitator = await actorFor(database.db, f.id);
  const m = await createTestMember(database.db, { organizationId, role: 'entrepreneur' });
  const group = await createTestGroup(database.db, { organizationId, facilitatorIds: [f.id], memberIds: [m.id] });
  groupId = group.id;
  meetingId = (await createTestMeeting(database.db, { organizationId, groupId, startsAt: new Date('2026-11-30T15:00:00Z'), agenda: [{ kind: 'opening_round', minutes: 12 }] })).id;
});
afterAll(async () => {
  good?.server.close();
  stranger?.server.close();
  await jobs?.stop();
  await database?.drop();
});

async function deliveriesOf(endpointId: string) {
  return database.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.organizationId, organizationId), eq(webhookDeliveries.endpointId, endpointId))).orderBy(webhookDeliveries.createdAt);
}

describe('webhook deliveries', () => {
  let endpointId: string;
  let secret: string;

  it('are managed by the coordinator only (403 inside, 404 for another organisation)', async () => {
    const input = { organizationId, url: `http://127.0.0.1:${good.port}/hook`, description: 'CRM', events: ['application.created', 'registration.created', 'meeting.completed'] as const };
    await expect(createEndpoint(facilitator, deps(), { ...input, events: [...input.events] })).rejects.toThrow(ForbiddenError);
    const other = await createTestOrganization(database.db);
    const otherCoordinator = await actorFor(database.db, (await createTestMember(database.db, { organizationId: other.id, role: 'coordinator' })).id, other.id);
    await expect(createEndpoint(otherCoordinator, deps(), { ...input, events: [...input.events] })).rejects.toThrow(NotFoundError);
    const created = await createEndpoint(coordinator, deps(), { ...input, events: [...input.events] }, { now: NOW });
    endpointId = created.endpointId;
    secret = created.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
    // Sealed at rest: the secret's text is nowhere in the row.
    expect(row!.secretSealed.includes(Buffer.from(secret))).toBe(false);
    await expect(sendTestEvent(otherCoordinator, deps(), { organizationId, endpointId })).rejects.toThrow(NotFoundError);
  });

  it('one for each of the three events, signed, with ids only', async () => {
    const application = await submitApplication(
      deps(),
      applicationSchema().parse({
        organizationId, name: 'Kaarina Mäkinen', email: 'kaarina.webhook@example.fi', phone: '040 555 1234', companyName: 'Hoivapalvelu Mäkinen', businessId: '0112038-9',
        sector: 'sote', size: 'micro', municipality: '609', birthYear: '1962', formats: ['in_person'], locale: 'fi', availability: 'Tiistait', hopes: 'Jaksamista', consent: 'on',
      }),
      { now: NOW },
    );
    const draft = await createEvent(coordinator, deps(), {
      organizationId, tourId: null, title: 'Somemarkkinointi', description: '', startsAt: new Date('2027-01-14T15:00:00Z'), endsAt: new Date('2027-01-14T17:00:00Z'),
      venue: 'Oodi', onlineUrl: null, capacity: 5, registrationDeadline: new Date('2027-01-12T22:00:00Z'), speakers: '',
    }, { now: NOW });
    const event = await publishEvent(coordinator, deps(), { organizationId, eventId: draft.id }, { now: NOW });
    const { registration } = await registerForEvent(null, deps(), {
      organizationId, eventId: event.id, name: 'Ville Virtanen', email: 'ville.webhook@example.fi', organisation: null, dietaryNeeds: null, accessibilityNeeds: null, consent: true, locale: 'fi',
    }, { now: NOW });
    await runLiveCommand(facilitator, deps(), { organizationId, meetingId, intent: 'start', expectedVersion: 0 }, { now: new Date('2026-11-30T15:00:00Z') });
    await runLiveCommand(facilitator, deps(), { organizationId, meetingId, intent: 'end', expectedVersion: 1 }, { now: new Date('2026-11-30T17:00:00Z') });

    const pending = await deliveriesOf(endpointId);
    expect(pending.map((d) => [d.eventType, d.status])).toEqual([
      ['meeting.completed', 'pending'],
      ['application.created', 'pending'],
      ['registration.created', 'pending'],
    ]);
    // A job was sent in each transaction.
    const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'webhooks.deliver'`);
    expect(rows.map((r: { data: { deliveryId: string } }) => r.data.deliveryId).sort()).toEqual(pending.map((d) => d.id).sort());

    const at = new Date('2026-12-01T09:00:00Z');
    expect(await deliverWebhooks(deps(), {}, { now: at })).toBe(3);
    expect(good.received).toHaveLength(3);
    const byType = Object.fromEntries(good.received.map((r) => [r.headers['tyopeili-event'], r]));
    for (const r of good.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['user-agent']).toBe('Tyopeili-Webhooks/1');
      // As a receiver: the raw body, the secret shown once, five minutes of tolerance.
      expect(verifySignature(String(r.headers['tyopeili-signature']), r.body, secret, { now: at })).toBe(true);
      expect(verifySignature(String(r.headers['tyopeili-signature']), r.body + ' ', secret, { now: at })).toBe(false);
      expect(r.headers['tyopeili-signature']).toMatch(new RegExp(`^t=${at.getTime() / 1000},v1=[0-9a-f]{64}$`));
      const body = JSON.parse(r.body) as { id: string; type: string; created: number; organization: string; data: Record<string, string> };
      expect(body.organization).toBe(organizationId);
      expect(pending.find((d) => d.id === r.headers['tyopeili-delivery'])?.eventId).toBe(body.id);
      expect(r.body).not.toMatch(/Kaarina|Ville|@example\.fi/);
    }
    expect(JSON.parse(byType['application.created']!.body).data).toEqual({ application: application.applicationId });
    expect(JSON.parse(byType['registration.created']!.body).data).toEqual({ registration: registration.id, event: event.id });
    expect(JSON.parse(byType['meeting.completed']!.body)).toMatchObject({ type: 'meeting.completed', created: Date.parse('2026-11-30T17:00:00Z') / 1000, data: { meeting: meetingId, group: groupId } });
    const done = await deliveriesOf(endpointId);
    expect(done.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastStatusCode === 200 && d.deliveredAt?.getTime() === at.getTime())).toBe(true);
  });

  it('500 twice then 200: three attempts on the schedule, then delivered', async () => {
    good.received.length = 0;
    replies.push(500, 500, 200);
    const t0 = new Date('2026-12-02T10:00:00Z');
    const id = await sendTestEvent(coordinator, deps(), { organizationId, endpointId }, { now: t0 });
    const row = async () => (await deliveriesOf(endpointId)).find((d) => d.id === id)!;
    const at = (s: number) => new Date(t0.getTime() + s * 1000);

    await deliverWebhooks(deps(), { organizationId, deliveryId: id }, { now: t0 });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: at(30) });
    // Not due yet: nothing is sent, by the job or the sweep.
    expect(await deliverWebhooks(deps(), {}, { now: at(29) })).toBe(0);
    await deliverWebhooks(deps(), {}, { now: at(30) });
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 500, nextAttemptAt: at(90) });
    await deliverWebhooks(deps(), { organizationId, deliveryId: id }, { now: at(90) });
    expect(await row()).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null, deliveredAt: at(90) });
    expect(good.received.map((r) => r.headers['tyopeili-event'])).toEqual(['ping', 'ping', 'ping']);
    expect(good.received.every((r) => r.headers['tyopeili-delivery'] === id)).toBe(true);
    // A retry job waits for its time.
    const { rows } = await database.pool.query(`SELECT start_after FROM pgboss.job WHERE name = 'webhooks.deliver' AND data->>'deliveryId' = $1 ORDER BY start_after`, [id]);
    // (The first job is sent at the real clock's now, not the test's t0; the retries wait for theirs.)
    const starts = rows.map((r: { start_after: Date }) => r.start_after.getTime());
    expect(starts).toEqual(expect.arrayContaining([at(30).getTime(), at(90).getTime()]));
  });

  it('fails after eight attempts', async () => {
    replies.push(503, 503, 503, 503, 503, 503, 503, 503);
    const t0 = new Date('2026-12-03T10:00:00Z');
    const id = await sendTestEvent(coordinator, deps(), { organizationId, endpointId }, { now: t0 });
    let clock = t0.getTime();
    for (let i = 0; i < 8; i++) {
      await deliverWebhooks(deps(), { organizationId, deliveryId: id }, { now: new Date(clock) });
      const d = (await deliveriesOf(endpointId)).find((x) => x.id === id)!;
      clock = d.nextAttemptAt.getTime();
    }
    expect((await deliveriesOf(endpointId)).find((x) => x.id === id)).toMatchObject({ status: 'failed', attempts: 8, lastStatusCode: 503 });
    expect(await deliverWebhooks(deps(), {}, { now: new Date(clock + 86_400_000) })).toBe(0);
  });

  it('a 127.0.0.1 endpoint that is not allowlisted is refused and failed, no request made', async () => {
    const { endpointId: strangerId } = await createEndpoint(coordinator, deps(), { organizationId, url: `http://127.0.0.1:${stranger.port}/`, description: '', events: ['application.created'] });
    const id = await sendTestEvent(coordinator, deps(), { organizationId, endpointId: strangerId });
    await deliverWebhooks(deps(), { organizationId, deliveryId: id });
    expect((await deliveriesOf(strangerId))[0]).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null, lastError: 'refused: forbidden-address' });
    expect(stranger.received).toHaveLength(0);
    await deleteEndpoint(coordinator, deps(), { organizationId, endpointId: strangerId });
    expect(await deliveriesOf(strangerId)).toEqual([]);
  });

  it('a disabled endpoint gets no new events; the outbox row rolls back with its change', async () => {
    await setEndpointActive(coordinator, deps(), { organizationId, endpointId, active: false });
    expect(await database.db.transaction((tx) => enqueueWebhookEvent(tx, jobs, organizationId, 'application.created', { application: 'x' }))).toEqual([]);
    await setEndpointActive(coordinator, deps(), { organizationId, endpointId, active: true });
    const before = (await deliveriesOf(endpointId)).length;
    await expect(
      database.db.transaction(async (tx) => {
        expect(await enqueueWebhookEvent(tx, jobs, organizationId, 'application.created', { application: 'y' })).toHaveLength(1);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await deliveriesOf(endpointId)).toHaveLength(before);
  });
});
