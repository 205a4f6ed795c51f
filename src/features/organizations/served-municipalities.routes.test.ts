// /organization/settings (issue 11, point 6): a coordinator chooses the municipalities the
// organisation serves; others are refused; a code that is no municipality changes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { organizationMunicipalities } from './organizations.schema.ts';
import { listServedMunicipalities } from './served-municipalities.ts';

let app: TestApp;
let organizationId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  organizationId = (await createTestOrganization(db)).id;
  for (const role of ['coordinator', 'facilitator', 'entrepreneur'] as const) {
    const user = await createTestMember(db, { organizationId, role });
    cookies[role] = (await signIn(db, user.id)).cookie;
  }
});
afterAll(async () => {
  await app?.close();
});

function post(cookie: string, codes: string[]) {
  return fetch(`${app.url}/organization/settings`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, origin: app.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fi' },
    body: new URLSearchParams(codes.map((c) => ['municipalities', c])).toString(),
  });
}

describe('/organization/settings', () => {
  it('a coordinator ticks the municipalities served; the page shows them ticked', async () => {
    const res = await post(cookies.coordinator!, ['609', '886', '609']);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/organization/settings?done=saved');
    expect(await listServedMunicipalities(app.database.db, { organizationId })).toEqual(['609', '886']);
    const html = await (await fetch(`${app.url}/organization/settings?done=saved`, { headers: { cookie: cookies.coordinator!, 'accept-language': 'fi' } })).text();
    expect(html).toContain('Kunnat tallennettu.');
    expect(html).toMatch(/id="municipality-609"[^>]*checked=""/);
    expect(html).not.toMatch(/id="municipality-684"[^>]*checked=""/);
  });

  it('a code that is no municipality answers 400 with a message and changes nothing', async () => {
    const res = await post(cookies.coordinator!, ['609', '999']);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Valitse kunnat luettelosta.');
    expect(await listServedMunicipalities(app.database.db, { organizationId })).toEqual(['609', '886']);
  });

  it('facilitators and entrepreneurs are refused (403), and change nothing', async () => {
    for (const role of ['facilitator', 'entrepreneur'] as const) {
      expect((await fetch(`${app.url}/organization/settings`, { redirect: 'manual', headers: { cookie: cookies[role]! } })).status).toBe(403);
      expect((await post(cookies[role]!, ['684'])).status).toBe(403);
    }
    const rows = await app.database.db.select().from(organizationMunicipalities).where(eq(organizationMunicipalities.organizationId, organizationId));
    expect(rows.map((r) => r.municipalityCode).sort()).toEqual(['609', '886']);
  });
});
