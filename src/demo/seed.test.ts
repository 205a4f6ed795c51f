import { verify } from '@node-rs/argon2';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../features/accounts/accounts.schema.ts';
import { searchArticles } from '../features/knowledge/knowledge.queries.ts';
import { isValidBusinessId } from '../features/companies/business-id.ts';
import { companies, entrepreneurProfiles } from '../features/companies/companies.schema.ts';
import { isSectorCode } from '../features/companies/sectors.ts';
import { memberships, organizationMunicipalities, organizations } from '../features/organizations/organizations.schema.ts';
import { municipalityByCode } from '../features/places/municipalities.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.ts';
import { DEMO_PASSWORD, demoLogins, demoLoginsSecondOrganization } from './demo-accounts.ts';
import { seedDemo, type DemoSummary } from './seed.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';
import { sendDueInvitations } from '../features/meetings/invitations.ts';
import { createJobs } from '../platform/jobs/jobs.ts';
import { createLogger } from '../platform/logger.ts';
import { releasedEventFeedback } from '../features/events/feedback.ts';
import { actorFor } from '../../tests/factories/organizations.ts';

let database: TestDatabase;
let summary: DemoSummary | null;

beforeAll(async () => {
  database = await createTestDatabase();
  summary = await seedDemo({ db: database.db });
});
afterAll(async () => {
  await database?.drop();
});

