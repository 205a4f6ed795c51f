// Counting advice for the funder report (issue 17): sessions held, hours and the companies
// advised in a period. Advice supports the company, so a company counts once as a supported SME
// (per the programme's rule: the person or the company, never both); a session with no company
// known counts its person's key instead (account or guest e-mail), never both for one session.
// Counts about people are published only through the disclosure layer.
import { sql } from 'drizzle-orm';
import { releaseFigures, type Released } from '../../platform/disclosure/release.ts';
import type { Db, Tx } from '../../platform/db/db.ts';

export interface AdviceCountsScope {
  organizationId: string;
  /** inclusive */
  from: Date;
  /** exclusive */
  to: Date;
}

export interface AdviceCounts {
  sessions: number;
  hours: number;
  noShows: number;
  /** Distinct companies (or persons where no company is known) advised. */
  companies: number;
  /** The people behind the sessions, for the disclosure audit: account ids, and for a guest a uuid made from the e-mail address. */
  memberIds: string[];
}

/** Booked sessions that started in the period; a no-show is counted apart and adds no hours. */
export async function adviceCounts(db: Tx, { organizationId, from, to }: AdviceCountsScope, now: Date = new Date()): Promise<AdviceCounts> {
  const { rows } = await db.execute<{ sessions: number; hours: string | null; no_shows: number; companies: number; members: string[] | null }>(sql`
    SELECT count(*) FILTER (WHERE attendance IS DISTINCT FROM 'no_show')::int AS sessions,
           (sum(extract(epoch FROM ends_at - starts_at)) FILTER (WHERE attendance IS DISTINCT FROM 'no_show') / 3600)::text AS hours,
           count(*) FILTER (WHERE attendance = 'no_show')::int AS no_shows,
           count(DISTINCT COALESCE('c:' || company_id::text, 'y:' || guest_business_id, 'u:' || user_id::text, 'e:' || lower(guest_email)))
             FILTER (WHERE attendance IS DISTINCT FROM 'no_show')::int AS companies,
           array_agg(DISTINCT COALESCE(user_id, md5('advice-guest:' || lower(guest_email))::uuid)::text)
             FILTER (WHERE attendance IS DISTINCT FROM 'no_show') AS members
    FROM advice_sessions
    WHERE organization_id = ${organizationId} AND status = 'booked'
      AND starts_at >= ${from.toISOString()}::timestamptz AND starts_at < ${to.toISOString()}::timestamptz AND starts_at <= ${now.toISOString()}::timestamptz`);
  const r = rows[0];
  return {
    sessions: r?.sessions ?? 0,
    hours: Math.round(Number(r?.hours ?? 0) * 100) / 100,
    noShows: r?.no_shows ?? 0,
    companies: r?.companies ?? 0,
    memberIds: r?.members ?? [],
  };
}

export const ADVICE_DOMAIN = 'participation:advice';

export interface AdviceFigures {
  sessions: number | null;
  hours: number | null;
  companies: number | null;
}

/**
 * The figures as they may be shown to someone who may not see the rows (a funder): released
 * together or withheld together when too few were advised (small) or when they would differ by
 * few from an earlier release (the register's complementary check).
 */
export async function releasedAdviceFigures(db: Db, scope: AdviceCountsScope, now: Date = new Date()): Promise<Released<AdviceFigures>> {
  const counts = await adviceCounts(db, scope, now);
  return releaseFigures(db, { organizationId: scope.organizationId, domain: ADVICE_DOMAIN }, [{ id: 'advice', members: counts.memberIds }], (decision) =>
    decision.released('advice')
      ? { sessions: counts.sessions, hours: counts.hours, companies: counts.companies }
      : { sessions: null, hours: null, companies: null },
  );
}
