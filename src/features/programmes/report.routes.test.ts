// The monitoring report over HTTP: coordinator 200 with drill-down links, funder 200 without, the
// funder's drill-down 403, facilitator and entrepreneur 403, another organisation 404, bad dates 400;
// the CSV has the BOM, the XLSX opens with numbers, the PDF is a PDF.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';
import { programmeFunders, programmeParticipantStarts, programmes } from './programmes.schema.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
let base: string;

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const org = await createTestOrganization(db);
  const other = await createTestOrganization(db);
  const ids: Record<string, string> = {};
  for (const [key, role, orgId] of [
    ['coordinator', 'coordinator', org.id],
    ['facilitator', 'facilitator', org.id],
    ['member', 'entrepreneur', org.id],
    ['funder', 'funder', org.id],
    ['otherCoordinator', 'coordinator', other.id],
  ] as const) {
    const user = await createTestMember(db, { organizationId: orgId, role, email: `${key}@report-routes.example.fi` });
    ids[key] = user.id;
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const [p] = await db.insert(programmes).values({ organizationId: org.id, name: 'Raporttiohjelma', funder: 'ESR+', indicatorSet: 'esf2021', startsOn: '2026-01-01', endsOn: '2026-12-31' }).returning();
  await db.insert(programmeFunders).values({ organizationId: org.id, programmeId: p!.id, userId: ids.funder! });
  await db.insert(programmeParticipantStarts).values({ organizationId: org.id, programmeId: p!.id, userId: ids.member!, startedOn: '2026-02-01', gender: 'woman' });
  base = `/organization/programmes/${p!.id}/report`;
});
afterAll(async () => {
  await app?.close();
});

const get = (path: string, who: string) => fetch(app.url + path, { redirect: 'manual', headers: { cookie: cookies[who]! } });
const q = '?from=1.1.2026&to=30.6.2026';

describe('the monitoring report', () => {
  it('answers by role', async () => {
    const coordinator = await get(base + q, 'coordinator');
    expect(coordinator.status).toBe(200);
    expect(await coordinator.text()).toContain('report/figure?');
    const funder = await get(base + q, 'funder');
    expect(funder.status).toBe(200);
    const body = await funder.text();
    expect(body).toContain('Euroopan unionin osarahoittama');
    expect(body).not.toContain('report/figure?');
    expect((await get(`${base}/figure${q}&figure=i:EECO01`, 'funder')).status).toBe(403);
    expect((await get(base + q, 'facilitator')).status).toBe(403);
    expect((await get(base + q, 'member')).status).toBe(403);
    expect((await get(base + q, 'otherCoordinator')).status).toBe(404);
    const bad = await get(`${base}?from=31.2.2026&to=1.1.2026`, 'coordinator');
    expect(bad.status).toBe(400);
  });

  it('downloads CSV with a BOM, XLSX with numbers, and a PDF', async () => {
    const csv = await get(`${base}.csv${q}`, 'coordinator');
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('EECO01;');
    expect(csv.headers.get('content-disposition')).toContain('.csv');
    const xlsx = await get(`${base}.xlsx${q}`, 'coordinator');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const numbers: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((c) => typeof c.value === 'number' && numbers.push(c.value)));
    expect(numbers.length).toBeGreaterThan(0);
    const pdf = await get(`${base}.pdf${q}`, 'funder');
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
  });
});
