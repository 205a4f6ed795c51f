// The application form and the intake pages over HTTP against the real app: bad input
// answers 400 with a message per field and saves nothing; the honeypot gets a neutral
// answer and saves nothing; a too-fast form gets a kind message; the rate limit answers
// 429 with Retry-After; the queue is for the organisation's coordinators and admins only.
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationMunicipalities } from '../organizations/organizations.schema.ts';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { issueFormToken } from './form-token.ts';
import { applications } from './intake.schema.ts';
import { applicationSchema } from './intake.validation.ts';
import { submitApplication } from './submit-application.ts';

let app: TestApp;
let orgA: { id: string; name: string; slug: string };
let orgB: { id: string; name: string; slug: string };
const cookies: Record<string, string> = {};
let ipCounter = 0;

beforeAll(async () => {
  app = await startTestApp({ TRUST_PROXY: 'true' });
  const db = app.database.db;
  orgA = await createTestOrganization(db, { name: 'Aaltoilevat Yrityspalvelut', slug: 'aaltoilevat' });
  orgB = await createTestOrganization(db, { name: 'Bothnia Business', slug: 'bothnia' });
  const roster = [
    ['coordinatorA', orgA.id, 'coordinator'],
    ['facilitatorA', orgA.id, 'facilitator'],
    ['coordinatorB', orgB.id, 'coordinator'],
    ['admin', orgB.id, 'admin'],
  ] as const;
  for (const [key, organizationId, role] of roster) {
    const user = await createTestMember(db, { organizationId, role, name: `${key} Testinen` });
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
});
afterAll(async () => {
  await app?.close();
});

/** Each test posts from its own address, so the rate limit of one does not touch another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

function get(path: string, options: { who?: string; language?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.who) headers.cookie = cookies[options.who]!;
  if (options.language) headers['accept-language'] = options.language;
  return fetch(app.url + path, { redirect: 'manual', headers });
}

function post(path: string, fields: [string, string][], options: { who?: string; ip?: string } = {}) {
  return fetch(app.url + path, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: app.url,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': options.ip ?? freshIp(),
      ...(options.who ? { cookie: cookies[options.who]! } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const token = (ageMs = 10_000) => issueFormToken(app.services.config.sessionSecret, new Date(Date.now() - ageMs));

function applicationForm(overrides: Record<string, string | string[]> = {}): [string, string][] {
  const values: Record<string, string | string[]> = {
    formToken: token(),
    website: '',
    organizationId: orgA.id,
    name: 'Helmi Heikkinen',
    email: `helmi.${Math.random().toString(36).slice(2, 8)}@example.fi`,
    phone: '',
    birthYear: '1960',
    locale: 'fi',
    companyName: 'Helmin Hoiva',
    businessId: '0112038-9',
    sector: 'sote',
    size: 'sole',
    municipality: '609',
    formats: ['in_person', 'online'],
    availability: '',
    hopes: 'Vertaistukea',
    consent: 'on',
    ...overrides,
  };
  return Object.entries(values).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]));
}

async function savedFor(email: string): Promise<number> {
  const [row] = await app.database.db.select({ n: count() }).from(applications).where(eq(applications.email, email));
  return row!.n;
}

const emailOf = (fields: [string, string][]) => fields.find(([k]) => k === 'email')![1];

describe('/apply', () => {
  it('shows the form to anyone: organisations by name (by municipality preselected, ?org=slug preselects), sectors sote first without TOL Q, municipalities by region', async () => {
    const res = await get('/apply');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<option value="" selected="">Kuntani mukaan<\/option><option value="[^"]+">Aaltoilevat Yrityspalvelut<\/option>/);
    expect(html).not.toContain('Terveys- ja sosiaalipalvelut');
    expect(html.indexOf('Sosiaali- ja terveysala')).toBeLessThan(html.indexOf('Maatalous, metsätalous ja kalatalous'));
    expect(html).toContain('<optgroup label="Satakunta"><option value="050">Eura</option>');
    expect(html).toContain('href="/privacy"');
    // (HTML attribute names are case-insensitive: React writes autoComplete.)
    const honeypot = (/<div class="visually-hidden" aria-hidden="true">.*?(<input[^>]*name="website"[^>]*>)/.exec(html)?.[1] ?? '').toLowerCase();
    for (const attribute of ['type="text"', 'tabindex="-1"', 'autocomplete="off"']) expect(honeypot).toContain(attribute);
    const preselected = await (await get('/apply?org=bothnia')).text();
    expect(preselected).toMatch(/<option value="[^"]+" selected="">Bothnia Business<\/option>/);
  });

  it('names municipalities and regions in Swedish for a Swedish page', async () => {
    const html = await (await get('/apply', { language: 'sv' })).text();
    expect(html).toContain('<optgroup label="Österbotten">');
    expect(html).toContain('>Björneborg</option>');
    expect(html).toContain('Social- och hälsovårdsbranschen');
  });

  it('saves a good application, queues the confirmation and shows what happens next', async () => {
    const fields = applicationForm({ locale: 'sv' });
    const res = await post('/apply', fields);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/apply/thanks');
    expect(await savedFor(emailOf(fields))).toBe(1);
    const { rows } = await app.services.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1`, [emailOf(fields)]);
    expect(rows.map((r) => [r.data.template, r.data.locale])).toEqual([['applicationReceived', 'sv']]);
    const thanks = await (await get('/apply/thanks')).text();
    expect(thanks).toContain('Kiitos hakemuksestasi!');
    expect(thanks).toContain('Mitä seuraavaksi tapahtuu');
  });

  it('answers bad input with 400, a message per field and the values kept; nothing is saved', async () => {
    const fields = applicationForm({ name: '', businessId: '1234567-8', birthYear: '1890', municipality: '999', consent: '', formats: [] }).filter(
      ([k]) => k !== 'consent',
    );
    const res = await post('/apply', fields);
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const message of [
      'Kirjoita nimesi.',
      'Y-tunnus ei ole oikein.',
      'Tarkista syntymävuosi',
      'Valitse kunta.',
      'Valitse ainakin yksi tapa tavata.',
      'Hakemusta ei voi lähettää ilman lupaa tietojen tallentamiseen.',
    ]) {
      expect(html).toContain(message);
    }
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="#businessId"');
    const businessId = /<input[^>]*id="businessId"[^>]*>/.exec(html)?.[0] ?? '';
    expect(businessId).toContain('aria-invalid="true"');
    expect(businessId).toContain('aria-describedby="businessId-hint businessId-error"');
    expect(html).toContain(`value="${emailOf(fields)}"`);
    expect(await savedFor(emailOf(fields))).toBe(0);
  });

  it('gives a filled honeypot a neutral answer and saves nothing', async () => {
    const fields = applicationForm({ website: 'https://spam.example' });
    const res = await post('/apply', fields);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/apply/thanks');
    expect(await savedFor(emailOf(fields))).toBe(0);
  });

  it('asks to send again when the form came back too fast, too late or without a valid time stamp; nothing is saved', async () => {
    const tooFast = applicationForm({ formToken: token(500) });
    const res = await post('/apply', tooFast);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Lomake lähetettiin niin nopeasti');
    const stale = applicationForm({ formToken: token(25 * 3600 * 1000) });
    const staleRes = await post('/apply', stale);
    expect(staleRes.status).toBe(400);
    expect(await staleRes.text()).toContain('Lomake oli auki kauan');
    const forged = applicationForm({ formToken: `${Date.now() - 10_000}.${'A'.repeat(43)}` });
    expect((await post('/apply', forged)).status).toBe(400);
    for (const fields of [tooFast, stale, forged]) expect(await savedFor(emailOf(fields))).toBe(0);
  });

  it('limits saved applications to 5 an hour per address: the 6th gets 429 with Retry-After', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await post('/apply', applicationForm(), { ip })).status).toBe(302);
    const sixth = applicationForm();
    const res = await post('/apply', sixth, { ip });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await res.text()).toContain(`Liian monta yritystä. Yritä uudelleen ${Math.ceil(retryAfter / 60)} minuutin kuluttua.`);
    expect(await savedFor(emailOf(sixth))).toBe(0);
    // Another address is not affected.
    expect((await post('/apply', applicationForm())).status).toBe(302);
  });
});

describe('/apply: the organiser by municipality (issue 11)', () => {
  it('preselects the organiser serving the municipality, asks where two serve it, and keeps an explicit choice', async () => {
    const db = app.database.db;
    await db.insert(organizationMunicipalities).values([
      { organizationId: orgA.id, municipalityCode: '609' }, // Pori: A only
      { organizationId: orgB.id, municipalityCode: '684' }, // Rauma: B only
      { organizationId: orgA.id, municipalityCode: '102' }, // Huittinen: both
      { organizationId: orgB.id, municipalityCode: '102' },
    ]);
    const organizerOf = async (email: string) =>
      (await db.select({ organizationId: applications.organizationId }).from(applications).where(eq(applications.email, email)))[0]?.organizationId;

    // The form offers "by my municipality" first when no link named an organiser.
    const form = await (await get('/apply')).text();
    expect(form).toMatch(/<select[^>]*name="organizationId"[^>]*><option value="" selected="">Kuntani mukaan<\/option>/);

    const rauma = applicationForm({ organizationId: '', municipality: '684' });
    expect((await post('/apply', rauma)).status).toBe(302);
    expect(await organizerOf(emailOf(rauma))).toBe(orgB.id);

    const huittinen = applicationForm({ organizationId: '', municipality: '102' });
    const asked = await post('/apply', huittinen);
    expect(asked.status).toBe(400);
    const html = await asked.text();
    expect(html).toContain('Kuntaasi palvelee useampi järjestäjä. Valitse, kumman ryhmään haet.');
    expect(html).toContain(orgA.name);
    expect(html).toContain(orgB.name);
    expect(await savedFor(emailOf(huittinen))).toBe(0);

    // Unserved municipality, no choice: asked as well, nothing saved.
    const unserved = applicationForm({ organizationId: '', municipality: '091' });
    expect((await post('/apply', unserved)).status).toBe(400);
    expect(await savedFor(emailOf(unserved))).toBe(0);

    // An explicit choice wins over the municipality.
    const explicit = applicationForm({ organizationId: orgA.id, municipality: '684' });
    expect((await post('/apply', explicit)).status).toBe(302);
    expect(await organizerOf(emailOf(explicit))).toBe(orgA.id);
  });
});

describe('/intake', () => {
  async function applyTo(organizationId: string, name: string) {
    const data = applicationSchema().parse(
      Object.fromEntries(
        applicationForm({ organizationId, name, formats: 'walking' })
          .filter(([k]) => k !== 'formats')
          .concat([['formats', 'walking']])
          .map(([k, v]) => [k, k === 'formats' ? [v] : v]),
      ),
    );
    return (await submitApplication(app.services, data)).applicationId;
  }

  it('lists the organisation’s applications for its coordinator, with filters as a GET form', async () => {
    const id = await applyTo(orgA.id, 'Jonossa Oleva');
    const otherId = await applyTo(orgB.id, 'Toisen Organisaation');
    const res = await get('/intake?format=walking&sort=name', { who: 'coordinatorA' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`href="/intake/${id}"`);
    expect(html).not.toContain(otherId);
    expect(html).toMatch(/<form class="intake-filters"[^>]*method="get"/);
    expect(html).toMatch(/<option value="walking" selected="">/);
  });

  it('refuses others: 403 for a facilitator, 404 for another organisation’s application, sign-in for signed-out people', async () => {
    const id = await applyTo(orgA.id, 'Salainen Hakija');
    expect((await get('/intake', { who: 'facilitatorA' })).status).toBe(403);
    expect((await get(`/intake/${id}`, { who: 'facilitatorA' })).status).toBe(403);
    expect((await get(`/intake/${id}`, { who: 'coordinatorB' })).status).toBe(404);
    const signedOut = await get('/intake');
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/sign-in?next=%2Fintake');
    expect((await get(`/intake?organization=${orgA.id}`, { who: 'coordinatorB' })).status).toBe(404);
    const viaPost = await post(
      `/intake/${id}`,
      [
        ['intent', 'decline'],
        ['message', 'Ei'],
        ['organization', orgA.id],
      ],
      { who: 'coordinatorB' },
    );
    expect(viaPost.status).toBe(404);
    const [row] = await app.database.db
      .select()
      .from(applications)
      .where(and(eq(applications.organizationId, orgA.id), eq(applications.id, id)));
    expect(row!.status).toBe('new');
  });

  it('lets an admin open another organisation’s queue with ?organization=', async () => {
    const id = await applyTo(orgA.id, 'Adminin Nähtävä');
    const res = await get(`/intake?organization=${orgA.id}`, { who: 'admin' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`href="/intake/${id}?organization=${orgA.id}"`);
  });

  it('declines with a message: the message is required, then mailed to the applicant in their language', async () => {
    const id = await applyTo(orgA.id, 'Hylättävä Hakija');
    const empty = await post(
      `/intake/${id}`,
      [
        ['intent', 'decline'],
        ['message', '  '],
      ],
      { who: 'coordinatorA' },
    );
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Kirjoita hakijalle viesti.');
    // The first step asks, showing the message, and changes nothing (issue 11, point 5).
    const asked = await post(`/intake/${id}`, [['intent', 'decline'], ['message', 'Kevään ryhmät ovat täynnä.']], { who: 'coordinatorA' });
    expect(asked.status).toBe(200);
    const askedHtml = await asked.text();
    expect(askedHtml).toContain('Hylätäänkö hakemus ja lähetetäänkö viesti?');
    expect(askedHtml).toContain('<input type="hidden" name="confirm" value="on"/>');
    expect(askedHtml).toContain('Kyllä, hylkää ja lähetä viesti');
    const [unchanged] = await app.database.db.select().from(applications).where(and(eq(applications.organizationId, orgA.id), eq(applications.id, id)));
    expect(unchanged).toMatchObject({ status: 'new', declineMessage: null });
    expect((await app.services.pool.query(`SELECT 1 FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 AND data->>'template' = 'applicationDeclined'`, [unchanged!.email])).rowCount).toBe(0);
    const declined = await post(`/intake/${id}`, [['intent', 'decline'], ['message', 'Kevään ryhmät ovat täynnä.'], ['confirm', 'on']], { who: 'coordinatorA' });
    expect(declined.status).toBe(302);
    expect(declined.headers.get('location')).toBe(`/intake/${id}?done=declined`);
    const [row] = await app.database.db
      .select()
      .from(applications)
      .where(and(eq(applications.organizationId, orgA.id), eq(applications.id, id)));
    expect(row).toMatchObject({ status: 'declined', declineMessage: 'Kevään ryhmät ovat täynnä.' });
    const { rows } = await app.services.pool.query(`SELECT data FROM pgboss.job WHERE name = 'mail.send' AND data->>'to' = $1 ORDER BY created_on`, [
      row!.email,
    ]);
    expect(rows.map((r) => [r.data.template, r.data.values.message ?? null])).toEqual([
      ['applicationReceived', null],
      ['applicationDeclined', 'Kevään ryhmät ovat täynnä.'],
    ]);
    const queue = await (await get('/intake?status=declined', { who: 'coordinatorA' })).text();
    expect(queue).toContain(`href="/intake/${id}"`);
    expect(await (await get('/intake?status=new', { who: 'coordinatorA' })).text()).not.toContain(`href="/intake/${id}"`);
  });

  it('a decline is undone by reopening: open again, back in the queue, the sent message shown; only a declined one reopens', async () => {
    const id = await applyTo(orgA.id, 'Palautettava Hakija');
    expect((await post(`/intake/${id}`, [['intent', 'reopen']], { who: 'coordinatorA' })).status).toBe(409);
    expect((await post(`/intake/${id}`, [['intent', 'decline'], ['message', 'Ryhmät ovat täynnä.'], ['confirm', 'on']], { who: 'coordinatorA' })).status).toBe(302);
    const declinedPage = await (await get(`/intake/${id}`, { who: 'coordinatorA' })).text();
    expect(declinedPage).toContain('name="intent" value="reopen"');
    // Others cannot: another organisation's coordinator (404), a facilitator (403).
    expect((await post(`/intake/${id}`, [['intent', 'reopen'], ['organization', orgA.id]], { who: 'coordinatorB' })).status).toBe(404);
    expect((await post(`/intake/${id}`, [['intent', 'reopen']], { who: 'facilitatorA' })).status).toBe(403);
    const reopened = await post(`/intake/${id}`, [['intent', 'reopen']], { who: 'coordinatorA' });
    expect(reopened.status).toBe(302);
    expect(reopened.headers.get('location')).toBe(`/intake/${id}?done=reopened`);
    const [row] = await app.database.db.select().from(applications).where(and(eq(applications.organizationId, orgA.id), eq(applications.id, id)));
    expect(row).toMatchObject({ status: 'contacted', declineMessage: 'Ryhmät ovat täynnä.' });
    const page = await (await get(`/intake/${id}?done=reopened`, { who: 'coordinatorA' })).text();
    expect(page).toContain('Hakemus on avattu uudelleen.');
    expect(page).toContain('Hakemus hylättiin aiemmin, ja hakijalle lähetettiin tämä viesti');
    expect(page).toContain('name="intent" value="assign"');
    expect(await (await get('/intake?status=contacted', { who: 'coordinatorA' })).text()).toContain(`href="/intake/${id}"`);
    const audit = await app.services.pool.query(`SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'intake.application\_%' ORDER BY created_at`, [id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['intake.application_submitted', 'intake.application_declined', 'intake.application_reopened']);
  });

  it('saves a note, assigns to a new group and shows it; a missing group name is a field error', async () => {
    const id = await applyTo(orgA.id, 'Ohjattava Hakija');
    const noted = await post(
      `/intake/${id}`,
      [
        ['intent', 'note'],
        ['note', 'Soitettu, sopii tiistaisin'],
      ],
      { who: 'coordinatorA' },
    );
    expect(noted.status).toBe(302);
    expect(noted.headers.get('location')).toBe(`/intake/${id}?done=noted`);
    const noName = await post(
      `/intake/${id}`,
      [
        ['intent', 'assign'],
        ['groupId', 'new'],
        ['newGroupName', ''],
      ],
      { who: 'coordinatorA' },
    );
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain('Anna uudelle ryhmälle nimi.');
    const assigned = await post(
      `/intake/${id}`,
      [
        ['intent', 'assign'],
        ['groupId', 'new'],
        ['newGroupName', 'Porin iltaryhmä'],
      ],
      { who: 'coordinatorA' },
    );
    expect(assigned.status).toBe(302);
    const page = await (await get(`/intake/${id}?done=assigned`, { who: 'coordinatorA' })).text();
    expect(page).toContain('Ryhmä: Porin iltaryhmä');
    expect(page).toContain('Soitettu, sopii tiistaisin');
    expect(page).not.toContain('name="intent" value="assign"');
    // Handled already: declining now is refused on the page with 409.
    const late = await post(
      `/intake/${id}`,
      [
        ['intent', 'decline'],
        ['message', 'Myöhässä'],
      ],
      { who: 'coordinatorA' },
    );
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('Hakemus on jo käsitelty.');
  });
});
