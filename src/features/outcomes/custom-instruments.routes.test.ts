// Custom instruments over HTTP against the real app and database: a coordinator defines one
// with the form (bad input: a translated error, nothing stored), it is asked in the members'
// check-ins and scored by its own rule, it can be chosen in the evaluation, downloaded as JSON
// and imported again; answered instruments are retired, not deleted; the pulse stays short.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { checkIns, checkInScores, customInstruments } from './outcomes.schema.ts';

let app: TestApp;
let orgA = '';
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  orgA = (await createTestOrganization(db)).id;
  const orgB = (await createTestOrganization(db)).id;
  const people = [
    ['coordinator', orgA, 'coordinator'],
    ['facilitator', orgA, 'facilitator'],
    ['funder', orgA, 'funder'],
    ['m1', orgA, 'entrepreneur'],
    ['m2', orgA, 'entrepreneur'],
    ['otherCoordinator', orgB, 'coordinator'],
  ] as const;
  for (const [key, organizationId, role] of people) {
    const user = await createTestMember(db, { organizationId, role });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  await createTestGroup(db, { organizationId: orgA, facilitatorIds: [ids.facilitator!], memberIds: [ids.m1!, ids.m2!] });
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
}
function post(path: string, fields: Record<string, string>, who: string) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

const definition = {
  intent: 'define',
  nameFi: 'Jaksaminen yrittäjänä',
  nameEn: 'Coping as an entrepreneur',
  itemsFi: 'Jaksan hyvin arjessa\nMinulla on liikaa töitä\nSaan levättyä riittävästi',
  scaleMin: '1',
  scaleMax: '5',
  minLabelFi: 'Täysin eri mieltä',
  maxLabelFi: 'Täysin samaa mieltä',
  method: 'sum',
  reverseItems: '2',
  multiplier: '1',
  higherIsBetter: 'yes',
  bands: '3–7 Heikko\n8–11 Kohtalainen\n12–15 Hyvä',
  missing: 'none',
  askIn: 'full',
  source: 'Keski-Suomen yrityspalveluiden oma kysely (2026).',
  licence: 'Oma, vapaa käyttö.',
  licenceConfirmed: 'yes',
  alpha: '0,78',
  alphaSource: 'Pilotti 2026, n = 64',
};
const customId = 'custom-jaksaminen-yrittajana';

async function baselineOf(who: string): Promise<string> {
  const [row] = await app.database.db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.userId, ids[who]!), eq(checkIns.kind, 'baseline')));
  return row!.id;
}

