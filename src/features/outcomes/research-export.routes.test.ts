// The research export over HTTP against the real app: an installation admin reads the page and
// downloads a pseudonymised CSV (one row per answer of consenting people with sent check-ins,
// no names or e-mails) and the export is audit-logged; coordinators and funders get 403; an
// empty purpose is a 400 with a Finnish error and exports nothing; a malformed or unknown id 404.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { giveConsent } from './give-consent.ts';
import { openDueCheckIns } from './open-due-check-ins.ts';
import { saveCheckIn } from './save-check-in.ts';

let app: TestApp;
let organizationId = '';
const cookies: Record<string, string> = {};
const people: { name: string; email: string; id: string }[] = [];

const answers = {
  'who-5': { cheerful: 3, calm: 3, active: 3, rested: 3, interest: 3 },
  'work-ability-score': { current: 7 },
  'life-satisfaction': { overall: 8 },
  'three-item-loneliness': { companionship: 1, 'left-out': 2, isolated: 1 },
  'business-indicators': { 'working-hours': 37.5 },
};
const answerCount = 5 + 1 + 1 + 3 + 1;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  organizationId = org.id;
  const adminOrg = await createTestOrganization(db);
  for (const [key, orgId, role] of [
    ['admin', adminOrg.id, 'admin'],
    ['coordinator', org.id, 'coordinator'],
    ['funder', org.id, 'funder'],
  ] as const) {
    const user = await createTestMember(db, { organizationId: orgId, role });
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  // Sent: exported. Draft only, or no consent: not exported.
  for (const mode of ['sent', 'draft', 'noConsent'] as const) {
    const user = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' });
    people.push({ name: user.name, email: user.email, id: user.id });
    if (mode === 'noConsent') continue;
    const actor = await actorFor(db, user.id);
    await giveConsent(actor, { db }, { organizationId: org.id, userId: user.id });
    const [baseline] = await openDueCheckIns(actor, { db }, { organizationId: org.id, userId: user.id });
    await saveCheckIn(actor, { db }, { organizationId: org.id, checkInId: baseline!.id, answers, submit: mode === 'sent' });
  }
});
afterAll(async () => {
  await app?.close();
});

const path = () => `/admin/organizations/${organizationId}/research-export`;

function get(url: string, who: string) {
  return fetch(app.url + url, { redirect: 'manual', headers: { cookie: cookies[who]! } });
}
function post(url: string, fields: Record<string, string>, who: string) {
  return fetch(app.url + url, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: app.url, 'content-type': 'application/x-www-form-urlencoded', cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

const exportsLogged = () => app.database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, 'outcomes.research_export')));

describe('/admin/organizations/:organizationId/research-export', () => {
  it('is linked from the admin organisation list', async () => {
    const html = await (await get('/admin/organizations', 'admin')).text();
    expect(html).toContain(`href="${path()}"`);
    expect(html).toContain('Tutkimusaineisto');
  });

  it('shows the admin the form, in Finnish', async () => {
    const res = await get(path(), 'admin');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Tutkimusaineisto</h1>');
    expect(html).toContain('name="purpose"');
    expect(html).toContain('tapahtumalokiin');
  });

  it('refuses coordinators and funders', async () => {
    for (const who of ['coordinator', 'funder']) {
      expect((await get(path(), who)).status, who).toBe(403);
      expect((await post(path(), { purpose: 'Vaikuttavuustutkimus 2026' }, who)).status, who).toBe(403);
    }
    expect(await exportsLogged()).toHaveLength(0);
  });

  it('answers 404 for a malformed or unknown organisation', async () => {
    expect((await get('/admin/organizations/not-a-uuid/research-export', 'admin')).status).toBe(404);
    expect((await get(`/admin/organizations/${randomUUID()}/research-export`, 'admin')).status).toBe(404);
    expect((await post('/admin/organizations/not-a-uuid/research-export', { purpose: 'Tutkimus' }, 'admin')).status).toBe(404);
  });

  it('refuses an empty or too long purpose with a Finnish error, and exports nothing', async () => {
    const empty = await post(path(), { purpose: '   ' }, 'admin');
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain('text/html');
    const html = await empty.text();
    expect(html).toContain('Kirjoita aineiston käyttötarkoitus.');
    expect(html).toContain('id="purpose-error"');
    expect(html).toContain('href="#purpose"');
    const long = await post(path(), { purpose: 'x'.repeat(501) }, 'admin');
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('Käyttötarkoitus voi olla enintään 500 merkkiä.');
    expect(await exportsLogged()).toHaveLength(0);
  });

  it('downloads the pseudonymised CSV and records the export', async () => {
    const purpose = 'Vaikuttavuustutkimus 2026, tutkimussuunnitelma v1.2';
    const res = await post(path(), { purpose }, 'admin');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="tutkimusaineisto-.+\.csv"/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(body.startsWith('\uFEFF')).toBe(true);
    const lines = body.slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('person;kind;wave;submitted_month;instrument;item;value');
    expect(lines).toHaveLength(1 + answerCount);
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(new Set(rows.map((r) => r[0])).size).toBe(1);
    expect(rows.every((r) => r.length === 7 && r[1] === 'baseline')).toBe(true);
    expect(rows).toContainEqual([rows[0]![0], 'baseline', '0', expect.stringMatching(/^\d{4}-\d\d$/), 'business-indicators', 'working-hours', '37,5']);
    for (const p of people) {
      expect(body).not.toContain(p.name);
      expect(body).not.toContain(p.email);
      expect(body).not.toContain(p.id);
    }
    const audit = await exportsLogged();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.metadata).toMatchObject({ rows: answerCount, purpose });
  });
});
