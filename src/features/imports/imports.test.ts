// Committing an import against the real database: people matched by e-mail and companies by
// Y-tunnus, so the same file twice changes nothing; a dry run leaves no row and no mail job;
// existing records are completed, never overwritten; staff keep their role; mail only when asked;
// a facilitator and another organisation's coordinator are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, entrepreneurProfiles } from '../companies/companies.schema.ts';
import { memberships } from '../organizations/organizations.schema.ts';
import { commitImport, type ImportDeps } from './commit-import.ts';
import { checkImport, mapColumns } from './import-rows.ts';
import { importedPeople } from './imports.schema.ts';
import { readTable } from './read-table.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: ImportDeps;
let orgA = '';
let coordinator: Actor;
let facilitator: Actor;
let otherCoordinator: Actor;

const file = [
  'Etunimi;Sukunimi;Sähköposti;Syntymävuosi;Sukupuoli;Yritys;Y-tunnus;Kotikunta;Toimiala;Koko',
  'Aino;Aalto;aino.aalto@example.fi;1968;nainen;Aallon Puutyö;0112038-9;Pori;C;yksinyrittäjä',
  'Pekka;Aalto;pekka.aalto@example.fi;1965;mies;Aallon Puutyö;0112038-9;;;',
  'Outi;Ojala;OUTI@example.fi;;;Ojalan Kukka;;Ulvila;G;1–9 henkeä',
  'Kaisa;Koordinaattori;kaisa@example.fi;;;;;;;',
].join('\r\n');

async function check(text: string) {
  const table = await readTable(new TextEncoder().encode(text));
  return checkImport('participants', table, mapColumns('participants', table.headers).mapping, new Date('2026-12-04T10:00:00Z'));
}

