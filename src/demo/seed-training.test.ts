// The demo's facilitator training (issue 15, point 9): the finished cohort's 12 graduates each hold
// a certificate issued through the certificates feature and verifiable by its code; the running
// cohort has submissions, the mentor's feedback, a practice group with its meta view and an
// observable meeting; the evaluations released for the finished cohort, withheld for the running one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/setup/database.ts';
import { actorFor } from '../../tests/factories/organizations.ts';
import { verifyCertificateCode } from '../features/certificates/public-verification.ts';
import { releasedCourseEvaluation } from '../features/training/evaluation.ts';
import { practiceGroupView } from '../features/training/practice-group.ts';
import { seedDemo } from './seed.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo({ db: database.db });
}, 240_000);
afterAll(async () => {
  await database?.drop();
});
const q = async (text: string, values: unknown[] = []) => (await database.pool.query(text, values)).rows;

describe('the demo training', () => {
  it('gives each of the finished cohort’s 12 graduates a certificate that verifies by its code', async () => {
    const rows = await q(`
      SELECT c.verification_code, c.holder_name, c.source_type FROM enrolments e
      JOIN cohorts k ON k.organization_id = e.organization_id AND k.id = e.cohort_id
      JOIN certificates c ON c.organization_id = e.organization_id AND c.source_id = e.id
      WHERE k.status = 'finished' AND e.status = 'completed' AND c.revoked_at IS NULL`);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.verification_code)).size).toBe(12);
    for (const r of rows) {
      const found = await verifyCertificateCode(database.db, r.verification_code as string, 'fi');
      expect(found).toMatchObject({ status: 'valid' });
      expect(found!.title).toContain('ohjaajakoulutus');
    }
  });

  it('has a running cohort with submissions, feedback, a practice group and an observable meeting', async () => {
    const [running] = await q(`SELECT id, organization_id FROM cohorts WHERE status = 'running'`);
    const [{ n: submissions }] = (await q(`SELECT count(*)::int AS n FROM submissions s JOIN enrolments e ON e.id = s.enrolment_id WHERE e.cohort_id = $1`, [running!.id])) as [{ n: number }];
    const [{ n: feedback }] = (await q(`SELECT count(*)::int AS n FROM submission_feedback f JOIN enrolments e ON e.id = f.enrolment_id WHERE e.cohort_id = $1`, [running!.id])) as [{ n: number }];
    expect(submissions).toBeGreaterThanOrEqual(6);
    expect(feedback).toBeGreaterThanOrEqual(4);
    const [practice] = await q(`SELECT e.id, e.mentor_user_id FROM enrolments e WHERE e.cohort_id = $1 AND e.practice_group_id IS NOT NULL`, [running!.id]);
    const mentor = await actorFor(database.db, practice!.mentor_user_id as string, running!.organization_id as string);
    const view = await practiceGroupView(database.db, mentor, { organizationId: running!.organization_id as string, enrolmentId: practice!.id as string }, 'fi', new Date());
    expect(view.meetingsHeld).toBe(2);
    expect(view.upcoming.some((m) => m.observable)).toBe(true);
  });

  it('releases the finished cohort’s evaluation and withholds the running cohort’s four answers', async () => {
    const [coordinator] = await q(`SELECT m.user_id, m.organization_id FROM memberships m JOIN cohorts k ON k.organization_id = m.organization_id WHERE m.role = 'coordinator' AND k.status = 'finished' LIMIT 1`);
    const actor = await actorFor(database.db, coordinator!.user_id as string, coordinator!.organization_id as string);
    const [spring] = await q(`SELECT id FROM cohorts WHERE status = 'finished'`);
    const [autumn] = await q(`SELECT id FROM cohorts WHERE status = 'running'`);
    const finished = await releasedCourseEvaluation(actor, database.db, { organizationId: actor.organizationId!, cohortId: spring!.id as string }, 'fi');
    expect(finished.find((r) => r.target === 'course')).toMatchObject({ n: 12, withheld: false });
    const runningEval = await releasedCourseEvaluation(actor, database.db, { organizationId: actor.organizationId!, cohortId: autumn!.id as string }, 'fi');
    expect(runningEval[0]).toMatchObject({ n: null, withheld: true });
  });
});
