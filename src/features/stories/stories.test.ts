// Stories and exit interviews against the real database: consent is tied to the exact text
// (editing voids it and takes a published story off at once), publishing without a valid consent
// is refused, withdrawal unpublishes at once and writes an audit row, only the person decides
// about their own story, other organisations get "not found", and exit interviews are for the
// group's facilitators and the coordinators only, each read logged.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { recordExitInterview, readExitInterviews } from './exit-interviews.ts';
import { publishStory, unpublishStory } from './publish-story.ts';
import { decideOnStory, withdrawStoryConsent } from './story-consent.ts';
import { StoryNotConsentedError, StoryStateError } from './stories.errors.ts';
import { findStory, listConsents, listMyStories, listPublishedStories } from './stories.queries.ts';
import type { StoryForm } from './stories.validation.ts';
import { createStory, updateStory } from './write-story.ts';
import { erasePersonInTransaction } from '../privacy/erase-person.ts';
import { exportRows } from '../privacy/registry-rows.ts';

let database: TestDatabase;
let orgA: string;
let coordinator: Actor;
let facilitator: Actor;
let otherFacilitator: Actor;
let entrepreneur: Actor;
let otherEntrepreneur: Actor;
let strangerCoordinator: Actor;

const form = (over: Partial<StoryForm> = {}): StoryForm => ({
  titleFi: 'Vapaapäivä viikossa',
  titleSv: '',
  titleEn: '',
  bodyFi: 'Opin pitämään yhden vapaapäivän viikossa.',
  bodySv: '',
  bodyEn: '',
  displayName: 'first',
  sector: 'Kampaamo',
  municipality: 'Kuopio',
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  const a = await createTestOrganization(database.db);
  const b = await createTestOrganization(database.db);
  orgA = a.id;
  const make = async (organizationId: string, role: 'coordinator' | 'facilitator' | 'entrepreneur', name?: string) =>
    actorFor(database.db, (await createTestMember(database.db, { organizationId, role, name })).id, organizationId);
  coordinator = await make(orgA, 'coordinator');
  facilitator = await make(orgA, 'facilitator');
  otherFacilitator = await make(orgA, 'facilitator');
  entrepreneur = await make(orgA, 'entrepreneur', 'Sanna Kettunen');
  otherEntrepreneur = await make(orgA, 'entrepreneur');
  strangerCoordinator = await make(b.id, 'coordinator');
});
afterAll(async () => {
  await database?.drop();
});

const draft = () => createStory(facilitator, database, { organizationId: orgA, subjectUserId: entrepreneur.userId, ...form() });
const consent = (storyId: string, contentHash: string, actor = entrepreneur) =>
  decideOnStory(actor, database, { organizationId: orgA, storyId, decision: 'consented', contentHash });
const published = async () => (await listPublishedStories(database.db, { locale: 'fi', limit: 100 })).map((s) => s.slug);
const auditRows = (storyId: string, action: string) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, storyId), eq(auditLog.action, action)));

