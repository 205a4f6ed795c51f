// The intake use cases against the real database: submit (with its confirmation mail),
// queue filters and sort, contact note, assignment (new or existing forming group,
// invitation, already-a-member), declining with a message, tenant isolation, and the
// carry-over of the application when the invitation is accepted.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { createJobs, type Jobs } from '../../platform/jobs/jobs.ts';
import { createLogger } from '../../platform/logger.ts';
import { companies, entrepreneurProfiles } from '../companies/companies.schema.ts';
import { groupFacilitators, groupMembers, groups } from '../groups/groups.schema.ts';
import { createTestMeeting } from '../../../tests/factories/groups.ts';
import { formatDateTime } from '../../platform/i18n/i18n.ts';
import { renderMail } from '../../platform/mail/render.ts';
import { acceptInvitation } from '../organizations/accept-invitation.ts';
import type { OrganizationDeps } from '../organizations/organizations.deps.ts';
import { invitations } from '../organizations/organizations.schema.ts';
import { assignApplication } from './assign-application.ts';
import { carryOverApplication } from './carry-over.ts';
import { declineApplication } from './decline-application.ts';
import { ApplicationClosedError, GroupNotFormingError } from './intake.errors.ts';
import { findApplication, listApplications } from './intake.queries.ts';
import { applications } from './intake.schema.ts';
import { applicationSchema, type ApplicationInput } from './intake.validation.ts';
import { saveContactNote } from './save-contact-note.ts';
import { submitApplication } from './submit-application.ts';

let database: TestDatabase;
let jobs: Jobs;
let deps: OrganizationDeps;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await createJobs(database.url, createLogger('silent'));
  deps = { db: database.db, jobs, config: { appUrl: 'https://tyopeili.example' } };
});
afterAll(async () => {
  await jobs?.stop();
  await database?.drop();
});

const email = (label: string) => `${label}.${Math.random().toString(36).slice(2, 8)}@example.fi`;

