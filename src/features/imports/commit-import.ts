// Use case: a coordinator (or the organisation's admin) commits checked import rows in one
// transaction. People are matched by e-mail (case-insensitive, installation-wide, as accounts
// are) and companies by Y-tunnus within the organisation (by exact name when a row has none), so
// running the same file twice changes nothing the second time. An existing record is only
// completed (empty fields filled), never overwritten: the person's own edits win over a
// spreadsheet. Imported accounts have no password; they sign in with an e-mailed code and are
// asked on their first sign-in to confirm what was imported (imported_people). Mail goes out only
// when the caller asks (`invite`).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db, Tx } from '../../platform/db/db.ts';
import type { Jobs } from '../../platform/jobs/jobs.ts';
import { enqueueMail } from '../../platform/mail/mail.ts';
import { authorize, importPolicy } from '../../platform/policy/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { users } from '../accounts/accounts.schema.ts';
import { companies, entrepreneurProfiles } from '../companies/companies.schema.ts';
import { memberships, organizations } from '../organizations/organizations.schema.ts';
import type { ImportCheck, ImportCompany, ImportPerson } from './import-rows.ts';
import { importedPeople } from './imports.schema.ts';

export interface ImportDeps {
  db: Db;
  jobs: Jobs;
  config: { appUrl: string };
}

export interface ImportCounts {
  companies: { created: number; completed: number; unchanged: number };
  people: { created: number; joined: number; completed: number; unchanged: number };
  invited: number;
}

type Outcome = 'created' | 'completed' | 'unchanged';

/** Only the empty fields of `current` that `incoming` can fill. */
function fillBlanks<T extends Record<string, unknown>>(current: T, incoming: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const [key, value] of Object.entries(incoming) as [keyof T, T[keyof T]][]) {
    if (value !== null && value !== undefined && (current[key] === null || current[key] === undefined)) patch[key] = value;
  }
  return patch;
}

async function upsertCompany(tx: Tx, organizationId: string, company: ImportCompany): Promise<{ id: string; outcome: Outcome }> {
  const match = company.businessId
    ? and(eq(companies.organizationId, organizationId), eq(companies.businessId, company.businessId))
    : and(eq(companies.organizationId, organizationId), isNull(companies.businessId), sql`lower(${companies.name}) = lower(${company.name})`);
  const [found] = await tx.select().from(companies).where(match).limit(1).for('update');
  if (!found) {
    const [row] = await tx
      .insert(companies)
      .values({ organizationId, name: company.name, businessId: company.businessId, municipality: company.municipality, sector: company.sector, size: company.size })
      .returning({ id: companies.id });
    return { id: row!.id, outcome: 'created' };
  }
  const patch = fillBlanks(found, { municipality: company.municipality, sector: company.sector, size: company.size });
  if (Object.keys(patch).length === 0) return { id: found.id, outcome: 'unchanged' };
  await tx.update(companies).set(patch).where(and(eq(companies.organizationId, organizationId), eq(companies.id, found.id)));
  return { id: found.id, outcome: 'completed' };
}