describe('stories', () => {
  it('refuses to publish without consent, and publishes after consent to the present text', async () => {
    const story = await draft();
    const input = { organizationId: orgA, storyId: story.id };
    await expect(publishStory(coordinator, database, input)).rejects.toBeInstanceOf(StoryNotConsentedError);
    await consent(story.id, story.contentHash);
    const consents = await listConsents(database.db, input);
    expect(consents[0]).toMatchObject({ decision: 'consented', contentHash: story.contentHash, displayName: 'first', userId: entrepreneur.userId });
    await publishStory(coordinator, database, input);
    expect(await published()).toContain(story.slug);
    const [pub] = (await listPublishedStories(database.db, { locale: 'fi', limit: 100 })).filter((s) => s.slug === story.slug);
    // The first name only, as chosen.
    expect(pub!.byline.name).toBe('Sanna');
  });

  it('refuses a consent to a text the person did not see', async () => {
    const story = await draft();
    await expect(consent(story.id, 'f'.repeat(64))).rejects.toBeInstanceOf(StoryStateError);
  });

  it('voids the consent when the text changes: a published story goes off at once and needs a new consent', async () => {
    const story = await draft();
    const input = { organizationId: orgA, storyId: story.id };
    await consent(story.id, story.contentHash);
    await publishStory(coordinator, database, input);
    const { story: edited, consentVoided } = await updateStory(facilitator, database, { ...input, ...form({ bodyFi: 'Opin pitämään kaksi vapaapäivää.' }) });
    expect(consentVoided).toBe(true);
    expect(edited.publishedAt).toBeNull();
    expect(await published()).not.toContain(story.slug);
    await expect(publishStory(coordinator, database, input)).rejects.toBeInstanceOf(StoryNotConsentedError);
    // A change of the display choice alone also voids it.
    await consent(story.id, edited.contentHash);
    const { story: renamed } = await updateStory(facilitator, database, { ...input, ...form({ bodyFi: 'Opin pitämään kaksi vapaapäivää.', displayName: 'full' }) });
    expect(renamed.contentHash).not.toBe(edited.contentHash);
    await expect(publishStory(coordinator, database, input)).rejects.toBeInstanceOf(StoryNotConsentedError);
    // Saving the same text again keeps a valid consent.
    await consent(story.id, renamed.contentHash);
    const { consentVoided: again } = await updateStory(facilitator, database, { ...input, ...form({ bodyFi: 'Opin pitämään kaksi vapaapäivää.', displayName: 'full' }) });
    expect(again).toBe(false);
    await publishStory(coordinator, database, input);
    expect(await published()).toContain(story.slug);
  });

  it('withdrawal unpublishes at once and writes an audit row', async () => {
    const story = await draft();
    const input = { organizationId: orgA, storyId: story.id };
    await consent(story.id, story.contentHash);
    await publishStory(coordinator, database, input);
    const withdrawn = await withdrawStoryConsent(entrepreneur, database, input);
    expect(withdrawn.publishedAt).toBeNull();
    expect(withdrawn.withdrawnAt).not.toBeNull();
    expect(await published()).not.toContain(story.slug);
    const rows = await auditRows(story.id, 'story.withdrawn');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actorUserId).toBe(entrepreneur.userId);
    // Withdrawn: publishing again is refused until the person consents again.
    await expect(publishStory(coordinator, database, input)).rejects.toBeInstanceOf(StoryNotConsentedError);
    const mine = await listMyStories(database.db, { organizationId: orgA, userId: entrepreneur.userId });
    expect(mine.find((s) => s.id === story.id)?.status).toBe('withdrawn');
  });

  it('lets only the person decide about their own story; others in the organisation are refused, other organisations get not found', async () => {
    const story = await draft();
    const input = { organizationId: orgA, storyId: story.id };
    await expect(consent(story.id, story.contentHash, otherEntrepreneur)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(consent(story.id, story.contentHash, coordinator)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(withdrawStoryConsent(otherEntrepreneur, database, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishStory(strangerCoordinator, database, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateStory(strangerCoordinator, database, { ...input, ...form() })).rejects.toBeInstanceOf(NotFoundError);
    await consent(story.id, story.contentHash);
    // The facilitator drafts but does not publish.
    await expect(publishStory(facilitator, database, input)).rejects.toBeInstanceOf(ForbiddenError);
    await publishStory(coordinator, database, input);
    await unpublishStory(coordinator, database, input);
    expect((await findStory(database.db, input))?.publishedAt).toBeNull();
  });

  it('drafts a story only about an entrepreneur of the organisation', async () => {
    await expect(createStory(coordinator, database, { organizationId: orgA, subjectUserId: facilitator.userId, ...form() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createStory(strangerCoordinator, database, { organizationId: orgA, subjectUserId: entrepreneur.userId, ...form() })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('exit interviews', () => {
  it("are recorded and read by the group's facilitators and the coordinators only, each read logged", async () => {
    const group = await createTestGroup(database.db, { organizationId: orgA, facilitatorIds: [facilitator.userId], memberIds: [entrepreneur.userId] });
    const input = { organizationId: orgA, groupId: group.id };
    const answers = {
      userId: entrepreneur.userId,
      interviewedOn: '2026-11-30',
      whatChanged: 'Pidän vapaapäivän.',
      whatHelped: 'Ryhmän peilaus.',
      whatWasHard: 'Aikataulut.',
      whatNext: 'Hinnoittelu.',
      wouldRecommend: 'Kyllä.',
      themes: ['recovery', 'no-such-theme'],
    };
    const row = await recordExitInterview(facilitator, database, { ...input, ...answers });
    expect(row.themes).toEqual(['recovery']);
    await expect(recordExitInterview(otherFacilitator, database, { ...input, ...answers })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(recordExitInterview(facilitator, database, { ...input, ...answers, userId: otherEntrepreneur.userId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await readExitInterviews(coordinator, database, input)).toHaveLength(1);
    expect((await readExitInterviews(facilitator, database, input))[0]).toMatchObject({ whatChanged: 'Pidän vapaapäivän.' });
    await expect(readExitInterviews(entrepreneur, database, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readExitInterviews(otherFacilitator, database, input)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(readExitInterviews(strangerCoordinator, database, input)).rejects.toBeInstanceOf(NotFoundError);
    const reads = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, group.id), eq(auditLog.action, 'read.exit_interviews.group')));
    expect(reads).toHaveLength(2);
  });
});

describe("the person's data", () => {
  it('exports their stories and consents, and erasure removes the stories from the site and the database', async () => {
    const person = await actorFor(database.db, (await createTestMember(database.db, { organizationId: orgA, role: 'entrepreneur', name: 'Pekka Räsänen' })).id, orgA);
    const story = await createStory(coordinator, database, { organizationId: orgA, subjectUserId: person.userId, ...form({ titleFi: 'Pekan tarina' }) });
    await decideOnStory(person, database, { organizationId: orgA, storyId: story.id, decision: 'consented', contentHash: story.contentHash });
    await publishStory(coordinator, database, { organizationId: orgA, storyId: story.id });
    const exported = await exportRows(database.db, { userId: person.userId, email: person.email });
    expect(exported.get('stories')?.map((r) => r.title_fi)).toEqual(['Pekan tarina']);
    expect(exported.get('story_consents')?.map((r) => r.decision)).toEqual(['consented']);
    await database.db.transaction((tx) => erasePersonInTransaction(tx, { userId: person.userId, email: person.email }, {}));
    expect(await findStory(database.db, { organizationId: orgA, storyId: story.id })).toBeNull();
    expect(await published()).not.toContain(story.slug);
  });
});
