// The knowledge bank against the real database: every version kept, no silent overwrite, the
// way draft → review → published with the live version kept while newer work goes on, who may
// do what (another organisation: not found), visibility in the search, and the Finnish search:
// inflected forms and compound parts find each other, titles rank above bodies, Swedish and
// English articles by their own stems, a typo by title similarity.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/database.ts';
import { actorFor, createTestMember, createTestOrganization } from '../../../tests/factories/organizations.ts';
import { htmlBytes, pngBytes } from '../../../tests/factories/files.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { openArticleFile, uploadArticleFile } from './article-files.ts';
import { publishArticle, returnToAuthor, submitForReview, unpublishArticle } from './article-workflow.ts';
import { ArticleConflictError, ArticleFileRejectedError, ArticleStateError } from './knowledge.errors.ts';
import { findArticle, findVersion, listVersions, searchArticles, type Viewer } from './knowledge.queries.ts';
import type { ArticleForm } from './knowledge.validation.ts';
import { createArticle, saveArticleVersion } from './write-article.ts';

let database: TestDatabase;
let dataDir: string;
let orgA: string;
let orgB: string;
let coordinator: Actor;
let facilitator: Actor;
let otherFacilitator: Actor;
let entrepreneur: Actor;
let strangerCoordinator: Actor;