async function upsertPerson(
  tx: Tx,
  organizationId: string,
  person: ImportPerson,
  companyId: string | null,
  now: Date,
): Promise<{ userId: string; outcome: Outcome | 'joined'; newMember: boolean }> {
  let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${person.email}`).limit(1).for('update');
  let outcome: Outcome | 'joined' = 'unchanged';
  if (!user) {
    [user] = await tx.insert(users).values({ email: person.email, name: person.name, locale: person.locale, createdAt: now }).returning();
    outcome = 'created';
  }
  const userId = user!.id;
  const [membership] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .limit(1);
  let newMember = false;
  if (!membership) {
    await tx.insert(memberships).values({ organizationId, userId, role: 'entrepreneur', createdAt: now });
    await tx.insert(importedPeople).values({ organizationId, userId, importedAt: now }).onConflictDoNothing();
    newMember = true;
    if (outcome === 'unchanged') outcome = 'joined';
  }
  // Staff members already in the organisation keep their role and get no entrepreneur profile.
  if (!membership || membership.role === 'entrepreneur') {
    const facts = { companyId, birthYear: person.birthYear, gender: person.gender, phone: person.phone };
    const [profile] = await tx
      .select()
      .from(entrepreneurProfiles)
      .where(and(eq(entrepreneurProfiles.organizationId, organizationId), eq(entrepreneurProfiles.userId, userId)))
      .limit(1);
    if (!profile) {
      await tx.insert(entrepreneurProfiles).values({ organizationId, userId, ...facts, createdAt: now });
      if (outcome === 'unchanged') outcome = 'completed';
    } else {
      const patch = fillBlanks(profile, facts);
      if (Object.keys(patch).length > 0) {
        await tx.update(entrepreneurProfiles).set(patch).where(and(eq(entrepreneurProfiles.organizationId, organizationId), eq(entrepreneurProfiles.userId, userId)));
        if (outcome === 'unchanged') outcome = 'completed';
      }
    }
  }
  return { userId, outcome, newMember };
}

export async function commitImport(
  actor: Actor | null,
  deps: ImportDeps,
  input: { organizationId: string; check: ImportCheck; invite: boolean; source: string; dryRun?: boolean },
  options: { now?: Date; onProgress?: (done: number) => void } = {},
): Promise<ImportCounts> {
  const { organizationId, check, invite } = input;
  const now = options.now ?? new Date();
  authorize(actor, { organizationId }, importPolicy.commit);
  const counts: ImportCounts = { companies: { created: 0, completed: 0, unchanged: 0 }, people: { created: 0, joined: 0, completed: 0, unchanged: 0 }, invited: 0 };
  if (check.missingColumns.length) return counts;
  const work = deps.db.transaction(async (tx) => {
    const [organization] = await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, organizationId)).limit(1);
    if (!organization) throw new NotFoundError();
    // One company row per Y-tunnus (or name) in this file, however many people name it.
    const companyIds = new Map<string, string>();
    let done = 0;
    for (const row of check.rows) {
      options.onProgress?.(done++);
      let companyId: string | null = null;
      if (row.company) {
        const key = row.company.businessId ?? `name:${row.company.name.toLocaleLowerCase('fi')}`;
        const known = companyIds.get(key);
        if (known) companyId = known;
        else {
          const { id, outcome } = await upsertCompany(tx, organizationId, row.company);
          counts.companies[outcome] += 1;
          companyIds.set(key, id);
          companyId = id;
        }
      }
      if (row.person) {
        const { userId, outcome, newMember } = await upsertPerson(tx, organizationId, row.person, companyId, now);
        counts.people[outcome] += 1;
        if (invite && newMember) {
          await enqueueMail(tx, deps.jobs, {
            to: row.person.email,
            userId,
            locale: row.person.locale ?? 'fi',
            template: 'importWelcome',
            values: { name: row.person.name, organization: organization.name, link: new URL('/sign-in/code', deps.config.appUrl).toString() },
          });
          counts.invited += 1;
        }
      }
    }
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor?.userId,
      action: 'import.committed',
      targetType: 'organization',
      targetId: organizationId,
      metadata: { kind: check.kind, source: input.source.slice(0, 200), rows: check.rows.length, rejected: check.total - check.rows.length, ...flatCounts(counts) },
    });
    // A dry run does the same work against the same rows and locks, then rolls it all back: its
    // counts are what a commit would do now, and nothing (no row, no mail job) stays.
    if (input.dryRun) throw new DryRunRollback();
    return counts;
  });
  try {
    return await work;
  } catch (error) {
    if (error instanceof DryRunRollback) return counts;
    throw error;
  }
}

class DryRunRollback extends Error {}

function flatCounts(c: ImportCounts): Record<string, number> {
  return {
    companiesCreated: c.companies.created,
    companiesCompleted: c.companies.completed,
    peopleCreated: c.people.created,
    peopleJoined: c.people.joined,
    peopleCompleted: c.people.completed,
    invited: c.invited,
  };
}
