// /evaluation over HTTP against the real app: coordinators and funders see the tables and
// download them; entrepreneurs and facilitators get 403, another organisation 404; the exports
// hold aggregates only (no user ids, no names), rounded as on the page, and withheld cells are empty;
// periods come from the release lattice and the register of releases is kept.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/setup/app.ts';
import { createEvaluationPerson } from '../../../tests/factories/evaluation.ts';
import { createTestGroup } from '../../../tests/factories/groups.ts';
import { createTestMember, createTestOrganization, signIn } from '../../../tests/factories/organizations.ts';

let app: TestApp;
let orgA = '';
const cookies: Record<string, string> = {};
const personIds: string[] = [];
const personNames: string[] = [];
const query = 'period=2025&instrument=who-5&comparison=latest';

beforeAll(async () => {
  app = await startTestApp();
  const db = app.database.db;
  const a = await createTestOrganization(db);
  const b = await createTestOrganization(db);
  orgA = a.id;
  for (const [key, organizationId, role] of [
    ['coordinator', a.id, 'coordinator'],
    ['funder', a.id, 'funder'],
    ['facilitator', a.id, 'facilitator'],
    ['entrepreneur', a.id, 'entrepreneur'],
    ['otherCoordinator', b.id, 'coordinator'],
  ] as const) {
    const user = await createTestMember(db, { organizationId, role });
    cookies[key] = (await signIn(db, user.id)).cookie;
  }
  const group = await createTestGroup(db, { organizationId: a.id, format: 'online' });
  // 7 women in Pori: six +10, one +4; 5 men in Helsinki: 0, +4, +8, −4, +12 (as in evaluation.test.ts)
  const women = [10, 10, 10, 10, 10, 10, 4];
  const men = [0, 4, 8, -4, 12];
  const people = [
    ...women.map((d) => ({ gender: 'female' as const, municipality: '609', base: 40, d })),
    // four in Helsinki and one in Rauma: Rauma (1) is suppressed, and Helsinki (4) too
    ...men.map((d, i) => ({ gender: 'male' as const, municipality: i === 4 ? '684' : '091', base: 60, d })),
  ];
  for (const p of people) {
    const rows = await createEvaluationPerson(db, {
      organizationId: a.id,
      groupId: group.id,
      birthYear: 1975,
      gender: p.gender,
      sector: 'sote',
      municipality: p.municipality,
      baseline: { on: '2025-02-01', score: p.base },
      followUps: [{ kind: 'full', wave: 1, on: '2025-08-01', score: p.base + p.d }],
    });
    personIds.push(rows.user.id);
    personNames.push(rows.user.name, ...rows.user.name.split(' '));
  }
});
afterAll(async () => {
  await app?.close();
});

function get(path: string, who?: string) {
  return fetch(app.url + path, { redirect: 'manual', headers: who ? { cookie: cookies[who]! } : {} });
}

