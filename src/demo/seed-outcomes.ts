// The demo's outcome measurement: most entrepreneurs consented at joining and answered the
// baseline; the full set followed every 6 months with plausible change (WHO-5 up by about
// 10 points on average, SD about 15) and about 20 % attrition by 12 months; pulses after
// meetings; anonymous feedback after past meetings. Scores are computed with the real scoring.
import { and, eq, lte } from 'drizzle-orm';
import { users } from '../features/accounts/accounts.schema.ts';
import { groupMembers } from '../features/groups/groups.schema.ts';
import { meetings } from '../features/meetings/meetings.schema.ts';
import { builtInInstruments } from '../features/outcomes/instruments/index.ts';
import { checkInAnswers, checkIns, checkInScores, measurementConsents, meetingFeedback, meetingFeedbackGivers, type CheckInKind } from '../features/outcomes/outcomes.schema.ts';
import { addDays, addMonths, instrumentsFor, latestWave } from '../features/outcomes/plan.ts';
import { helsinkiDate } from '../features/outcomes/outcomes.queries.ts';
import { scoreInstrument } from '../features/outcomes/scoring.ts';
import { newId } from '../platform/db/ids.ts';
import type { Tx } from '../platform/db/db.ts';
import type { Random } from '../../tests/factories/finnish-names.ts';