async function mailJobs(): Promise<number> {
  const r = await database.pool.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'mail.send' AND data->>'template' = 'importWelcome'`);
  return r.rows[0].n as number;
}

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
  orgA = (await createTestOrganization(database.db, { name: 'Satakunnan Yrityskehitys' })).id;
  const orgB = (await createTestOrganization(database.db, { name: 'Toinen' })).id;
  const c = await createTestMember(database.db, { organizationId: orgA, role: 'coordinator', email: 'kaisa@example.fi', name: 'Kaisa Koordinaattori' });
  coordinator = await actorFor(database.db, c.id, orgA);
  facilitator = await actorFor(database.db, (await createTestMember(database.db, { organizationId: orgA, role: 'facilitator' })).id, orgA);
  otherCoordinator = await actorFor(database.db, (await createTestMember(database.db, { organizationId: orgB, role: 'coordinator' })).id, orgB);
  // Outi already has an account (another organisation's member) with her own name as she wrote it.
  await database.db.insert(users).values({ email: 'outi@example.fi', name: 'Outi Ojala-Nieminen' });
}, 60_000);

afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

describe('committing an import', () => {
  it('a dry run counts what a commit would do and leaves nothing: no row, no mail job', async () => {
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
    const counts = await commitImport(coordinator, deps, { organizationId: orgA, check: await check(file), invite: true, source: 'osallistujat.csv', dryRun: true });
    expect(counts).toEqual({ companies: { created: 2, completed: 0, unchanged: 0 }, people: { created: 2, joined: 1, completed: 0, unchanged: 1 }, invited: 3 });
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(users)).toEqual(before);
    expect(await database.db.select().from(companies).where(eq(companies.organizationId, orgA))).toEqual([]);
    expect(await mailJobs()).toBe(0);
  });

  it('commits people, companies and profiles, one company row for the two Aaltos, and mails only the newly added', async () => {
    const counts = await commitImport(coordinator, deps, { organizationId: orgA, check: await check(file), invite: true, source: 'osallistujat.csv' });
    expect(counts).toEqual({ companies: { created: 2, completed: 0, unchanged: 0 }, people: { created: 2, joined: 1, completed: 0, unchanged: 1 }, invited: 3 });
    const rows = await database.db
      .select({ email: users.email, name: users.name, role: memberships.role, company: companies.name, businessId: companies.businessId, birthYear: entrepreneurProfiles.birthYear, gender: entrepreneurProfiles.gender })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(entrepreneurProfiles, and(eq(entrepreneurProfiles.organizationId, memberships.organizationId), eq(entrepreneurProfiles.userId, memberships.userId)))
      .leftJoin(companies, and(eq(companies.organizationId, memberships.organizationId), eq(companies.id, entrepreneurProfiles.companyId)))
      .where(eq(memberships.organizationId, orgA))
      .orderBy(users.email);
    expect(rows.filter((r) => r.role === 'entrepreneur')).toEqual([
      { email: 'aino.aalto@example.fi', name: 'Aino Aalto', role: 'entrepreneur', company: 'Aallon Puutyö', businessId: '0112038-9', birthYear: 1968, gender: 'female' },
      // Her account's name stays as she wrote it; the spreadsheet does not overwrite it.
      { email: 'outi@example.fi', name: 'Outi Ojala-Nieminen', role: 'entrepreneur', company: 'Ojalan Kukka', businessId: null, birthYear: null, gender: null },
      { email: 'pekka.aalto@example.fi', name: 'Pekka Aalto', role: 'entrepreneur', company: 'Aallon Puutyö', businessId: '0112038-9', birthYear: 1965, gender: 'male' },
    ]);
    // The coordinator on the list keeps her role and gets no entrepreneur profile.
    expect(rows.find((r) => r.email === 'kaisa@example.fi')).toMatchObject({ role: 'coordinator', company: null });
    expect(await database.db.select({ n: sql<number>`count(*)::int` }).from(companies).where(eq(companies.organizationId, orgA))).toEqual([{ n: 2 }]);
    const imported = await database.db.select({ confirmedAt: importedPeople.confirmedAt }).from(importedPeople).where(eq(importedPeople.organizationId, orgA));
    expect(imported).toHaveLength(3);
    expect(await mailJobs()).toBe(3);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, orgA), eq(auditLog.action, 'import.committed')));
    expect(audit).toMatchObject({ actorUserId: coordinator.userId, metadata: { kind: 'participants', source: 'osallistujat.csv', rows: 4, peopleCreated: 2, invited: 3 } });
    const [aino] = await database.db.select().from(users).where(eq(users.email, 'aino.aalto@example.fi'));
    expect(aino!.passwordHash).toBeNull();
  });

  it('the same file again changes nothing and mails no one', async () => {
    const counts = await commitImport(coordinator, deps, { organizationId: orgA, check: await check(file), invite: true, source: 'osallistujat.csv' });
    expect(counts).toEqual({ companies: { created: 0, completed: 0, unchanged: 2 }, people: { created: 0, joined: 0, completed: 0, unchanged: 4 }, invited: 0 });
    expect(await mailJobs()).toBe(3);
  });

  it('a later file completes empty fields and leaves filled ones as they are', async () => {
    const later = ['Nimi;Sähköposti;Puhelin;Syntymävuosi;Yritys;Y-tunnus;Kunta;Toimiala', 'Pekka Aalto;pekka.aalto@example.fi;040 123 4567;1970;Aallon Puutyö;0112038-9;Kankaanpää;F'].join('\n');
    const counts = await commitImport(coordinator, deps, { organizationId: orgA, check: await check(later), invite: false, source: 'lisays.csv' });
    expect(counts).toEqual({ companies: { created: 0, completed: 0, unchanged: 1 }, people: { created: 0, joined: 0, completed: 1, unchanged: 0 }, invited: 0 });
    const [pekka] = await database.db
      .select({ phone: entrepreneurProfiles.phone, birthYear: entrepreneurProfiles.birthYear })
      .from(entrepreneurProfiles)
      .innerJoin(users, eq(users.id, entrepreneurProfiles.userId))
      .where(eq(users.email, 'pekka.aalto@example.fi'));
    expect(pekka).toEqual({ phone: '040 123 4567', birthYear: 1965 });
    const [company] = await database.db.select().from(companies).where(eq(companies.businessId, '0112038-9'));
    expect(company).toMatchObject({ municipality: '609', sector: 'C' });
  });

  it('refuses a facilitator and another organisation\'s coordinator, and writes nothing', async () => {
    const rows = await check(file);
    await expect(commitImport(facilitator, deps, { organizationId: orgA, check: rows, invite: false, source: 'x.csv' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(commitImport(otherCoordinator, deps, { organizationId: orgA, check: rows, invite: false, source: 'x.csv' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(commitImport(null, deps, { organizationId: orgA, check: rows, invite: false, source: 'x.csv' })).rejects.toThrow();
  });
});