async function mailsTo(to: string): Promise<{ locale: string; template: string; values: Record<string, string> }[]> {
  const { rows } = await database.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on`, [to]);
  return rows.map((r) => r.data);
}

function input(organizationId: string, overrides: Record<string, unknown> = {}): ApplicationInput {
  return applicationSchema().parse({
    organizationId,
    name: 'Kaarina Mäkinen',
    email: email('kaarina'),
    phone: '040 555 1234',
    companyName: 'Hoivapalvelu Mäkinen',
    businessId: '0112038-9',
    sector: 'sote',
    size: 'micro',
    municipality: '609',
    birthYear: '1962',
    formats: ['in_person', 'walking'],
    locale: 'sv',
    availability: 'Tiistai-illat',
    hopes: 'Jaksamista',
    consent: 'on',
    ...overrides,
  });
}

async function setup() {
  const org = await createTestOrganization(database.db);
  const coordinatorUser = await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' });
  const coordinator = await actorFor(database.db, coordinatorUser.id, org.id);
  return { org, coordinator };
}

describe('submitting an application', () => {
  it('saves it as new and queues the confirmation in the chosen language', async () => {
    const { org } = await setup();
    const data = input(org.id);
    const { applicationId } = await submitApplication(deps, data);
    const row = await findApplication(database.db, { organizationId: org.id, applicationId });
    expect(row).toMatchObject({ status: 'new', name: 'Kaarina Mäkinen', businessId: '0112038-9', municipality: '609', birthYear: 1962, formats: ['in_person', 'walking'], locale: 'sv' });
    expect(row?.consentAt).toBeInstanceOf(Date);
    expect(await mailsTo(data.email)).toEqual([{ to: data.email, locale: 'sv', template: 'applicationReceived', values: { name: 'Kaarina Mäkinen', organization: org.name } }]);
  });

  it('refuses an unknown organisation and saves nothing', async () => {
    const data = input('0190a000-0000-7000-8000-0000000000ff');
    await expect(submitApplication(deps, data)).rejects.toThrow(NotFoundError);
    expect(await mailsTo(data.email)).toEqual([]);
  });
});

describe('the queue', () => {
  it('filters by status, sector, municipality and format, sorts, and shows only the organisation’s own', async () => {
    const { org } = await setup();
    const other = await setup();
    const t0 = Date.now();
    const a = await submitApplication(deps, input(org.id, { name: 'Bertta', sector: 'sote', municipality: '609', formats: ['online'] }), { now: new Date(t0 - 3000) });
    const b = await submitApplication(deps, input(org.id, { name: 'aapo', sector: 'C', municipality: '684', formats: ['walking'] }), { now: new Date(t0 - 2000) });
    const c = await submitApplication(deps, input(org.id, { name: 'Cecilia', sector: 'sote', municipality: '684', formats: ['online', 'walking'] }), { now: new Date(t0 - 1000) });
    await submitApplication(deps, input(other.org.id, { name: 'Muu' }));
    const ids = async (filter: Record<string, unknown>) =>
      (await listApplications(database.db, { organizationId: org.id, filter: { sort: 'newest', ...filter } })).map((r) => r.id);
    expect(await ids({})).toEqual([c.applicationId, b.applicationId, a.applicationId]);
    expect(await ids({ sort: 'oldest' })).toEqual([a.applicationId, b.applicationId, c.applicationId]);
    expect(await ids({ sort: 'name' })).toEqual([b.applicationId, a.applicationId, c.applicationId]);
    expect(await ids({ sector: 'sote' })).toEqual([c.applicationId, a.applicationId]);
    expect(await ids({ municipality: '684' })).toEqual([c.applicationId, b.applicationId]);
    expect(await ids({ format: 'walking' })).toEqual([c.applicationId, b.applicationId]);
    const coordinator = await actorFor(database.db, (await createTestMember(database.db, { organizationId: org.id, role: 'coordinator' })).id, org.id);
    await saveContactNote(coordinator, deps, { organizationId: org.id, applicationId: a.applicationId, note: 'Soitettu' });
    expect(await ids({ status: 'contacted' })).toEqual([a.applicationId]);
    expect(await ids({ status: 'new' })).toEqual([c.applicationId, b.applicationId]);
  });
});

describe('contact note', () => {
  it('saves the note and marks a new application contacted; others cannot', async () => {
    const { org, coordinator } = await setup();
    const other = await setup();
    const { applicationId } = await submitApplication(deps, input(org.id));
    await expect(saveContactNote(other.coordinator, deps, { organizationId: org.id, applicationId, note: 'Vieras' })).rejects.toThrow(NotFoundError);
    const facilitator = await actorFor(database.db, (await createTestMember(database.db, { organizationId: org.id, role: 'facilitator' })).id, org.id);
    await expect(saveContactNote(facilitator, deps, { organizationId: org.id, applicationId, note: 'Ohjaaja' })).rejects.toThrow(ForbiddenError);
    await saveContactNote(coordinator, deps, { organizationId: org.id, applicationId, note: 'Soitin 20.11., sopii tiistaisin.' });
    expect(await findApplication(database.db, { organizationId: org.id, applicationId })).toMatchObject({ status: 'contacted', contactNote: 'Soitin 20.11., sopii tiistaisin.' });
  });
});

describe('assigning', () => {
  it('to a new group: creates a forming group, invites the applicant as an entrepreneur in their language, and records the group', async () => {
    const { org, coordinator } = await setup();
    const data = input(org.id);
    const { applicationId } = await submitApplication(deps, data);
    const result = await assignApplication(coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'new', name: 'Porin kevätryhmä' } });
    const [group] = await database.db.select().from(groups).where(and(eq(groups.organizationId, org.id), eq(groups.id, result.groupId)));
    expect(group).toMatchObject({ name: 'Porin kevätryhmä', status: 'forming', format: 'mixed' });
    expect(await findApplication(database.db, { organizationId: org.id, applicationId })).toMatchObject({ status: 'assigned', groupId: result.groupId, handledBy: coordinator.userId });
    const [invitation] = await database.db.select().from(invitations).where(eq(invitations.id, result.invitationId!));
    expect(invitation).toMatchObject({ organizationId: org.id, email: data.email, role: 'entrepreneur', name: 'Kaarina Mäkinen' });
    expect((await mailsTo(data.email)).map((m) => [m.template, m.locale])).toEqual([
      ['applicationReceived', 'sv'],
      ['groupInvitation', 'sv'],
    ]);
    // Handled: a second assignment or a decline is refused.
    await expect(assignApplication(coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'existing', groupId: result.groupId } })).rejects.toThrow(ApplicationClosedError);
    await expect(declineApplication(coordinator, deps, { organizationId: org.id, applicationId, message: 'Ei' })).rejects.toThrow(ApplicationClosedError);
  });

  it('accepting the invitation carries the application over (acceptInvitation calls carryOverApplication): group membership, profile and company', async () => {
    const { org, coordinator } = await setup();
    const data = input(org.id, { businessId: '', companyName: 'Tmi Kaarina' });
    const { applicationId } = await submitApplication(deps, data);
    const { groupId, invitationToken } = await assignApplication(coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'new', name: 'Rauman ryhmä' } });
    const accepted = await acceptInvitation(null, deps, { token: invitationToken!, newAccount: { name: 'Kaarina Mäkinen', password: 'kaarinan oma pitkä salasana', locale: 'sv' } });
    const members = await database.db.select().from(groupMembers).where(and(eq(groupMembers.organizationId, org.id), eq(groupMembers.groupId, groupId)));
    expect(members.map((m) => m.userId)).toEqual([accepted.userId]);
    const [profile] = await database.db.select().from(entrepreneurProfiles).where(and(eq(entrepreneurProfiles.organizationId, org.id), eq(entrepreneurProfiles.userId, accepted.userId)));
    expect(profile).toMatchObject({ birthYear: 1962, phone: '040 555 1234' });
    const [company] = await database.db.select().from(companies).where(eq(companies.id, profile!.companyId!));
    expect(company).toMatchObject({ organizationId: org.id, name: 'Tmi Kaarina', businessId: null, sector: 'sote', size: 'micro', municipality: '609' });
    // Idempotent, and the e-mail matches case-insensitively.
    expect(await database.db.transaction((tx) => carryOverApplication(tx, { organizationId: org.id, email: data.email.toUpperCase(), userId: accepted.userId }))).toMatchObject({ applicationId, groupId });
    expect((await database.db.select().from(groupMembers).where(eq(groupMembers.organizationId, org.id))).length).toBe(1);
    expect((await database.db.select().from(companies).where(eq(companies.organizationId, org.id))).length).toBe(1);
    // Nobody else is carried over.
    expect(await database.db.transaction((tx) => carryOverApplication(tx, { organizationId: org.id, email: 'someone.else@example.fi', userId: accepted.userId }))).toBeNull();
  });

  it('to an existing forming group only; a member already joins the group at once without an invitation to the organisation', async () => {
    const { org, coordinator } = await setup();
    const [forming] = await database.db.insert(groups).values({ organizationId: org.id, name: 'Syysryhmä', status: 'forming' }).returning();
    const [active] = await database.db.insert(groups).values({ organizationId: org.id, name: 'Käynnissä', status: 'active' }).returning();
    const member = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur', email: email('jasen') });
    const { applicationId } = await submitApplication(deps, input(org.id, { email: member.email }));
    await expect(assignApplication(coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'existing', groupId: active!.id } })).rejects.toThrow(GroupNotFormingError);
    const result = await assignApplication(coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'existing', groupId: forming!.id } });
    expect(result).toEqual({ groupId: forming!.id, invitationId: null, invitationToken: null });
    const members = await database.db.select().from(groupMembers).where(and(eq(groupMembers.organizationId, org.id), eq(groupMembers.groupId, forming!.id)));
    expect(members.map((m) => m.userId)).toEqual([member.id]);
  });

  it('the invitation names the group, its facilitator and its first meeting; a member already is told the same (issue 11, point 9)', async () => {
    const { org, coordinator } = await setup();
    const facilitator = await createTestMember(database.db, { organizationId: org.id, role: 'facilitator', name: 'Outi Ohjaaja' });
    const [forming] = await database.db.insert(groups).values({ organizationId: org.id, name: 'Kevätryhmä Pori', status: 'forming' }).returning();
    await database.db.insert(groupFacilitators).values({ organizationId: org.id, groupId: forming!.id, userId: facilitator.id });
    const first = new Date('2027-03-02T15:00:00Z');
    await createTestMeeting(database.db, { organizationId: org.id, groupId: forming!.id, startsAt: new Date('2027-02-23T15:00:00Z'), status: 'cancelled' });
    await createTestMeeting(database.db, { organizationId: org.id, groupId: forming!.id, startsAt: new Date('2027-04-06T14:00:00Z') });
    await createTestMeeting(database.db, { organizationId: org.id, groupId: forming!.id, startsAt: first });
    const now = new Date('2027-02-01T10:00:00Z');
    const data = input(org.id, { locale: 'sv' });
    const { applicationId } = await submitApplication(deps, data);
    await assignApplication(coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'existing', groupId: forming!.id } }, { now });
    const invitation = (await mailsTo(data.email)).find((m) => m.template === 'groupInvitation')!;
    const when = formatDateTime('sv', first, 'weekday');
    expect(invitation).toMatchObject({ locale: 'sv', values: { group: 'Kevätryhmä Pori', facilitator: 'Outi Ohjaaja', firstMeeting: `${when} (finsk tid)`, organization: org.name } });
    const text = renderMail(invitation as never).text;
    expect(text).toContain('kamratgrupp Kevätryhmä Pori');
    expect(text).toContain('Handledare: Outi Ohjaaja');
    expect(text).toContain(`Första träffen: ${when} (finsk tid)`);
    expect(text).toMatch(/https:\/\/tyopeili\.example\/invitation\/\S+/);
    // A new group with no facilitator or meeting yet says so, in the applicant's language.
    const second = input(org.id, { locale: 'fi' });
    const { applicationId: otherId } = await submitApplication(deps, second);
    await assignApplication(coordinator, deps, { organizationId: org.id, applicationId: otherId, target: { kind: 'new', name: 'Uusi ryhmä' } }, { now });
    expect((await mailsTo(second.email)).find((m) => m.template === 'groupInvitation')).toMatchObject({ values: { group: 'Uusi ryhmä', facilitator: 'kerrotaan pian', firstMeeting: 'sovitaan pian, saat siitä kutsun' } });
    // A member already joins at once and gets the same facts with a link to the group.
    const member = await createTestMember(database.db, { organizationId: org.id, role: 'entrepreneur', email: email('jo.jasen') });
    const { applicationId: memberApplication } = await submitApplication(deps, input(org.id, { email: member.email, locale: 'en' }));
    await assignApplication(coordinator, deps, { organizationId: org.id, applicationId: memberApplication, target: { kind: 'existing', groupId: forming!.id } }, { now });
    const told = (await mailsTo(member.email)).find((m) => m.template === 'groupAssigned')!;
    expect(told).toMatchObject({ locale: 'en', values: { group: 'Kevätryhmä Pori', facilitator: 'Outi Ohjaaja', firstMeeting: `${formatDateTime('en', first, 'weekday')} (Finnish time)`, url: `https://tyopeili.example/groups/${forming!.id}` } });
  });

  it('refuses a coordinator of another organisation (404) and changes nothing', async () => {
    const { org } = await setup();
    const other = await setup();
    const { applicationId } = await submitApplication(deps, input(org.id));
    await expect(assignApplication(other.coordinator, deps, { organizationId: org.id, applicationId, target: { kind: 'new', name: 'Vieras ryhmä' } })).rejects.toThrow(NotFoundError);
    expect(await findApplication(database.db, { organizationId: org.id, applicationId })).toMatchObject({ status: 'new', groupId: null });
    expect(await database.db.select().from(groups).where(eq(groups.organizationId, org.id))).toEqual([]);
  });
});

describe('declining', () => {
  it('records the message and mails it to the applicant in their language', async () => {
    const { org, coordinator } = await setup();
    const data = input(org.id, { locale: 'en' });
    const { applicationId } = await submitApplication(deps, data);
    await declineApplication(coordinator, deps, { organizationId: org.id, applicationId, message: 'Ryhmät ovat täynnä tänä keväänä.' });
    expect(await findApplication(database.db, { organizationId: org.id, applicationId })).toMatchObject({ status: 'declined', declineMessage: 'Ryhmät ovat täynnä tänä keväänä.' });
    const mails = await mailsTo(data.email);
    expect(mails[1]).toMatchObject({ template: 'applicationDeclined', locale: 'en', values: { name: 'Kaarina Mäkinen', organization: org.name, message: 'Ryhmät ovat täynnä tänä keväänä.' } });
    const rows = await database.db.select().from(applications).where(eq(applications.organizationId, org.id));
    expect(rows).toHaveLength(1);
  });
});
