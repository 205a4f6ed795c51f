// The demo's programme: the pilot as an ESF 2014–2020 project with its planned figures, the groups
// of both organisations linked, the demo funder granted, start data for the members but the demo
// entrepreneur (whose home then asks for them), and the funder's home lists the programme.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.ts';
import { pendingParticipantForms } from '../features/programmes/programmes.queries.ts';
import { seedDemo } from './seed.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo({ db: database.db });
});
afterAll(async () => {
  await database?.drop();
});
const q = async (text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows;

describe('the demo programme', () => {
  it('is the pilot with its targets, both organisations’ groups and the funder', async () => {
    const [p] = await q(`SELECT p.id, p.name, p.indicator_set, o.slug FROM programmes p JOIN organizations o ON o.id = p.organization_id`);
    expect(p).toMatchObject({ name: 'Työpeili – vertaisryhmät yksinyrittäjille', indicator_set: 'esf2014', slug: 'tyopeili-satakunta' });
    const targets = Object.fromEntries((await q(`SELECT indicator_code, planned FROM programme_targets WHERE programme_id = $1`, [p!.id])).map((r) => [r.indicator_code, r.planned]));
    expect(targets).toMatchObject({ CO23: 30, CO_TOTAL: 86 });
    const [{ n: groupsLinked }] = (await q(`SELECT count(*)::int AS n FROM programme_groups WHERE programme_id = $1`, [p!.id])) as [{ n: number }];
    // Every peer group; the training's practice group is a trainee's course work, seeded after the programme.
    const [{ n: groupsAll }] = (await q(`SELECT count(*)::int AS n FROM groups g WHERE NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.practice_group_id = g.id)`)) as [{ n: number }];
    expect(groupsLinked).toBe(groupsAll);
    expect((await q(`SELECT count(*)::int AS n FROM programme_events WHERE programme_id = $1`, [p!.id]))[0]!.n).toBeGreaterThan(0);
    const funders = await q(`SELECT u.email FROM programme_funders f JOIN users u ON u.id = f.user_id`);
    expect(funders).toEqual([{ email: 'rahoittaja@demo.tyopeili.fi' }]);
  });

  it('has start data for the members in a mix, but asks the demo entrepreneur for hers', async () => {
    const starts = await q(`SELECT gender, age_band, education, employment_status FROM programme_participant_starts`);
    expect(starts.length).toBeGreaterThan(20);
    expect(new Set(starts.map((s) => s.gender)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(starts.map((s) => s.age_band)).size).toBeGreaterThanOrEqual(2);
    expect(starts.every((s) => s.employment_status === 'employed')).toBe(true);
    const [tuula] = await q(`SELECT id FROM users WHERE email = 'yrittaja@demo.tyopeili.fi'`);
    const forms = await pendingParticipantForms(database.db, { userId: tuula!.id as string, today: '2000-01-01' });
    expect(forms.map((f) => f.form)).toEqual(['start']);
  });
});