async function rolesOf(email: string) {
  return database.db
    .select({
      role: memberships.role,
      organization: organizations.name,
      isDemo: users.isDemo,
      verified: users.emailVerifiedAt,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(users.email, email));
}

describe('seedDemo on an empty database', () => {
  it('creates the two fictional organisations in Satakunta', async () => {
    const orgs = await database.db.select().from(organizations).orderBy(asc(organizations.slug));
    expect(orgs.map((o) => o.slug)).toEqual(['rauman-seudun-yrityskehitys', 'tyopeili-satakunta']);
    expect(summary?.organizations.map((o) => o.slug)).toEqual(['tyopeili-satakunta', 'rauman-seudun-yrityskehitys']);
  });

  it('declares the municipalities each organisation serves; Huittinen is served by both', async () => {
    const rows = await database.db
      .select({ slug: organizations.slug, code: organizationMunicipalities.municipalityCode })
      .from(organizationMunicipalities)
      .innerJoin(organizations, eq(organizations.id, organizationMunicipalities.organizationId));
    const of = (slug: string) =>
      rows
        .filter((r) => r.slug === slug)
        .map((r) => r.code)
        .sort();
    expect(of('tyopeili-satakunta')).toEqual(['079', '102', '214', '271', '484', '531', '608', '609', '886']);
    expect(of('rauman-seudun-yrityskehitys')).toEqual(['050', '051', '102', '684', '783']);
    for (const r of rows) expect(municipalityByCode(r.code), r.code).toBeDefined();
  });

  it('gives each demo sign-in its role in the first organisation, with the demo password', async () => {
    const first = summary!.organizations[0]!.name;
    for (const { role, email } of demoLogins) {
      const rows = await rolesOf(email);
      expect(rows, email).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role, organization: first, isDemo: true });
      expect(rows[0]!.verified).not.toBeNull();
    }
    // One hash, made once, for everybody.
    const [admin] = await rolesOf('admin@demo.tyopeili.fi');
    expect(await verify(admin!.passwordHash!, DEMO_PASSWORD)).toBe(true);
    const hashes = await database.db.selectDistinct({ h: users.passwordHash }).from(users);
    expect(hashes).toHaveLength(1);
  });

  it('gives the second organisation its own people in every role but admin', async () => {
    const second = summary!.organizations[1]!.name;
    for (const { role, email } of demoLoginsSecondOrganization) {
      const rows = await rolesOf(email);
      expect(rows, email).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role, organization: second, isDemo: true });
    }
    const secondId = summary!.organizations[1]!.id;
    const roles = await database.db.selectDistinct({ role: memberships.role }).from(memberships).where(eq(memberships.organizationId, secondId));
    expect(roles.map((r) => r.role).sort()).toEqual(['coordinator', 'entrepreneur', 'expert', 'facilitator', 'funder', 'trainee']);
  });

  it('uses realistic names, not roles, and only demo addresses', async () => {
    const people = await database.db.select({ name: users.name, email: users.email, isDemo: users.isDemo }).from(users);
    expect(people.length).toBe(summary!.people);
    for (const p of people) {
      expect(p.name).toMatch(/^\p{Lu}[\p{L}-]+ \p{Lu}\p{L}+$/u);
      expect(p.name.toLowerCase()).not.toMatch(/admin|koordinaattori|ohjaaja|yrittäjä|asiantuntija|koulutettava|rahoittaja/);
      expect(p.email).toMatch(/[@.]demo\.tyopeili\.fi$/);
      expect(p.isDemo).toBe(true);
    }
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
  });

  it('creates about 40 entrepreneurs like the pilot: mostly sote, mostly women in sote, mostly 45–68', async () => {
    const rows = await database.db
      .select({
        organizationId: entrepreneurProfiles.organizationId,
        gender: entrepreneurProfiles.gender,
        birthYear: entrepreneurProfiles.birthYear,
        sector: companies.sector,
        size: companies.size,
        role: memberships.role,
      })
      .from(entrepreneurProfiles)
      .innerJoin(
        memberships,
        sql`${memberships.organizationId} = ${entrepreneurProfiles.organizationId} AND ${memberships.userId} = ${entrepreneurProfiles.userId}`,
      )
      .leftJoin(companies, sql`${companies.organizationId} = ${entrepreneurProfiles.organizationId} AND ${companies.id} = ${entrepreneurProfiles.companyId}`);
    expect(rows.length).toBeGreaterThanOrEqual(38);
    expect(rows.length).toBe(summary!.entrepreneurs);
    expect(rows.every((r) => r.role === 'entrepreneur')).toBe(true);
    const [entrepreneurMembers] = await database.db.select({ n: count() }).from(memberships).where(eq(memberships.role, 'entrepreneur'));
    expect(entrepreneurMembers?.n).toBe(rows.length);

    const sote = rows.filter((r) => r.sector === 'sote');
    expect(sote.length / rows.length).toBeGreaterThanOrEqual(0.7);
    expect(sote.filter((r) => r.size === 'sole').length / rows.length).toBeGreaterThanOrEqual(0.45);
    const women = sote.filter((r) => r.gender === 'female').length / sote.length;
    expect(women).toBeGreaterThan(0.65);
    expect(women).toBeLessThan(0.95);
    const year = new Date().getFullYear();
    const core = rows.filter((r) => r.birthYear !== null && year - r.birthYear >= 45 && year - r.birthYear <= 68).length;
    expect(core / rows.length).toBeGreaterThanOrEqual(0.7);
    const perOrg = new Map<string, number>();
    for (const r of rows) perOrg.set(r.organizationId, (perOrg.get(r.organizationId) ?? 0) + 1);
    expect(perOrg.get(summary!.organizations[0]!.id)).toBeGreaterThan(perOrg.get(summary!.organizations[1]!.id)!);
  });

  it('gives every company a valid Y-tunnus, a known sector and a Satakunta municipality', async () => {
    const all = await database.db.select().from(companies);
    expect(all.length).toBe(summary!.companies);
    expect(all.length).toBeGreaterThanOrEqual(30);
    for (const c of all) {
      expect(isValidBusinessId(c.businessId ?? ''), `${c.name} ${c.businessId}`).toBe(true);
      expect(isSectorCode(c.sector ?? ''), c.sector ?? '').toBe(true);
      expect(municipalityByCode(c.municipality ?? '')?.region, c.municipality ?? '').toBe('Satakunta');
    }
    expect(new Set(all.map((c) => c.businessId)).size).toBe(all.length);
    // Some firms have several key persons taking part.
    const shared = await database.db
      .select({ companyId: entrepreneurProfiles.companyId, n: count() })
      .from(entrepreneurProfiles)
      .groupBy(entrepreneurProfiles.organizationId, entrepreneurProfiles.companyId)
      .having(sql`count(*) > 1`);
    expect(shared.length).toBeGreaterThanOrEqual(2);
  });

  it('tells two published stories with consent to their exact text, a draft waiting for the demo entrepreneur, and two exit interviews', async () => {
    const { rows } = await database.pool.query(`
      SELECT
        (SELECT count(*)::int FROM stories s WHERE s.published_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM story_consents c WHERE c.story_id = s.id AND c.decision = 'consented' AND c.content_sha256 = s.content_sha256)) AS published,
        (SELECT count(*)::int FROM stories s JOIN users u ON u.id = s.subject_user_id
           WHERE u.email = 'yrittaja@demo.tyopeili.fi' AND s.published_at IS NULL AND NOT EXISTS (SELECT 1 FROM story_consents c WHERE c.story_id = s.id)) AS waiting,
        (SELECT count(*)::int FROM exit_interviews) AS interviews`);
    expect(rows[0]).toEqual({ published: 2, waiting: 1, interviews: 2 });
  });

  it('gives the demo entrepreneur a sote sole-trader company in Pori', async () => {
    const [row] = await database.db
      .select({ name: users.name, sector: companies.sector, size: companies.size, municipality: companies.municipality })
      .from(users)
      .innerJoin(entrepreneurProfiles, eq(entrepreneurProfiles.userId, users.id))
      .innerJoin(companies, sql`${companies.organizationId} = ${entrepreneurProfiles.organizationId} AND ${companies.id} = ${entrepreneurProfiles.companyId}`)
      .where(eq(users.email, 'yrittaja@demo.tyopeili.fi'));
    expect(row).toMatchObject({ name: 'Tuula Rantanen', sector: 'sote', size: 'sole', municipality: '609' });
  });

  it('gives advice: two advisors with availability in each organisation, past sessions with notes and private steps, upcoming bookings', async () => {
    const { rows } = await database.pool.query(`
      SELECT o.slug,
        (SELECT count(DISTINCT advisor_user_id)::int FROM advice_availability a WHERE a.organization_id = o.id AND a.removed_at IS NULL) AS advisors,
        (SELECT count(*)::int FROM advice_sessions s WHERE s.organization_id = o.id AND s.status = 'booked' AND s.starts_at < now()) AS past,
        (SELECT count(*)::int FROM advice_sessions s WHERE s.organization_id = o.id AND s.status = 'booked' AND s.starts_at > now()) AS upcoming,
        (SELECT count(*)::int FROM advice_notes n WHERE n.organization_id = o.id) AS notes,
        (SELECT count(*)::int FROM steps st WHERE st.organization_id = o.id AND st.advice_session_id IS NOT NULL AND st.group_id IS NULL) AS steps
      FROM organizations o ORDER BY o.slug`);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(r.advisors).toBe(2);
      expect(r.past).toBeGreaterThanOrEqual(3);
      expect(r.upcoming).toBeGreaterThanOrEqual(2);
      expect(r.notes).toBeGreaterThanOrEqual(3);
      expect(r.steps).toBeGreaterThanOrEqual(2);
    }
    const { rows: tuula } = await database.pool.query(
      `SELECT count(*)::int AS n FROM advice_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = 'yrittaja@demo.tyopeili.fi' AND s.starts_at > now() AND s.status = 'booked'`,
    );
    expect(tuula[0].n).toBe(1);
  });

  it('runs a Timanttikiertue of 6 events: past ones with attendance and feedback, upcoming with registrations, one full with a waiting list', async () => {
    const { rows } = await database.pool.query(`
      SELECT e.starts_at < now() AS past, e.capacity,
        (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'confirmed') AS seats,
        (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waiting,
        (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.attended) AS came,
        (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.attended_at IS NOT NULL) AS ticked,
        (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.feedback_given_at IS NOT NULL) AS gave,
        (SELECT count(*)::int FROM event_feedback f WHERE f.event_id = e.id) AS answers
      FROM events e JOIN event_tours t ON t.organization_id = e.organization_id AND t.id = e.tour_id
      WHERE t.name = 'Timanttikiertue 2027' AND e.status = 'published'`);
    expect(rows).toHaveLength(6);
    const past = rows.filter((r) => r.past);
    const upcoming = rows.filter((r) => !r.past);
    expect(past).toHaveLength(3);
    for (const r of past) {
      expect(r.came).toBeGreaterThan(0);
      expect(r.ticked).toBe(r.came);
      // Feedback from those who came, enough to be shown (five or more), one answer per giver.
      expect(r.answers).toBeGreaterThanOrEqual(5);
      expect(r.answers).toBe(r.gave);
    }
    for (const r of upcoming) expect(r.answers).toBe(0);
    // The coordinator sees the past events' feedback (released: enough answers, not all alike).
    const { rows: stops } = await database.pool.query(
      `SELECT e.organization_id, e.id, (SELECT m.user_id FROM memberships m WHERE m.organization_id = e.organization_id AND m.role = 'coordinator' LIMIT 1) AS coordinator
       FROM events e WHERE e.starts_at < now() AND e.status = 'published'`,
    );
    for (const stop of stops) {
      const coordinator = await actorFor(database.db, stop.coordinator, stop.organization_id);
      const feedback = await releasedEventFeedback(coordinator, database.db, { organizationId: stop.organization_id, eventId: stop.id });
      expect(feedback.withheld).toBe(false);
      expect(feedback.overall).toBeGreaterThan(2);
    }
    for (const r of upcoming) expect(r.seats).toBeGreaterThan(0);
    expect(upcoming.filter((r) => r.seats === r.capacity && r.waiting > 0)).toHaveLength(1);
  });

  it('has a dozen good practices: live ones found by the Finnish search, one waiting for review, one with newer work', async () => {
    const { rows } = await database.pool.query(`SELECT state, published_version, latest_version, visibility, language FROM articles`);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => r.published_version !== null).length).toBeGreaterThanOrEqual(11);
    expect(rows.filter((r) => r.state === 'review')).toHaveLength(1);
    expect(rows.filter((r) => r.published_version !== null && r.latest_version > r.published_version)).toHaveLength(1);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['fi', 'sv', 'en']));
    const hits = await searchArticles(database.db, { viewer: { signedIn: false, organizationIds: [] }, query: 'tuen', theme: null });
    expect(hits[0]?.title).toBe('Yritystuen hakeminen kriisissä');
  });
});

