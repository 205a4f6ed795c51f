// Certificates in Chromium by keyboard, in Finnish and English: the holder opens their certificate
// from their list, downloads the PDF, and chooses that the verification page shows only their
// initials and their e-mail address; a visitor types the code on /verify and sees the certificate
// confirmed with just that; a revoked certificate's page says so; the coordinator's list and
// revocation page. The public pages load no JavaScript; axe finds nothing on any page.
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFor, createTestMember, createTestOrganization, signIn } from '../factories/organizations.ts';
import { users } from '../../src/features/accounts/accounts.schema.ts';
import { SESSION_COOKIE } from '../../src/features/accounts/sessions.ts';
import { issueCertificate } from '../../src/features/certificates/issue-certificate.ts';
import { revokeCertificate } from '../../src/features/certificates/revoke-certificate.ts';
import { formatVerificationCode } from '../../src/features/certificates/verification-code.ts';
import { startTestApp, type TestApp } from '../setup/app.ts';
import { expectNoAxeViolations, expectNoHorizontalScroll, launchBrowser, tabTo } from '../setup/browser.ts';

let app: TestApp;
let browser: Browser;
const tokens: Record<string, string> = {};
const certificates: Record<string, { id: string; code: string }> = {};
let revokedCode = '';

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const db = app.database.db;
  const org = await createTestOrganization(db, { name: 'Työpeili Satakunta' });
  const coordinatorUser = await createTestMember(db, { organizationId: org.id, role: 'coordinator' });
  const coordinator = await actorFor(db, coordinatorUser.id, org.id);
  tokens.coordinator = (await signIn(db, coordinatorUser.id)).token;
  const input = (holderUserId: string) => ({
    organizationId: org.id,
    holderUserId,
    achievement: {
      kind: 'facilitator-training',
      title: { fi: 'Ohjaajakoulutus 2026', sv: 'Handledarutbildning 2026', en: 'Facilitator training 2026' },
      description: { fi: 'Neljän istunnon verkkokoulutus Työpeili-ryhmän ohjaajaksi.', en: 'A four-session online course for Työpeili group facilitators.' },
      criteria: { fi: 'Neljä istuntoa ja kolme harjoitustapaamista.', en: 'Four sessions and three practice meetings.' },
    },
    startedOn: '2026-09-01',
    endedOn: '2026-11-24',
  });
  for (const [locale, name] of [
    ['fi', 'Sirpa Laaksonen'],
    ['en', 'Tapio Nieminen'],
  ] as const) {
    const holder = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name, email: `${locale}.holder@e2e.example.fi` });
    await db.update(users).set({ locale }).where(eq(users.id, holder.id));
    tokens[`holder-${locale}`] = (await signIn(db, holder.id)).token;
    const c = await issueCertificate(coordinator, app.services, input(holder.id));
    certificates[locale] = { id: c.id, code: formatVerificationCode(c.verificationCode) };
  }
  const revokedHolder = await createTestMember(db, { organizationId: org.id, role: 'facilitator', name: 'Veli Virta' });
  const revoked = await issueCertificate(coordinator, app.services, input(revokedHolder.id));
  await revokeCertificate(coordinator, app.services, { organizationId: org.id, certificateId: revoked.id, reason: 'Myönnetty vahingossa' });
  revokedCode = formatVerificationCode(revoked.verificationCode);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function open(locale: string, who?: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 390, height: 844 }, acceptDownloads: true });
  if (who) await context.addCookies([{ name: SESSION_COOKIE, value: tokens[who]!, url: app.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

async function press(page: Page, name: RegExp, url: RegExp, maxTabs = 80) {
  await tabTo(page, name, maxTabs);
  await Promise.all([page.waitForURL(url), page.keyboard.press('Enter')]);
}

describe('a certificate from the holder to a visitor, by keyboard', () => {
  it.each([
    ['fi', 'fi-FI', { title: 'Ohjaajakoulutus 2026', pdf: /^Todistus PDF-tiedostona$/, full: /^Koko nimi$/, no: /^Ei$/, save: /^Tallenna valinnat$/, saved: 'Valinnat on tallennettu.', code: /^Tarkistuskoodi/, valid: 'on aito ja voimassa', revoked: 'on peruttu', initials: 'S. L.', name: 'Sirpa Laaksonen' }],
    ['en', 'en-GB', { title: 'Facilitator training 2026', pdf: /^The certificate as a PDF$/, full: /^Full name$/, no: /^No$/, save: /^Save choices$/, saved: 'Your choices have been saved.', code: /^Verification code/, valid: 'is genuine and valid', revoked: 'was revoked on', initials: 'T. N.', name: 'Tapio Nieminen' }],
  ] as const)('%s', async (lang, locale, w) => {
    const { id, code } = certificates[lang]!;

    // The holder opens the certificate from their list.
    const me = await open(locale, `holder-${lang}`);
    await me.goto(`${app.url}/profile/certificates`);
    await expectNoAxeViolations(me);
    await expectNoHorizontalScroll(me);
    await press(me, new RegExp(`^${w.title}$`), new RegExp(`/profile/certificates/${id}$`));
    expect(await me.locator('main').textContent()).toContain(code);
    await expectNoAxeViolations(me);
    await expectNoHorizontalScroll(me);

    // Downloads the PDF by keyboard.
    await tabTo(me, w.pdf);
    const [download] = await Promise.all([me.waitForEvent('download'), me.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`tyopeili-certificate-${code}.pdf`);

    // Initials only; the e-mail shown. Arrow keys move within a radio group.
    await tabTo(me, w.full);
    await me.keyboard.press('ArrowDown');
    await tabTo(me, w.no);
    await me.keyboard.press('ArrowUp');
    await press(me, w.save, /\?done=saved$/);
    expect(await me.locator('[role=status]').textContent()).toBe(w.saved);
    await expectNoAxeViolations(me);

    // A visitor types the code (in small letters, without the dash) on /verify.
    const visitor = await open(locale);
    await visitor.goto(`${app.url}/verify`);
    expect(await visitor.locator('script[src]').count()).toBe(0);
    await expectNoAxeViolations(visitor);
    await tabTo(visitor, w.code);
    await visitor.keyboard.type(code.replace('-', '').toLowerCase());
    await Promise.all([visitor.waitForURL(new RegExp(`/verify/${code}$`)), visitor.keyboard.press('Enter')]);
    const main = (await visitor.locator('main').textContent()) ?? '';
    expect(main).toContain(w.valid);
    expect(main).toContain(w.initials);
    expect(main).not.toContain(w.name);
    expect(main).toContain(`${lang}.holder@e2e.example.fi`);
    expect(main).toContain(w.title);
    expect(await visitor.locator('script[src]').count()).toBe(0);
    await expectNoAxeViolations(visitor);
    await expectNoHorizontalScroll(visitor);

    // A revoked one says so; an unknown one says nothing.
    await visitor.goto(`${app.url}/verify/${revokedCode}`);
    expect(await visitor.locator('[role=status]').first().textContent()).toContain(w.revoked);
    await expectNoAxeViolations(visitor);
    const unknown = await visitor.goto(`${app.url}/verify/00000-00000`);
    expect(unknown?.status()).toBe(404);
    await expectNoAxeViolations(visitor);

    // The coordinator's list and one certificate's page with the revocation form.
    const staff = await open(locale, 'coordinator');
    await staff.goto(`${app.url}/organization/certificates`);
    await expectNoAxeViolations(staff);
    await press(staff, new RegExp(`^${w.name}$`), new RegExp(`/organization/certificates/${id}$`));
    await expectNoAxeViolations(staff);
  });
});