const comments = [
  'Hyvä, rauhallinen tunnelma.',
  'Sain paljon ajateltavaa omaan jaksamiseeni.',
  'Aika loppui kesken, olisin halunnut kuulla lisää.',
  'Asiantuntijan osuus oli hyödyllinen.',
  'Kiitos, että sain puhua rauhassa.',
  'Kävelykokous sopi minulle tosi hyvin.',
];

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function normal(random: Random, mean: number, sd: number): number {
  const u = Math.max(random.next(), 1e-9);
  const v = random.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Item answers whose WHO-5 percentage score is close to `target`. */
function who5Answers(random: Random, target: number): Record<string, number> {
  const raw = clamp(Math.round(target / 4), 0, 25);
  const ids = ['cheerful', 'calm', 'active', 'rested', 'interest'];
  const values = ids.map(() => Math.floor(raw / 5));
  let rest = raw - values.reduce((a, b) => a + b, 0);
  while (rest > 0) {
    const i = random.int(0, 4);
    if (values[i]! < 5) {
      values[i]! += 1;
      rest -= 1;
    }
  }
  return Object.fromEntries(ids.map((id, i) => [id, values[i]!]));
}

/** Answers for every instrument of a check-in, from the person's wellbeing level (WHO-5, 0–100). */
function answersFor(random: Random, kind: CheckInKind, wellbeing: number): Record<string, Record<string, number | string>> {
  const level = (wellbeing - 50) / 25; // about −2 … +2
  const all: Record<string, Record<string, number | string>> = {
    'who-5': who5Answers(random, wellbeing),
    'work-ability-score': { current: clamp(Math.round(normal(random, 7 + level, 1.2)), 0, 10) },
    'life-satisfaction': { overall: clamp(Math.round(normal(random, 7 + level, 1.2)), 0, 10) },
    'three-item-loneliness': Object.fromEntries(['companionship', 'left-out', 'isolated'].map((id) => [id, clamp(Math.round(normal(random, 1.8 - level * 0.4, 0.6)), 1, 3)])),
    'business-indicators': { 'working-hours': clamp(Math.round(normal(random, 42, 8)), 10, 80), 'admin-hours': clamp(Math.round(normal(random, 7 - level, 2)), 1, 20) },
  };
  return Object.fromEntries(instrumentsFor(kind).map((i) => [i.id, all[i.id]!]));
}

export async function seedOutcomes(tx: Tx, input: { organizationId: string; random: Random; now: Date; entrepreneurEmail?: string }): Promise<{ checkIns: number }> {
  const { organizationId, random, now } = input;
  const today = helsinkiDate(now);
  const members = await tx
    .select({ userId: groupMembers.userId, groupId: groupMembers.groupId, joinedAt: groupMembers.joinedAt, leftAt: groupMembers.leftAt, email: users.email })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .where(eq(groupMembers.organizationId, organizationId));
  const pastMeetings = await tx
    .select({ id: meetings.id, groupId: meetings.groupId, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.organizationId, organizationId), eq(meetings.status, 'scheduled'), lte(meetings.startsAt, now)));

  const consentRows: (typeof measurementConsents.$inferInsert)[] = [];
  const checkInRows: (typeof checkIns.$inferInsert)[] = [];
  const answerRows: (typeof checkInAnswers.$inferInsert)[] = [];
  const scoreRows: (typeof checkInScores.$inferInsert)[] = [];
  const feedbackRows: (typeof meetingFeedback.$inferInsert)[] = [];
  const giverRows: (typeof meetingFeedbackGivers.$inferInsert)[] = [];

  const add = (m: (typeof members)[number], kind: CheckInKind, wave: number | null, dueOn: string, meetingId: string | null, submittedAt: Date, wellbeing: number) => {
    const id = newId();
    checkInRows.push({ organizationId, id, userId: m.userId, groupId: m.groupId, kind, wave, dueOn, meetingId, status: 'submitted', createdAt: submittedAt, updatedAt: submittedAt, submittedAt });
    const answers = answersFor(random, kind, wellbeing);
    for (const instrument of builtInInstruments.filter((i) => answers[i.id])) {
      const given = answers[instrument.id]!;
      for (const [itemId, value] of Object.entries(given)) {
        answerRows.push({ organizationId, checkInId: id, instrumentId: instrument.id, itemId, valueNumber: typeof value === 'number' ? String(value) : null, valueCode: typeof value === 'string' ? value : null });
      }
      if (instrument.scoring.kind !== 'scale') continue;
      const result = scoreInstrument(instrument, given);
      if (result.status !== 'scored') continue;
      scoreRows.push({ organizationId, checkInId: id, instrumentId: instrument.id, userId: m.userId, groupId: m.groupId, kind, wave, meetingId, score: String(result.score), band: result.band?.code ?? null, submittedAt });
    }
  };
  const at = (date: string, lagDays: number) => {
    const d = new Date(`${addDays(date, lagDays)}T15:00:00Z`);
    return d.getTime() > now.getTime() ? now : d;
  };

  // About 85 % consent to measurement (the demo entrepreneur always does).
  const consenting = members.filter((m) => m.email === input.entrepreneurEmail || random.next() < 0.85);
  // Each person's change by 12 months: drawn, then standardised to mean +10 and SD 15 in this
  // small sample, so the evaluation pages show the intended effect rather than sampling noise.
  const draws = consenting.map(() => normal(random, 0, 1));
  const drawMean = draws.reduce((a, b) => a + b, 0) / Math.max(1, draws.length);
  const drawSd = Math.sqrt(draws.reduce((a, b) => a + (b - drawMean) ** 2, 0) / Math.max(1, draws.length - 1)) || 1;
  for (const [index, m] of consenting.entries()) {
    const isDemoLogin = m.email === input.entrepreneurEmail;
    const joinedOn = helsinkiDate(m.joinedAt);
    consentRows.push({ organizationId, userId: m.userId, givenAt: m.joinedAt });
    const baseline = isDemoLogin ? 44 : clamp(normal(random, 50, 15), 8, 96);
    const change = isDemoLogin ? 16 : 10 + (15 * (draws[index]! - drawMean)) / drawSd;
    add(m, 'baseline', 0, joinedOn, null, at(joinedOn, random.int(0, 3)), baseline);
    // Attrition: about 10 % stop after the baseline and another 10 % after 6 months.
    const r = random.next();
    const lastWave = isDemoLogin ? 99 : r < 0.1 ? 0 : r < 0.2 ? 1 : 99;
    const waves = Math.min(latestWave(joinedOn, today), lastWave);
    const wellbeingAt = (wave: number) => clamp(baseline + change * Math.min(1, 0.6 + 0.2 * (wave - 1)) * (wave > 0 ? 1 : 0) + normal(random, 0, 5), 0, 100);
    for (let wave = 1; wave <= waves; wave++) {
      const dueOn = addMonths(joinedOn, wave * 6);
      add(m, 'full', wave, dueOn, null, at(dueOn, random.int(0, 10)), isDemoLogin ? baseline + [0, 8, 14, 16][wave]! : wellbeingAt(wave));
    }
    // Pulses after meetings (about 60 % answer, while still taking part).
    const stopOn = lastWave >= 99 ? '9999-12-31' : addMonths(joinedOn, (lastWave + 1) * 6);
    for (const meeting of pastMeetings.filter((x) => x.groupId === m.groupId)) {
      const date = helsinkiDate(meeting.startsAt);
      if (date < joinedOn || date >= stopOn || random.next() >= 0.6) continue;
      const months = (meeting.startsAt.getTime() - m.joinedAt.getTime()) / (30 * 86_400_000);
      add(m, 'pulse', null, date, meeting.id, at(date, random.int(0, 2)), clamp(baseline + (change * Math.min(months, 12)) / 12 + normal(random, 0, 6), 0, 100));
    }
  }

  // Anonymous feedback after past meetings: about half of the members answer.
  for (const meeting of pastMeetings) {
    for (const m of members.filter((x) => x.groupId === meeting.groupId)) {
      if (random.next() >= 0.5) continue;
      giverRows.push({ organizationId, meetingId: meeting.id, userId: m.userId });
      feedbackRows.push({
        organizationId,
        groupId: meeting.groupId,
        meetingId: meeting.id,
        useful: clamp(Math.round(normal(random, 4.2, 0.8)), 1, 5),
        safe: clamp(Math.round(normal(random, 4.5, 0.6)), 1, 5),
        comment: random.next() < 0.15 ? random.pick(comments) : null,
      });
    }
  }

  const insertAll = async <T extends Record<string, unknown>>(table: Parameters<Tx['insert']>[0], rows: T[], chunk = 2000) => {
    // The rows are built from each table's $inferInsert above; the generic insert cannot relate the two types.
    for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk) as never);
  };
  await insertAll(measurementConsents, consentRows);
  await insertAll(checkIns, checkInRows);
  await insertAll(checkInAnswers, answerRows);
  await insertAll(checkInScores, scoreRows);
  await insertAll(meetingFeedbackGivers, giverRows);
  await insertAll(meetingFeedback, feedbackRows);
  return { checkIns: checkInRows.length };
}