describe('/organization/instruments', () => {
  it('shows the built-in instruments with sources and licences to coordinators and funders only', async () => {
    const page = await get('/organization/instruments', 'coordinator');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('WHO-5 hyvinvointi-indeksi');
    expect(html).toContain('Käyttöoikeus tarkistettava ennen tuotantokäyttöä');
    expect(html).toContain('href="/organization/instruments/new"');
    const funder = await get('/organization/instruments', 'funder');
    expect(funder.status).toBe(200);
    expect(await funder.text()).not.toContain('href="/organization/instruments/new"');
    expect((await get('/organization/instruments', 'facilitator')).status).toBe(403);
    expect((await get('/organization/instruments', 'm1')).status).toBe(403);
    expect((await get('/organization/instruments/new', 'funder')).status).toBe(403);
    expect((await get('/organization/instruments')).status).toBe(302);
  });

  it('refuses a broken definition with Finnish errors and stores nothing', async () => {
    const bad = await post('/organization/instruments/new', { ...definition, scaleMax: '1', licenceConfirmed: '' }, 'coordinator');
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('Suurimman vastauksen pitää olla pienintä suurempi');
    expect(html).toContain('Vahvista käyttöoikeus.');
    expect(html).toContain('Jaksaminen yrittäjänä');
    expect(await app.database.db.select().from(customInstruments)).toEqual([]);
    expect((await post('/organization/instruments/new', definition, 'funder')).status).toBe(403);
  });

  it('defines an instrument, audit-logged', async () => {
    const created = await post('/organization/instruments/new', definition, 'coordinator');
    expect(created.status).toBe(302);
    expect(created.headers.get('location')).toBe('/organization/instruments?done=defined');
    const [row] = await app.database.db.select().from(customInstruments).where(eq(customInstruments.organizationId, orgA));
    expect(row).toMatchObject({ id: customId, askIn: 'full', status: 'active' });
    expect(row!.definition.reliability?.value).toBe(0.78);
    const audit = await app.database.db.select().from(auditLog).where(eq(auditLog.action, 'outcomes.instrument_defined'));
    expect(audit).toHaveLength(1);
    const page = await (await get('/organization/instruments?done=defined', 'coordinator')).text();
    expect(page).toContain('Mittari on lisätty');
    expect(page).toContain('Jaksaminen yrittäjänä');
  });

  it('is asked in the check-in and scored by its own rule', async () => {
    expect((await post('/profile/measurement', { intent: 'give' }, 'm1')).status).toBe(302);
    expect((await get('/check-in', 'm1')).status).toBe(200);
    const checkInId = await baselineOf('m1');
    const form = await (await get(`/check-in/${checkInId}`, 'm1')).text();
    expect(form).toContain('Jaksaminen yrittäjänä');
    expect(form).toContain(`name="${customId}__q2"`);
    // Answer order is data: WHO-5 from "Koko ajan" down as its manual prints it; the rest from the lowest up.
    expect(form.indexOf('>Koko ajan<')).toBeLessThan(form.indexOf('>Ei koskaan<'));
    expect(form.indexOf('>Tuskin koskaan<')).toBeLessThan(form.indexOf('>Usein<'));
    expect(form.indexOf('>1 – Täysin eri mieltä<')).toBeLessThan(form.indexOf('>5 – Täysin samaa mieltä<'));
    const answers = {
      'who-5__cheerful': '3',
      'who-5__calm': '3',
      'who-5__active': '3',
      'who-5__rested': '3',
      'who-5__interest': '3',
      'work-ability-score__current': '7',
      'life-satisfaction__overall': '8',
      'three-item-loneliness__companionship': '1',
      'three-item-loneliness__left-out': '2',
      'three-item-loneliness__isolated': '1',
    };
    // Missing custom answers block the submission like any scored scale's.
    const missing = await post(`/check-in/${checkInId}`, { ...answers, intent: 'submit' }, 'm1');
    expect(missing.status).toBe(400);
    // An answer outside the 1–5 scale is refused.
    expect((await post(`/check-in/${checkInId}`, { ...answers, [`${customId}__q1`]: '6', intent: 'save' }, 'm1')).status).toBe(400);
    const sent = await post(
      `/check-in/${checkInId}`,
      { ...answers, [`${customId}__q1`]: '4', [`${customId}__q2`]: '2', [`${customId}__q3`]: '3', intent: 'submit' },
      'm1',
    );
    expect(sent.status).toBe(302);
    // 4 + (1 + 5 − 2) + 3 = 11 → "Kohtalainen"
    const [score] = await app.database.db
      .select()
      .from(checkInScores)
      .where(and(eq(checkInScores.checkInId, checkInId), eq(checkInScores.instrumentId, customId)));
    expect(Number(score!.score)).toBe(11);
    expect(score!.band).toBe('band-2');
    const progress = await (await get('/progress', 'm1')).text();
    expect(progress).toContain('Jaksaminen yrittäjänä');
  });

  it('can be chosen in the evaluation', async () => {
    const html = await (await get(`/evaluation?instrument=${customId}`, 'funder')).text();
    expect(html).toContain(`<option value="${customId}" selected="">Jaksaminen yrittäjänä</option>`);
    expect(html).toContain('href="/organization/instruments"');
  });

  it('downloads as JSON (own organisation only) and imports again under a new id', async () => {
    const download = await get(`/organization/instruments/${customId}/definition.json`, 'funder');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('application/json');
    const json = await download.text();
    expect(JSON.parse(json).id).toBe(customId);
    expect((await get(`/organization/instruments/${customId}/definition.json`, 'otherCoordinator')).status).toBe(404);
    expect((await get(`/organization/instruments/custom-nothing/definition.json`, 'coordinator')).status).toBe(404);

    const broken = await post(
      '/organization/instruments/new',
      { intent: 'import', definition: '{"id": 1}', askInJson: 'full', licenceConfirmedJson: 'yes' },
      'coordinator',
    );
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain('Määrittely ei kelpaa');
    const imported = await post(
      '/organization/instruments/new',
      { intent: 'import', definition: json, askInJson: 'full', licenceConfirmedJson: 'yes' },
      'coordinator',
    );
    expect(imported.status).toBe(302);
    const rows = await app.database.db.select({ id: customInstruments.id }).from(customInstruments).where(eq(customInstruments.organizationId, orgA));
    expect(rows.map((r) => r.id).sort()).toEqual([customId, `${customId}-2`]);
  });

  it('retires an answered instrument instead of deleting it, and deletes an unanswered one', async () => {
    const refused = await post('/organization/instruments', { intent: 'delete', instrumentId: customId }, 'coordinator');
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Mittariin on jo vastattu');
    expect((await post('/organization/instruments', { intent: 'retire', instrumentId: customId }, 'coordinator')).status).toBe(302);
    expect((await post('/organization/instruments', { intent: 'delete', instrumentId: `${customId}-2` }, 'coordinator')).status).toBe(302);
    const rows = await app.database.db.select().from(customInstruments).where(eq(customInstruments.organizationId, orgA));
    expect(rows.map((r) => [r.id, r.status])).toEqual([[customId, 'retired']]);
    // No longer asked: the next member's baseline does not show it; its scores stay evaluable.
    expect((await post('/profile/measurement', { intent: 'give' }, 'm2')).status).toBe(302);
    await get('/check-in', 'm2');
    const form = await (await get(`/check-in/${await baselineOf('m2')}`, 'm2')).text();
    expect(form).not.toContain('Jaksaminen yrittäjänä');
    expect(await (await get(`/evaluation?instrument=${customId}`, 'coordinator')).text()).toContain(`<option value="${customId}" selected="">`);
    // Unknown ids and other roles change nothing.
    expect((await post('/organization/instruments', { intent: 'retire', instrumentId: 'custom-nothing' }, 'coordinator')).status).toBe(404);
    expect((await post('/organization/instruments', { intent: 'activate', instrumentId: customId }, 'funder')).status).toBe(403);
    expect((await post('/organization/instruments', { intent: 'explode', instrumentId: customId }, 'coordinator')).status).toBe(400);
  });

  it('keeps the pulse short: one single-question instrument of your own at a time', async () => {
    const pulse = {
      ...definition,
      nameFi: 'Tapaamisen hyöty',
      itemsFi: 'Kuinka paljon tapaaminen auttoi sinua?',
      reverseItems: '',
      bands: '',
      askIn: 'pulse',
      alpha: '',
      alphaSource: '',
    };
    expect((await post('/organization/instruments/new', pulse, 'coordinator')).status).toBe(302);
    const second = await post('/organization/instruments/new', { ...pulse, nameFi: 'Toinen pikakysymys' }, 'coordinator');
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('Pikakyselyssä on jo organisaation oma kysymys');
    expect((await post('/organization/instruments/new', { ...pulse, itemsFi: 'Yksi\nKaksi' }, 'coordinator')).status).toBe(400);
  });
});