describe('/evaluation', () => {
  it('shows the coordinator and the funder the figures', async () => {
    for (const who of ['coordinator', 'funder']) {
      const res = await get(`/evaluation?${query}`, who);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Ohjelman arviointi');
      expect(html).toContain('<caption id="summary-caption">');
      // mean change 7 (whole points) over 12 pairs
      expect(html).toMatch(/Keskimääräinen muutos<\/th><td>7<\/td>/);
      expect(html).toContain('href="/evaluation"');
      for (const id of personIds) expect(html).not.toContain(id);
    }
  });

  it('refuses entrepreneurs and facilitators (403) and another organisation (404); signed out goes to sign in', async () => {
    expect((await get('/evaluation', 'entrepreneur')).status).toBe(403);
    expect((await get('/evaluation', 'facilitator')).status).toBe(403);
    expect((await get('/evaluation/export.csv', 'entrepreneur')).status).toBe(403);
    expect((await get(`/evaluation?organization=${orgA}`, 'otherCoordinator')).status).toBe(404);
    expect((await get(`/evaluation/export.xlsx?organization=${orgA}`, 'otherCoordinator')).status).toBe(404);
    expect((await get('/evaluation')).status).toBe(302);
  });

  it('exports CSV with a BOM, semicolons, no ids or names, suppressed cells empty', async () => {
    const res = await get(`/evaluation/export.csv?${query}`, 'funder');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="arviointi-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.split('\r\n');
    expect(lines).toContain('Vastanneita sekä alussa että seurannassa (parit);12');
    expect(lines).toContain('Keskimääräinen muutos;7');
    expect(lines).toContain('Nainen;7;9');
    expect(lines).toContain('Mies;5;4');
    expect(lines).toContain('Helsinki;;');
    expect(lines).toContain('Rauma;;');
    expect(lines).toContain('Pori;7;9');
    // meaningful change: 7 improved, 5 unchanged, 0 deteriorated; reliable: 0 / 12 / 0
    expect(lines).toContain('Parani;7;58,3');
    for (const id of personIds) expect(csv).not.toContain(id);
    for (const name of personNames) expect(csv).not.toContain(name);
  });

  it('leaves suppressed cells empty in both exports', async () => {
    const res = await get(`/evaluation/export.csv?${query}`, 'coordinator');
    const csv = await res.text();
    // age bands: all born 1975 → 50 at baseline → one category 45–54 with 12
    expect(csv).toContain('45–54;12;7');
    const xlsx = await get(`/evaluation/export.xlsx?${query}`, 'coordinator');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const all: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => all.push(JSON.stringify(row.values))));
    const text = all.join('\n');
    for (const id of personIds) expect(text).not.toContain(id);
    for (const name of personNames) expect(text).not.toContain(name);
    const summary = wb.worksheets[0]!;
    const pairs = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Vastanneita sekä alussa että seurannassa (parit)');
    expect(pairs!.getCell(2).value).toBe(12);
    const byMunicipality = wb.worksheets.find((w) => w.getCell('A1').value === 'Muutos kunnittain')!;
    const rowOf = (label: string) => byMunicipality.getRows(1, byMunicipality.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect([rowOf('Helsinki').getCell(2).value, rowOf('Helsinki').getCell(3).value]).toEqual([null, null]);
    expect([rowOf('Rauma').getCell(2).value, rowOf('Rauma').getCell(3).value]).toEqual([null, null]);
    expect(rowOf('Pori').getCell(2).value).toBe(7);
    // no more precision than the page: the mean change 9.142857… of Pori is 9 in the workbook too
    expect(rowOf('Pori').getCell(3).value).toBe(9);
    const meanBefore = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === 'Keskiarvo alussa');
    expect(meanBefore!.getCell(2).value).toBe(48);
  });

  it('offers periods only from the release lattice: an unknown period falls back with a note, free dates are ignored', async () => {
    const html = await (await get('/evaluation?period=2025-03-01&from=2025-02-01&to=2025-02-01', 'coordinator')).text();
    expect(html).toContain('Jaksoa ei tunnistettu');
    expect(html).toContain('<option value="2025-H1">');
    expect(html).not.toContain('name="from"');
    expect(html).not.toContain('name="group"');
  });

  it('records each released set once in the register, never in the page', async () => {
    const { rows } = await app.database.pool.query<{ n: number; sizes: number[] }>(
      `SELECT count(*)::int AS n, array_agg(size ORDER BY size) AS sizes FROM disclosure_releases WHERE organization_id = $1 AND domain = 'score:who-5'`,
      [orgA],
    );
    // the sets behind the published figures of period 2025: all 12 pairs, the 7 women (= Pori), the 5 men —
    // each twice, as the baselines' and the follow-ups' check-ins (a mean change is a sum over both)
    expect(rows[0]).toEqual({ n: 6, sizes: [5, 5, 7, 7, 12, 12] });
    // and the report's counts as one set of people (the universe of who took part) in their own domain
    const participation = await app.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM disclosure_releases WHERE organization_id = $1 AND domain = 'participation:who-5'`,
      [orgA],
    );
    expect(participation.rows[0]!.n).toBeGreaterThanOrEqual(1);
  });
});
