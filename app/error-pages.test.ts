// Error pages speak to the person (issue 11, point 3): the 404 of any unknown address is in the
// chosen language, and the 403/404 hint fits a visitor, a member or staff instead of always
// "contact your group's facilitator".
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../tests/setup/app.ts';
import { createTestGroup, createTestMeeting } from '../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../tests/factories/organizations.ts';

let app: TestApp;
let meetingId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const member = await createTestMember(db, { organizationId: org.id, role: 'entrepreneur' });
  const facilitator = await createTestMember(db, { organizationId: org.id, role: 'facilitator' });
  const group = await createTestGroup(db, { organizationId: org.id, facilitatorIds: [facilitator.id], memberIds: [member.id] });
  meetingId = (await createTestMeeting(db, { organizationId: org.id, groupId: group.id, startsAt: new Date(Date.now() + 86_400_000) })).id;
  cookies.member = (await signIn(db, member.id)).cookie;
  cookies.facilitator = (await signIn(db, facilitator.id)).cookie;
});
afterAll(async () => {
  await app?.close();
});

async function page(path: string, cookie = ''): Promise<{ status: number; html: string }> {
  const res = await fetch(app.url + path, { redirect: 'manual', headers: { cookie, 'accept-language': 'fi' } });
  return { status: res.status, html: await res.text() };
}

describe('error pages', () => {
  it.each([
    ['sv', 'Sidan hittades inte', 'Kontrollera adressen eller börja från startsidan.'],
    ['en', 'Page not found', 'Check the address, or start from the front page.'],
    ['fi', 'Sivua ei löytynyt', 'Tarkista osoite tai aloita etusivulta.'],
  ])('a visitor who chose %s gets the 404 of an unknown address in that language', async (lang, title, hint) => {
    for (const path of ['/no-such-page', '/meetings/not-a-meeting/nothing/here', `/groups/${randomUUID()}/no`]) {
      const { status, html } = await page(path, `tyopeili_lang=${lang}`);
      expect(status).toBe(404);
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain(hint);
      expect(html).not.toContain('ohjaaja');
    }
  });

  it.each([
    ['sv-FI,sv;q=0.9', 'sv', 'Sidan hittades inte'],
    ['en-GB,en;q=0.8', 'en', 'Page not found'],
  ])('without a chosen language, Accept-Language %s gives the 404 in %s', async (accept, lang, title) => {
    const res = await fetch(`${app.url}/ei/tallaista`, { redirect: 'manual', headers: { 'accept-language': accept } });
    const html = await res.text();
    expect(res.status).toBe(404);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toContain(`<h1>${title}</h1>`);
  });

  it('a rate-limited visitor is told how long to wait, and not to ask a facilitator they do not have', async () => {
    let res: Response | undefined;
    for (let i = 0; i < 31; i++) {
      res = await fetch(`${app.url}/invitation/no-such-token-${i}`, { redirect: 'manual', headers: { 'accept-language': 'fi' } });
      if (res.status === 429) break;
      await res.text();
    }
    expect(res!.status).toBe(429);
    const wait = Math.ceil(Number(res!.headers.get('retry-after')) / 60);
    expect(wait).toBeGreaterThan(0);
    const html = await res!.text();
    expect(html).toContain(`<h1>Liian monta yritystä. Yritä uudelleen ${wait} minuutin kuluttua.</h1>`);
    expect(html).toContain('Yritä hetken päästä uudelleen. Jos ongelma jatkuu, ota yhteyttä palvelun järjestäjään.');
    expect(html).not.toContain('ohjaaja');
  });

  it('a member is pointed back to their own page and their facilitator', async () => {
    const missing = await page(`/groups/${randomUUID()}`, cookies.member);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Sivua ei ole, tai se ei kuulu ryhmääsi.');
    expect(missing.html).toContain('href="/home"');
    const forbidden = await page(`/meetings/${meetingId}/live`, cookies.member);
    expect(forbidden.status).toBe(403);
    expect(forbidden.html).toContain('Tämä sivu on ryhmän ohjaajille tai organisaation henkilökunnalle.');
  });

  it('staff are told about their organisation and role, not their group’s facilitator', async () => {
    const missing = await page(`/groups/${randomUUID()}`, cookies.facilitator);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Sivua ei ole tässä organisaatiossa.');
    const forbidden = await page(`/meetings/${meetingId}/my-steps`, cookies.facilitator);
    expect(forbidden.status).toBe(403);
    expect(forbidden.html).toContain('Roolisi ei anna oikeutta tähän.');
    expect(forbidden.html).not.toContain('ryhmäsi ohjaaja');
  });
});