const form = (over: Partial<ArticleForm> = {}): ArticleForm => ({
  title: 'Artikkeli',
  summary: '',
  body: 'Teksti.',
  language: 'fi',
  visibility: 'public',
  themes: [],
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'tyopeili-knowledge-'));
  const a = await createTestOrganization(database.db);
  const b = await createTestOrganization(database.db);
  orgA = a.id;
  orgB = b.id;
  const make = async (organizationId: string, role: 'coordinator' | 'facilitator' | 'entrepreneur') =>
    actorFor(database.db, (await createTestMember(database.db, { organizationId, role })).id, organizationId);
  coordinator = await make(orgA, 'coordinator');
  facilitator = await make(orgA, 'facilitator');
  otherFacilitator = await make(orgA, 'facilitator');
  entrepreneur = await make(orgA, 'entrepreneur');
  strangerCoordinator = await make(orgB, 'coordinator');
});
afterAll(async () => {
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const deps = () => ({ db: database.db, config: { dataDir } });
const publicViewer: Viewer = { signedIn: false, organizationIds: [] };
const slugsFound = async (query: string, viewer: Viewer = publicViewer, theme: string | null = null) =>
  (await searchArticles(database.db, { viewer, query, theme })).map((h) => h.slug);

async function live(actor: Actor, over: Partial<ArticleForm>) {
  const article = await createArticle(actor, deps(), { ...form(over), organizationId: orgA });
  await publishArticle(coordinator, deps(), { organizationId: orgA, articleId: article.id });
  return article;
}

describe('writing and the way to the site', () => {
  it('a facilitator writes a draft; saving makes versions; a save on an old version is refused, nothing written', async () => {
    const article = await createArticle(facilitator, deps(), {
      ...form({ title: 'Palautuminen arjessa', themes: ['recovery', 'no-such-theme'] }),
      organizationId: orgA,
    });
    expect(article).toMatchObject({ slug: 'palautuminen-arjessa', state: 'draft', latestVersion: 1, publishedVersion: null, themes: ['recovery'] });
    const target = { organizationId: orgA, articleId: article.id };
    const { number } = await saveArticleVersion(facilitator, deps(), {
      ...form({ title: 'Palautuminen arjessa', body: 'Toinen versio.' }),
      ...target,
      basedOn: 1,
    });
    expect(number).toBe(2);
    await expect(saveArticleVersion(facilitator, deps(), { ...form({ body: 'Vanhan päälle.' }), ...target, basedOn: 1 })).rejects.toBeInstanceOf(
      ArticleConflictError,
    );
    const versions = await listVersions(database.db, { organizationId: orgA, id: article.id });
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    expect((await findVersion(database.db, { organizationId: orgA, id: article.id }, 1))!.body).toBe('Teksti.');
    // The same title again gets its own address.
    const twin = await createArticle(coordinator, deps(), { ...form({ title: 'Palautuminen arjessa' }), organizationId: orgA });
    expect(twin.slug).toBe('palautuminen-arjessa-2');
  });

  it('review: the author asks, the coordinator sends back with a note or publishes; the author cannot publish', async () => {
    const article = await createArticle(facilitator, deps(), {
      ...form({ title: 'Ajankäytön pienet askeleet', body: 'Kalenteri ensin.' }),
      organizationId: orgA,
    });
    const target = { organizationId: orgA, articleId: article.id };
    await expect(publishArticle(facilitator, deps(), target)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await submitForReview(facilitator, deps(), target)).state).toBe('review');
    await expect(submitForReview(facilitator, deps(), target)).rejects.toBeInstanceOf(ArticleStateError);
    expect(await returnToAuthor(coordinator, deps(), { ...target, note: 'Lisää esimerkki.' })).toMatchObject({
      state: 'draft',
      reviewNote: 'Lisää esimerkki.',
    });
    await saveArticleVersion(facilitator, deps(), {
      ...form({ title: 'Ajankäytön pienet askeleet', body: 'Kalenteri ensin. Esimerkki: maanantaiaamu.' }),
      ...target,
      basedOn: 1,
    });
    await submitForReview(facilitator, deps(), target);
    const published = await publishArticle(coordinator, deps(), target);
    expect(published).toMatchObject({ state: 'published', publishedVersion: 2, reviewNote: null });
    await expect(publishArticle(coordinator, deps(), target)).rejects.toBeInstanceOf(ArticleStateError);
    expect(await slugsFound('maanantaiaamu')).toEqual([article.slug]);
  });

  it('a newer version is worked on beside the live one; the site and the search keep the live one until it is published', async () => {
    const article = await live(facilitator, { title: 'Hinnoittelu palveluyrityksessä', body: 'Laske tuntihinta.' });
    const target = { organizationId: orgA, articleId: article.id };
    await saveArticleVersion(facilitator, deps(), { ...form({ title: 'Hinnoittelu palveluyrityksessä', body: 'Laske katetuotto.' }), ...target, basedOn: 1 });
    const now = (await findArticle(database.db, target))!;
    expect(now).toMatchObject({ state: 'draft', publishedVersion: 1, latestVersion: 2 });
    expect(await slugsFound('tuntihinta')).toEqual([article.slug]);
    expect(await slugsFound('katetuotto')).toEqual([]);
    await publishArticle(coordinator, deps(), target);
    expect(await slugsFound('katetuotto')).toEqual([article.slug]);
    expect(await slugsFound('tuntihinta')).toEqual([]);
    await unpublishArticle(coordinator, deps(), target);
    expect(await slugsFound('katetuotto')).toEqual([]);
    expect((await findArticle(database.db, target))!.publishedVersion).toBeNull();
  });

  it('only writers create; an author edits their own, not another’s; another organisation gets not found', async () => {
    await expect(createArticle(entrepreneur, deps(), { ...form(), organizationId: orgA })).rejects.toBeInstanceOf(ForbiddenError);
    const article = await createArticle(facilitator, deps(), { ...form({ title: 'Oma juttu' }), organizationId: orgA });
    const target = { organizationId: orgA, articleId: article.id };
    await expect(saveArticleVersion(otherFacilitator, deps(), { ...form(), ...target, basedOn: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveArticleVersion(strangerCoordinator, deps(), { ...form(), ...target, basedOn: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(publishArticle(strangerCoordinator, deps(), target)).rejects.toBeInstanceOf(NotFoundError);
    expect((await saveArticleVersion(coordinator, deps(), { ...form({ title: 'Oma juttu' }), ...target, basedOn: 1 })).number).toBe(2);
  });
});

describe('search', () => {
  beforeAll(async () => {
    await live(coordinator, {
      title: 'Yritystuen hakeminen kriisissä',
      summary: 'Mistä tukea saa.',
      body: 'Kunnan tuen ehdot kannattaa lukea ajoissa.',
      themes: ['crisis'],
    });
    await live(coordinator, { title: 'Asiakaspalvelu kuntoon', body: 'Moni hakee tukea asiakaspalveluun vasta myöhään.' });
    await live(coordinator, { title: 'Somemarkkinointi pienyrittäjälle', body: 'Julkaise säännöllisesti ja vastaa kommentteihin.', themes: ['marketing'] });
    await live(coordinator, { title: 'Stöd för företagare', body: 'Företagen kan söka stöd från kommunen.', language: 'sv' });
    await live(coordinator, { title: 'Pricing your services', body: 'Most small firms underprice their services.', language: 'en' });
    await live(coordinator, {
      title: 'Vain meidän väelle: tietosuojan muistilista',
      body: 'Asiakasrekisteri ja tietosuojaseloste.',
      visibility: 'organization',
    });
    await live(coordinator, { title: 'Kirjautuneille: tietosuoja etätyössä', body: 'Salasanat ja tietosuoja.', visibility: 'signed_in' });
  });

  it.each(['tuki', 'tuen', 'tukea', 'tuella'])('a form of “tuki” (%s) finds the article using other forms and compounds, title first', async (q) => {
    const found = await slugsFound(q);
    expect(found.slice(0, 2)).toEqual(['yritystuen-hakeminen-kriisissa', 'asiakaspalvelu-kuntoon']);
  });

  it('the last part of a compound finds the compound', async () => {
    expect(await slugsFound('markkinointi')).toEqual(['somemarkkinointi-pienyrittajalle']);
    expect(await slugsFound('markkinoinnista')).toEqual(['somemarkkinointi-pienyrittajalle']);
  });

  it('every word of the query must match', async () => {
    expect(await slugsFound('tuki ehto')).toEqual(['yritystuen-hakeminen-kriisissa']);
  });

  it('Swedish and English articles by their own stems', async () => {
    expect(await slugsFound('företag')).toEqual(['stod-for-foretagare']);
    expect(await slugsFound('price')).toEqual(['pricing-your-services']);
  });

  it('a theme narrows the list', async () => {
    expect(await slugsFound('', publicViewer, 'marketing')).toEqual(['somemarkkinointi-pienyrittajalle']);
  });

  it('a typo in a title is still found by similarity', async () => {
    expect(await slugsFound('somemarkinointi')).toContain('somemarkkinointi-pienyrittajalle');
  });

  it('visibility: the public sees public articles; signed-in people more; the organisation’s people their own', async () => {
    const own = 'vain-meidan-vaelle-tietosuojan-muistilista';
    const signedIn = 'kirjautuneille-tietosuoja-etatyossa';
    expect(await slugsFound('tietosuoja')).toEqual([]);
    expect(await slugsFound('tietosuoja', { signedIn: true, organizationIds: [orgB] })).toEqual([signedIn]);
    expect((await slugsFound('tietosuoja', { signedIn: true, organizationIds: [orgA] })).sort()).toEqual([signedIn, own].sort());
  });

  it('query text with tsquery syntax or SQL is only words', async () => {
    for (const q of ["tuki' OR 1=1 --", 'tuki & !', ':* | (', '\\x00', '<script>']) {
      await expect(searchArticles(database.db, { viewer: publicViewer, query: q, theme: null })).resolves.toBeInstanceOf(Array);
    }
  });
});

describe('files', () => {
  it('a picture is accepted and readable by whoever reads the article; HTML is refused', async () => {
    const article = await live(facilitator, { title: 'Kuvallinen ohje' });
    const target = { organizationId: orgA, articleId: article.id };
    const file = await uploadArticleFile(facilitator, deps(), { ...target, fileName: 'kaavio.png', bytes: pngBytes() });
    expect(file.mediaType).toBe('image/png');
    await expect(uploadArticleFile(facilitator, deps(), { ...target, fileName: 'sivu.png', bytes: htmlBytes() })).rejects.toBeInstanceOf(
      ArticleFileRejectedError,
    );
    await expect(uploadArticleFile(entrepreneur, deps(), { ...target, fileName: 'x.png', bytes: pngBytes() })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await openArticleFile(null, deps(), file.id)).type.mediaType).toBe('image/png');
    await unpublishArticle(coordinator, deps(), target);
    await expect(openArticleFile(null, deps(), file.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openArticleFile(facilitator, deps(), file.id)).file.id).toBe(file.id);
  });
});