describe('seeding twice', () => {
  it('seedDemoIfEmpty and seedDemo change nothing in a database that has organisations', async () => {
    const before = await database.db.select({ n: count() }).from(users);
    expect(await seedDemoIfEmpty({ db: database.db })).toBe(false);
    expect(await seedDemo({ db: database.db })).toBeNull();
    expect(await database.db.select({ n: count() }).from(users)).toEqual(before);
  });

  it('seedDemoIfEmpty seeds a fresh database once, and only once when two start together', async () => {
    const fresh = await createTestDatabase();
    try {
      const results = await Promise.all([seedDemoIfEmpty({ db: fresh.db }), seedDemoIfEmpty({ db: fresh.db })]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await seedDemoIfEmpty({ db: fresh.db })).toBe(false);
      const [orgs] = await fresh.db.select({ n: count() }).from(organizations);
      expect(orgs?.n).toBe(2);
      // The same seed gives the same demo on every machine.
      const names = async (db: TestDatabase['db']) => (await db.select({ name: users.name }).from(users).orderBy(asc(users.email))).map((r) => r.name);
      expect(await names(fresh.db)).toEqual(await names(database.db));
    } finally {
      await fresh.drop();
    }
  });
});

describe('the demo groups and meetings', () => {
  it('has 10 groups of about four with every format, 18 months of meetings and their follow-up', async () => {
    const q = async (text: string) => (await database.pool.query(text)).rows;
    // The peer groups (the demo trainee's practice group, issue 15, is counted apart).
    const groups = await q('SELECT name, format, status FROM groups WHERE id NOT IN (SELECT practice_group_id FROM enrolments WHERE practice_group_id IS NOT NULL)');
    expect(groups).toHaveLength(10);
    expect(await q('SELECT 1 FROM enrolments WHERE practice_group_id IS NOT NULL')).toHaveLength(1);
    expect(new Set(groups.map((g) => g.format))).toEqual(new Set(['in_person', 'online', 'walking', 'mixed']));
    const members = await q('SELECT count(*)::int AS n, count(DISTINCT user_id)::int AS people FROM group_members');
    expect(members[0].people).toBe(40);
    const [span] = await q('SELECT min(starts_at) AS first, max(starts_at) AS last FROM meetings');
    const monthsBack = (Date.now() - new Date(span.first).getTime()) / (30.4 * 86_400_000);
    expect(monthsBack).toBeGreaterThan(16);
    expect(new Date(span.last).getTime()).toBeGreaterThan(Date.now());
    const [past] = await q(
      "SELECT count(*)::int AS n FROM meetings m WHERE starts_at < now() AND status = 'scheduled' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)",
    );
    expect(past.n).toBe(0); // every held meeting has its attendance register
    const [stepCounts] = await q(
      "SELECT count(*) FILTER (WHERE status = 'done')::int AS done, count(*) FILTER (WHERE status = 'open')::int AS open, count(*)::int AS n FROM steps",
    );
    expect(stepCounts.n).toBeGreaterThan(300);
    expect(stepCounts.done).toBeGreaterThan(0);
    expect(stepCounts.open).toBeGreaterThan(0);
    const [rsvp] = await q('SELECT count(*)::int AS n FROM rsvps');
    expect(rsvp.n).toBeGreaterThan(10);
    const [experts] = await q("SELECT count(*)::int AS n FROM agenda_items WHERE kind = 'expert_segment' AND expert_user_id IS NOT NULL");
    expect(experts.n).toBeGreaterThan(20);
    const [posts] = await q('SELECT count(*)::int AS n FROM board_posts');
    expect(posts.n).toBeGreaterThan(10);
    // Local time is kept across DST: the first group always meets at 17:00 in Helsinki.
    const times = await q(
      "SELECT DISTINCT to_char(m.starts_at AT TIME ZONE 'Europe/Helsinki', 'HH24:MI') AS t FROM meetings m JOIN groups g ON g.id = m.group_id WHERE g.name = 'Porin hyvinvointiyrittäjät'",
    );
    expect(times.map((r) => r.t)).toEqual(['17:00']);
    // The demo entrepreneur is in a group led by the demo facilitator.
    const [tuula] = await q(
      `SELECT count(*)::int AS n FROM group_members gm JOIN users u ON u.id = gm.user_id JOIN group_facilitators gf ON gf.group_id = gm.group_id JOIN users f ON f.id = gf.user_id WHERE u.email = 'yrittaja@demo.tyopeili.fi' AND f.email = 'ohjaaja@demo.tyopeili.fi'`,
    );
    expect(tuula.n).toBe(1);
  });
});

describe('the demo and the hourly invitation job (issue 11, point 9)', () => {
  it('sends no invitations for past or near demo meetings on the first start, and invites later ones as they come near', async () => {
    const jobs = await createJobs(database.url, createLogger('silent'));
    try {
      const appUrl = 'http://localhost:3000';
      const queued = async () => Number((await database.pool.query("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send'")).rows[0].n);
      const before = await queued();
      // The first run after the start, and the one an hour later: nothing.
      expect(await sendDueInvitations(database.db, jobs, { appUrl })).toBe(0);
      expect(await sendDueInvitations(database.db, jobs, { appUrl, now: new Date(Date.now() + 3600_000) })).toBe(0);
      expect(await queued()).toBe(before);
      // A month on, the meetings that then come within the window get theirs — each once.
      const later = new Date(Date.now() + 30 * 86_400_000);
      const sent = await sendDueInvitations(database.db, jobs, { appUrl, now: later });
      expect(sent).toBeGreaterThan(0);
      expect(await sendDueInvitations(database.db, jobs, { appUrl, now: later })).toBe(0);
    } finally {
      await jobs.stop();
    }
  });
});
